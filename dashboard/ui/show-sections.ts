import { h } from './h.ts';
import { isLater, type Drawn, type Later, type Section } from './later.ts';

/** Until the browser has had the chance to paint (or 100 ms in a hidden tab, which paints nothing). */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}

const asSections = (drawn: Drawn): Section[] =>
  drawn === null ? [] : Array.isArray(drawn) ? [...(drawn as readonly Section[])] : [drawn as Section];

/** Every section drawn, in order, with nothing left for later. */
async function drawAll(sections: readonly Section[]): Promise<Node[]> {
  const nodes: Node[] = [];
  for (const section of sections)
    nodes.push(...(isLater(section) ? await drawAll(asSections(await section.draw())) : [section]));
  return nodes;
}

/**
 * Puts a page's sections on screen. Progressively (a first load, showing 加载中): the parts drawn at
 * once go up with a placeholder for each later one, and the later ones are drawn top down, each after
 * the browser has painted the one before, so the first chart shows without waiting for the charts
 * below it. Otherwise (the reader changed a selector) everything is drawn first and swapped in at
 * once, so the view does not flicker or jump. Resolves when all is drawn; stops when `stale` says a
 * newer view took over.
 */
export async function showSections(
  sections: readonly Section[],
  place: (nodes: Node[]) => void,
  options: { progressive: boolean; stale: () => boolean },
): Promise<void> {
  if (!options.progressive) {
    const nodes = await drawAll(sections);
    if (!options.stale()) place(nodes);
    return;
  }
  const queue: { later: Later; slot: Element }[] = [];
  const slotted = (parts: readonly Section[]) => {
    const pending: typeof queue = [];
    const nodes = parts.map((part) => {
      if (!isLater(part)) return part;
      const slot = h('div', { class: 'pending-section', 'aria-hidden': 'true' });
      pending.push({ later: part, slot });
      return slot;
    });
    // Parts a later part yields come before the ones after it.
    queue.unshift(...pending);
    return nodes;
  };
  place(slotted(sections));
  while (queue.length) {
    const { later, slot } = queue.shift()!;
    await nextPaint();
    if (options.stale()) return;
    const drawn = asSections(await later.draw());
    if (options.stale()) return;
    slot.replaceWith(...slotted(drawn));
  }
}
