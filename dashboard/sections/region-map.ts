import type { GapRow, GroupRow } from '../../contract/published-types.ts';
import type { GapId, GroupId } from '../../contract/indicators.ts';
import type { MapLevel, MapShapeProperties } from '../../contract/map-files.ts';
import { regionLevel } from '../../contract/region-level.ts';
import { chartFigure, type Column } from '../charts/chart-figure.ts';
import { chartWidth } from '../charts/plot-defaults.ts';
import { regionSlice } from '../data/region-slice.ts';
import { choropleth, shapeStatus, type ChoroplethValue } from '../map/choropleth.ts';
import { loadMap } from '../map/load-map.ts';
import { gapMapLegend, gapShapeValue, mapLabels, sentence } from '../map/gap-map.ts';
import { mapLevels } from '../map/map-levels.ts';
import { h } from '../ui/h.ts';
import type { PageContext } from '../ui/page-context.ts';

/** What the map colours by: the gap, or one group's value. */
type ColorBy = 'gap' | GroupId;

// The reader's choice of level and colouring, kept while they move between regions and pages.
const choice: { level: MapLevel | null; colorBy: ColorBy } = { level: null, colorBy: 'gap' };

/** The rows of a shard for the regions of a map: the children, or for counties on a province its cities' children. */
async function mapRows<K extends 'gaps' | 'groups'>(
  ctx: PageContext,
  level: MapLevel,
  shard: K,
): Promise<(K extends 'gaps' ? GapRow : GroupRow)[]> {
  type Row = K extends 'gaps' ? GapRow : GroupRow;
  const { store, tree, region } = ctx;
  if (regionLevel(region) === 'province' && level === 'county') {
    const cities = tree.children(region).filter((c) => c.level === 'city');
    const slices = await Promise.all(cities.map((c) => regionSlice(store, c.code, shard)));
    return slices.flatMap((s) => s.children as Row[]);
  }
  return (await regionSlice(store, region, shard)).children as Row[];
}

interface MapRow {
  shape: MapShapeProperties;
  value: ChoroplethValue | undefined;
  gap?: GapRow;
}

/**
 * The choropleth of a region's sub-regions for the selected indicator and year: the gap (diverging,
 * the lagging side named) or a group's value (sequential). A shape with data opens its region; the
 * registry regions the boundary data lacks are listed under the map.
 */
export async function regionMap(ctx: PageContext, gap: GapId): Promise<HTMLElement | null> {
  const levels = mapLevels(ctx.region);
  if (levels.length === 0) return null;
  const holder = h('div', { class: 'region-map' });
  const draw = async () => {
    const level = choice.level && levels.includes(choice.level) ? choice.level : levels[0]!;
    holder.replaceChildren(await mapFigure(ctx, gap, level, levels, draw));
  };
  await draw();
  return holder;
}

async function mapFigure(
  ctx: PageContext,
  gap: GapId,
  level: MapLevel,
  levels: readonly MapLevel[],
  redraw: () => Promise<void>,
): Promise<HTMLElement> {
  const { ui, state, store, tree, url } = ctx;
  const { t, fmt } = ui;
  const measure = ui.indicator(state.indicator);
  const pair = store.manifest.gaps[gap];
  const groups: GroupId[] = [pair.a, pair.b];
  const colorBy: ColorBy = choice.colorBy === 'gap' || groups.includes(choice.colorBy) ? choice.colorBy : 'gap';
  const parent = ctx.region;
  const [topology, rows] = await Promise.all([
    loadMap(parent, level),
    colorBy === 'gap' ? mapRows(ctx, level, 'gaps') : mapRows(ctx, level, 'groups'),
  ]);
  const values = new Map<string, ChoroplethValue>();
  const gapRows = new Map<string, GapRow>();
  for (const row of rows) {
    if (row.year !== state.year || row.indicator !== state.indicator) continue;
    if ('gap' in row) {
      if (row.gap !== gap) continue;
      gapRows.set(row.region_code, row);
      values.set(row.region_code, gapShapeValue(row));
    } else if (row.group === colorBy) {
      values.set(row.region_code, { value: row.value, n: row.n, suppressed: false });
    }
  }
  const nameOf = (shape: MapShapeProperties) => ui.placeName(shape.code, tree.get(shape.code)?.name ?? shape.name);
  const valueText = (v: ChoroplethValue | undefined) =>
    shapeStatus(v) === 'suppressed'
      ? t('suppressed')
      : shapeStatus(v) === 'no_data'
        ? t('no_data')
        : colorBy === 'gap'
          ? fmt.diff(measure, v!.value)
          : fmt.value(measure, v!.value);
  const nText = (code: string, v: ChoroplethValue | undefined) => {
    const row = gapRows.get(code);
    return row ? t('n_pair', { a: fmt.int(row.n_a), b: fmt.int(row.n_b) }) : fmt.int(v?.n);
  };
  const groupLabel = colorBy === 'gap' ? ui.gapName(gap) : ui.groupName(colorBy);
  const unit = colorBy === 'gap' ? fmt.diffUnit(measure) : fmt.unit(measure.unit);
  const plot = topology
    ? choropleth(
        { topology, values },
        {
          ...(colorBy === 'gap'
            ? gapMapLegend(ui, state.indicator, gap, pair)
            : {
                scale: 'sequential' as const,
                legendTitle: sentence(t('map_legend_value', { group: groupLabel, unit })),
                format: (v: number) => fmt.bare(measure, v),
                labels: mapLabels(ui),
              }),
          tip: (shape, v) => {
            const status = shapeStatus(v);
            const name = nameOf(shape);
            if (status === 'no_data') return t('map_tip_no_data', { name });
            if (status === 'suppressed') return t('map_tip_suppressed', { name, n: nText(shape.code, v) });
            return colorBy === 'gap'
              ? t('map_tip_gap', { name, gap: groupLabel, value: valueText(v), n: nText(shape.code, v) })
              : t('map_tip_value', { name, group: groupLabel, value: valueText(v), n: nText(shape.code, v) });
          },
          canSelect: (code) => tree.get(code) !== undefined,
          onSelect: (code) => url.go({ region: code }),
          linkLabel: (shape) => t('map_open', { name: nameOf(shape) }),
          // Drawn at the room it has, like every chart: scaled down to a phone its text would be ~5 px.
          width: chartWidth(),
        },
      )
    : null;
  const shapes: MapRow[] = topology
    ? topology.objects.regions.geometries.map((g) => {
        const shape = g.properties as MapShapeProperties;
        return { shape, value: values.get(shape.code), gap: gapRows.get(shape.code) };
      })
    : [];
  const columns: Column<MapRow>[] = [
    { key: 'code', label: t('col_code'), text: (r) => r.shape.code },
    { key: 'name', label: t('col_region'), text: (r) => nameOf(r.shape) },
    {
      key: colorBy === 'gap' ? 'diff' : 'value',
      label: colorBy === 'gap' ? t('col_diff') : t('col_value'),
      text: (r) => valueText(r.value),
      value: (r) => (shapeStatus(r.value) === 'value' ? r.value!.value : null),
      numeric: true,
    },
    { key: 'n', label: t('col_n'), text: (r) => (r.value ? nText(r.shape.code, r.value) : fmt.missing), numeric: true },
    {
      key: 'status',
      label: t('col_map_status'),
      text: (r) => (shapeStatus(r.value) === 'value' ? t('status_value') : valueText(r.value)),
    },
  ];
  const unmapped = topology?.unmapped ?? [];
  const select = (id: string, label: string, options: [string, string][], current: string, set: (v: string) => void) =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      h(
        'select',
        {
          id,
          'data-focus-key': id,
          onchange: (e: Event) => {
            set((e.target as HTMLSelectElement).value);
            void redraw();
          },
        },
        options.map(([value, text]) => h('option', { value, selected: value === current }, text)),
      ),
    );
  const controls = h(
    'div',
    { class: 'map-controls control-row' },
    levels.length > 1
      ? select(
          'map-level',
          t('map_level'),
          levels.map((l) => [l, l === 'city' ? t('map_level_city') : t('map_level_county')]),
          level,
          (v) => (choice.level = v as MapLevel),
        )
      : null,
    select(
      'map-color',
      t('map_color_by'),
      [
        [
          'gap',
          ui.lang === 'zh'
            ? `${t('map_color_gap')}（${ui.gapName(gap)}）`
            : `${t('map_color_gap')} (${ui.gapName(gap)})`,
        ] as [string, string],
        ...groups.map((g): [string, string] => [g, ui.groupName(g)]),
      ],
      colorBy,
      (v) => (choice.colorBy = v as ColorBy),
    ),
  );
  const figure = chartFigure({
    id: `map-${level}`,
    title: sentence(
      colorBy === 'gap'
        ? t('map_title_gap', { gap: groupLabel, indicator: ui.indicatorName(state.indicator), year: state.year })
        : t('map_title_value', { group: groupLabel, indicator: ui.indicatorName(state.indicator), year: state.year }),
    ),
    unit,
    plot,
    note: unmapped.length
      ? t('map_unmapped', {
          list: ui.list(unmapped.map((r) => (ui.lang === 'zh' ? `${r.name}（${r.code}）` : `${r.name} (${r.code})`))),
        })
      : null,
    rows: shapes,
    columns,
    ui,
  });
  figure.classList.add('map-figure');
  figure.querySelector('figcaption')!.after(controls);
  return figure;
}
