import type { Indicator } from '../../contract/indicators.ts';

/** A page that shows one theme's indicators: which theme, and the indicator it opens on. */
export interface ThemedIndicator {
  theme: Indicator['theme'];
  fallback: string;
}

/**
 * The indicator a themed page shows: the view's own when it belongs to the theme, else the page's
 * fallback. The selector and the page both use it, so what is selected is what is drawn.
 */
export function themedIndicator(indicators: readonly Indicator[], selected: string, page: ThemedIndicator): string {
  return indicators.some((i) => i.id === selected && i.theme === page.theme) ? selected : page.fallback;
}
