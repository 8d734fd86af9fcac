/**
 * NFKC-folds a string (full-width digits, letters and punctuation become ASCII) and trims it, so
 * `１，２３４．５` and ` 1,234.5 ` read alike.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').trim();
}
