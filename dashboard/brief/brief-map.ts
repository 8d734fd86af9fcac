import type { GapId, GroupId } from '../../contract/indicators.ts';
import type { MapLevel, MapShapeProperties, MapTopology } from '../../contract/map-files.ts';
import { BRIEF_INDICATORS } from '../../core/brief/build-brief.ts';
import type { DataStore } from '../data/data-store.ts';
import { regionSlice } from '../data/region-slice.ts';
import type { Ui } from '../i18n/ui.ts';
import { shapeStatus, type ChoroplethOptions, type ChoroplethValue } from '../map/choropleth.ts';
import { gapMapLegend, gapShapeValue, sentence } from '../map/gap-map.ts';
import { loadMap } from '../map/load-map.ts';
import { BRIEF_CHART_WIDTH } from './brief-chart.ts';
import type { BriefBlock } from './brief-document.ts';
import type { BriefLevel } from './load-brief.ts';

/** The tallest a brief's map is drawn, so it and its legend fit under the gaps table on one A4 page. */
export const BRIEF_MAP_HEIGHT = 300;

/**
 * The gap a brief's map is coloured by: the first row of its gaps table, the urban–rural gap in
 * service-centre coverage (the national plan's headline target), the same for every brief so maps of
 * neighbouring regions read alike.
 */
export const BRIEF_MAP_GAP: { indicator: string; gap: GapId } = { indicator: BRIEF_INDICATORS[0], gap: 'urban_rural' };

/** What a brief's map shows: the sub-regions of `parent` at `level`, coloured by one gap, one of them outlined. */
export interface BriefMap {
  parent: string;
  level: MapLevel;
  /** The brief's own region when it is one of the shapes (a county among its city's counties). */
  highlight: string | null;
  indicator: string;
  gap: GapId;
  pair: { a: GroupId; b: GroupId };
  year: number;
  topology: MapTopology;
  values: ReadonlyMap<string, ChoroplethValue>;
}

/** Which map a brief shows: a province its cities, a city its counties, a county its city's counties. */
export function briefMapPlace(code: string, level: BriefLevel): Pick<BriefMap, 'parent' | 'level' | 'highlight'> {
  if (level === 'province') return { parent: code, level: 'city', highlight: null };
  if (level === 'city') return { parent: code, level: 'county', highlight: null };
  return { parent: code.slice(0, 4), level: 'county', highlight: code };
}

/** The map of a brief from the site's map files and gap shards, or null when the boundaries have no shapes there. */
export async function loadBriefMap(
  store: DataStore,
  code: string,
  level: BriefLevel,
  year: number,
): Promise<BriefMap | null> {
  const place = briefMapPlace(code, level);
  const { indicator, gap } = BRIEF_MAP_GAP;
  const [topology, slice] = await Promise.all([
    loadMap(place.parent, place.level),
    regionSlice(store, place.parent, 'gaps'),
  ]);
  if (!topology) return null;
  const values = new Map<string, ChoroplethValue>();
  for (const row of slice.children)
    if (row.year === year && row.indicator === indicator && row.gap === gap)
      values.set(row.region_code, gapShapeValue(row));
  return { ...place, indicator, gap, pair: store.manifest.gaps[gap], year, topology, values };
}

/** The map block of a brief in the UI's language: its title, the choropleth's words and the caption lines. */
export function briefMapBlock(
  ui: Ui,
  map: BriefMap,
  region: { code: string; name: string },
  place: (code: string) => string,
): Extract<BriefBlock, { kind: 'map' }> {
  const { t, fmt } = ui;
  const measure = ui.indicator(map.indicator);
  const legend = gapMapLegend(ui, map.indicator, map.gap, map.pair);
  const key =
    map.level === 'city'
      ? 'brief_map_title_province'
      : map.highlight
        ? 'brief_map_title_county'
        : 'brief_map_title_city';
  const title = sentence(
    t(key, {
      region: region.name,
      parent: place(map.parent),
      gap: ui.gapName(map.gap),
      indicator: ui.indicatorName(map.indicator),
      year: map.year,
    }),
  );
  const nameOf = (shape: MapShapeProperties) => place(shape.code) || shape.name;
  const options: ChoroplethOptions = {
    ...legend,
    width: BRIEF_CHART_WIDTH,
    maxHeight: BRIEF_MAP_HEIGHT,
    highlight: map.highlight
      ? { code: map.highlight, label: t('brief_map_highlight', { region: region.name }) }
      : undefined,
    tip: (shape, v) => {
      const status = shapeStatus(v);
      const name = nameOf(shape);
      if (status === 'no_data') return t('map_tip_no_data', { name });
      if (status === 'suppressed') return t('map_tip_suppressed', { name, n: fmt.int(v?.n) });
      return t('map_tip_gap', { name, gap: ui.gapName(map.gap), value: fmt.diff(measure, v!.value), n: fmt.int(v!.n) });
    },
  };
  const unmapped = map.topology.unmapped;
  return {
    kind: 'map',
    id: 'map',
    title,
    caption: [legend.labels.source, legend.labels.review],
    alt: t('brief_map_alt', { title, source: legend.labels.source, review: legend.labels.review }),
    note: unmapped.length
      ? t('map_unmapped', {
          list: ui.list(unmapped.map((r) => (ui.lang === 'zh' ? `${r.name}（${r.code}）` : `${r.name} (${r.code})`))),
        })
      : null,
    data: { topology: map.topology, values: map.values },
    options,
  };
}
