import { coverageHeatmapChart, type CoverageCell } from '../charts/coverage-heatmap.ts';
import { groupComparisonChart } from '../charts/group-comparison.ts';
import { groupDistributionChart } from '../charts/group-distribution.ts';
import { measureOf } from '../data/measure-of.ts';
import { localCommunities } from '../data/local-communities.ts';
import type { GroupRow } from '../../contract/published-types.ts';
import { regionSlice } from '../data/region-slice.ts';
import { unitValues } from '../data/unit-values.ts';
import { regionLevel } from '../../contract/region-level.ts';
import { note } from '../ui/note.ts';
import type { Page } from '../ui/page.ts';

const MAX_COMMUNITY_ROWS = 80;

/**
 * 设施: coverage of the eight facility types by group, by sub-region (or, in a township, community by
 * community), and the service-centre area against its standard.
 */
export const facilitiesPage: Page = {
  needs: { year: true, indicator: false, gap: true },
  async render(ctx) {
    const { store, ui, state, tree } = ctx;
    const { t } = ui;
    const pair = store.manifest.gaps[state.gap];
    const types = store.manifest.indicators.filter((i) => i.id.startsWith('cov_')).map((i) => i.id);
    const short = (id: string) => ui.indicatorName(id).replace(/覆盖率$| coverage$/, '');
    const [groups, communities, areas] = await Promise.all([
      regionSlice(store, ctx.region, 'groups'),
      regionLevel(ctx.region) === 'township' ? localCommunities(store, ctx.region) : Promise.resolve(null),
      unitValues(store, tree, ctx.region, 'service_area_per_100hh', state.year, ['urban', 'rural']),
    ]);
    const ofYear = (rows: GroupRow[]) => rows.filter((g) => g.year === state.year);
    const own = ofYear(groups.own);
    const byGroup: CoverageCell[] = types.flatMap((id) =>
      store.manifest.groups.map((group) => {
        const row = own.find((g) => g.indicator === id && g.group === group);
        return { row: short(id), column: ui.groupName(group), value: row?.value ?? null, n: row?.n ?? 0 };
      }),
    );
    const focus = pair.b;
    let detail: HTMLElement;
    if (communities) {
      const rows = communities
        .filter((c) => c.year === state.year && c.facilities_reported)
        .slice(0, MAX_COMMUNITY_ROWS);
      const cells: CoverageCell[] = rows.flatMap((c) =>
        types.map((id) => ({ row: c.name, column: short(id), value: measureOf(c, id), n: 1 })),
      );
      detail = rows.length
        ? coverageHeatmapChart(cells, {
            ui,
            id: 'coverage-communities',
            title: t('chart_heatmap_communities', { year: state.year }),
            rowLabel: t('col_community'),
            columnLabel: t('col_facility'),
            rows: rows.map((c) => c.name),
            columns: types.map(short),
            cellText: (d) => (d.value === null ? ui.fmt.missing : d.value ? t('present') : t('absent')),
          })
        : note(t('no_data'));
    } else {
      const children = ofYear(groups.children).filter((g) => g.group === focus);
      const codes = [...new Set(children.map((g) => g.region_code))].sort();
      const name = (code: string) => tree.get(code)?.name ?? code;
      const cells: CoverageCell[] = codes.flatMap((code) =>
        types.map((id) => {
          const row = children.find((g) => g.region_code === code && g.indicator === id);
          return { row: name(code), column: short(id), value: row?.value ?? null, n: row?.n ?? 0 };
        }),
      );
      detail = codes.length
        ? coverageHeatmapChart(cells, {
            ui,
            id: 'coverage-children',
            title: t('chart_heatmap_children', { group: ui.groupName(focus), year: state.year }),
            rowLabel: t('col_region'),
            columnLabel: t('col_facility'),
            rows: codes.map(name),
            columns: types.map(short),
          })
        : note(t('note_no_children'));
    }
    const comparison = (indicator: string) =>
      groupComparisonChart(
        store.manifest.groups.map((group) => {
          const row = own.find((g) => g.indicator === indicator && g.group === group);
          return { group, value: row?.value ?? null, n: row?.n ?? 0 };
        }),
        { ui, indicator, year: state.year, id: `group-comparison-${indicator}` },
      );
    return [
      coverageHeatmapChart(byGroup, {
        ui,
        id: 'coverage-groups',
        title: t('chart_heatmap_groups', { year: state.year }),
        rowLabel: t('col_facility'),
        columnLabel: t('col_group'),
        rows: types.map(short),
        columns: store.manifest.groups.map((g) => ui.groupName(g)),
      }),
      detail,
      comparison('service_area_per_100hh'),
      comparison('service_center_ok'),
      areas.rows.length
        ? groupDistributionChart(areas.rows, {
            ui,
            indicator: 'service_area_per_100hh',
            year: state.year,
            communities: areas.communities,
            groups: ['urban', 'rural'],
            id: 'distribution-service-area',
          })
        : note(t('no_data')),
    ];
  },
};
