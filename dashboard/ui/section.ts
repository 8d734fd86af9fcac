import { h, type Child } from './h.ts';

/** A titled section of a page. */
export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'page-section' }, h('h3', { class: 'section-title' }, title), ...children);
}
