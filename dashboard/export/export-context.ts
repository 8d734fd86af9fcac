/** What every export of the current view says about itself besides its own title. */
export interface ExportContext {
  regionCode: string;
  regionName: string;
  /** The year the view is at, when the page has a year. */
  year: number | null;
  /** The selected indicator with its unit as shown, when the page has one. */
  indicator: { id: string; name: string; unit: string } | null;
  /** The published data version (数据版本). */
  version: string;
  synthetic: boolean;
}

let current: ExportContext | null = null;

/** Records the view being shown; the app sets it on every render, before any export can be clicked. */
export function setExportContext(context: ExportContext): void {
  current = context;
}

/** The context of the view on screen. */
export function exportContext(): ExportContext {
  if (!current) throw new Error('export before the first view was rendered');
  return current;
}

/** A file name naming the region, the indicator and the year, then what was exported. */
export function exportFileName(context: ExportContext, what: string, extension: string): string {
  const safe = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '-');
  const parts = [
    `${safe(context.regionName)}-${context.regionCode}`,
    context.indicator ? safe(context.indicator.name) : null,
    context.year !== null ? String(context.year) : null,
    safe(what),
  ].filter((p): p is string => p !== null);
  return `${parts.join('_')}.${extension}`;
}
