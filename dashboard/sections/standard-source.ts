import type { Standard } from '../../contract/standard.ts';
import type { Ui } from '../i18n/ui.ts';

type Sourced = Pick<Standard, 'source' | 'source_en' | 'sources'>;

/** Where a standard comes from, in the reader's language (issuer, title and date). */
export function standardSource(ui: Pick<Ui, 'lang'>, standard: Sourced): string {
  return ui.lang === 'en' && standard.source_en ? standard.source_en : standard.source;
}

/**
 * The basis of a standard for one region: of a standard drawn from several places' documents, the
 * documents of the places that cover the region (a region is not bound by another city's reply),
 * else all of them.
 */
export function standardBasis(ui: Pick<Ui, 'lang'>, standard: Sourced, region: string): string {
  const own = (standard.sources ?? []).filter((s) => region.startsWith(s.scope));
  if (own.length === 0) return standardSource(ui, standard);
  return own.map((s) => s[ui.lang]).join(ui.lang === 'zh' ? '；' : '; ');
}
