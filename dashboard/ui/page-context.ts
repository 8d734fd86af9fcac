import type { DataStore } from '../data/data-store.ts';
import type { RegionTree } from '../data/region-tree.ts';
import type { Ui } from '../i18n/ui.ts';
import type { UrlState } from '../state/url-state.ts';
import type { ViewState } from '../state/view-state.ts';

/** What a page renders from: the view, the data, the region tree and the language. */
export interface PageContext {
  state: ViewState;
  store: DataStore;
  tree: RegionTree;
  ui: Ui;
  url: UrlState;
  /** The region aggregate figures are for: the selected region, or a selected community's township. */
  region: string;
}
