import { normalizeText } from './normalize-text.ts';

/** Folds a header for matching: full-width to ASCII, lower case, no spaces, underscores or hyphens. */
export function foldHeader(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}
