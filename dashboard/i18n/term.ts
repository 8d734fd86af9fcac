import { ZH, type MessageKey } from './messages.ts';
import type { Translate } from './ui.ts';

/** Kinds of machine identifiers that a page shows and that each have a name in every UI language. */
export type TermKind =
  'step' | 'dataset' | 'test' | 'severity' | 'run_status' | 'test_status' | 'rule' | 'file_status' | 'field';

const KEYS: ReadonlySet<string> = new Set(Object.keys(ZH));

/**
 * The reader's word for a machine identifier (a run step, a dataset, a data test…): ids such as
 * "fingerprint inbox" or "funding_outliers" are never shown as they are. An id without a name is
 * shown as it is, so that a new one is visible rather than hidden.
 */
export function term(t: Translate, kind: TermKind, id: unknown): string {
  const text = id === null || id === undefined ? '' : String(id);
  const key = `${kind}_${text.replace(/\s+/g, '_')}`;
  return KEYS.has(key) ? t(key as MessageKey) : text;
}
