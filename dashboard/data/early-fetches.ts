/** What index.html's inline script asked for before the app's code ran. */
interface EarlyFetches {
  fetches: Map<string, Promise<Response>>;
  /** Settles once the files that depend on current.json (the version's manifest, regions) are asked for. */
  started: Promise<void>;
}

const early = (globalThis as { cbEarly?: EarlyFetches }).cbEarly;

/**
 * The response to a request the page's inline script already made (current.json, then the version's
 * manifest and regions, while the app's code was still loading), taken once; else a fresh fetch.
 */
export async function earlyOrFetch(url: URL, init: RequestInit): Promise<Response> {
  await early?.started;
  const pending = early?.fetches.get(url.href);
  if (!pending) return fetch(url, init);
  early!.fetches.delete(url.href);
  return pending;
}
