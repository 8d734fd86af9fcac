import type { StandardMeta } from '../../contract/published-types.ts';
import type { Ui } from '../i18n/ui.ts';

/** Where a standard comes from, in the reader's language (issuer, title and date). */
export function standardSource(ui: Pick<Ui, 'lang'>, standard: Pick<StandardMeta, 'source' | 'source_en'>): string {
  return ui.lang === 'en' && standard.source_en ? standard.source_en : standard.source;
}
