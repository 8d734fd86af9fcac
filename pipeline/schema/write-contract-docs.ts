import { writeFileSync } from 'node:fs';
import { contractMarkdown } from './contract-markdown.ts';

writeFileSync(new URL('../../docs/inbox.md', import.meta.url), contractMarkdown());
