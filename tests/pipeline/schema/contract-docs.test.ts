import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contractMarkdown } from '../../../pipeline/schema/contract-markdown.ts';

describe('docs/inbox.md', () => {
  it('is the contract as the code enforces it (regenerate with pipeline/schema/write-contract-docs.ts)', () => {
    expect(readFileSync(new URL('../../../docs/inbox.md', import.meta.url), 'utf8')).toBe(contractMarkdown());
  });
});
