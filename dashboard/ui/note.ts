import { h, type Child } from './h.ts';

/** A short explanatory paragraph, e.g. why a chart is absent. */
export function note(...children: Child[]): HTMLParagraphElement {
  return h('p', { class: 'note' }, ...children);
}
