import type { Section } from './later.ts';
import type { PageContext } from './page-context.ts';
import type { SelectorNeeds } from './view-selectors.ts';

/** A page: which selectors it uses, and its content for a view (parts of which may be drawn later). */
export interface Page {
  needs: SelectorNeeds;
  render(ctx: PageContext): Promise<Section[]>;
}
