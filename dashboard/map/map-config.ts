import config from '../../config/map.json';

/**
 * The 审图号 the publishing body set in config/map.json (read at build time), or null while it is
 * not filled in: a public map of China needs one, and only the publisher can obtain or confirm it.
 */
export const REVIEW_NUMBER: string | null = reviewNumber(config.review_number as unknown);

function reviewNumber(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}
