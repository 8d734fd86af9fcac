import { mapFile, type MapLevel, type MapTopology } from '../../contract/map-files.ts';

const cache = new Map<string, Promise<MapTopology | null>>();

/**
 * The generated map file of a parent and level, fetched once from the site (relative to the page, so the
 * site can live under any folder); null when the boundary data has no shapes there.
 */
export function loadMap(parent: string, level: MapLevel): Promise<MapTopology | null> {
  const path = mapFile(parent, level);
  let pending = cache.get(path);
  if (!pending) {
    pending = fetch(new URL(path, document.baseURI)).then(async (response) => {
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return (await response.json()) as MapTopology;
    });
    pending.catch(() => cache.delete(path));
    cache.set(path, pending);
  }
  return pending;
}
