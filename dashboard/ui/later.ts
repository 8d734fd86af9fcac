/** What a later part draws: nodes, or sections of its own (some of them later again). */
export type Drawn = Section | readonly Section[] | null;

/** A part of a page drawn only once the parts before it are drawn (see showSections). */
export interface Later {
  readonly draw: () => Promise<Drawn> | Drawn;
}

/** What a page returns: parts drawn at once, and parts drawn in turn after them. */
export type Section = Node | Later;

/**
 * A part to draw after the ones above it: its data may already be on its way (start the fetch before
 * calling this), but its drawing waits its turn, so that the first chart is not held up by the rest.
 */
export function later(draw: Later['draw']): Later {
  return { draw };
}

export function isLater(section: Section): section is Later {
  return !(section instanceof Node);
}
