import { fundingStackChart, type PartAmount } from '../charts/funding-stack.ts';
import { groupComparisonChart } from '../charts/group-comparison.ts';
import { SOURCE_COLORS, CATEGORY_COLORS } from '../charts/palette.ts';
import { theilDecompositionChart } from '../charts/theil-decomposition.ts';
import type { FundingSourceRow } from '../../contract/published-types.ts';
import type { GroupId } from '../../contract/indicators.ts';
import { regionSlice } from '../data/region-slice.ts';
import { shardRegion } from '../../contract/region-level.ts';
import { groupTable } from '../sections/group-table.ts';
import { note } from '../ui/note.ts';
import type { Page } from '../ui/page.ts';
import { themedIndicator, type ThemedIndicator } from '../state/themed-indicator.ts';

/** The groups a funding row counts towards: its urban/rural group and, for rural, its industry group. */
function rowGroups(row: FundingSourceRow): GroupId[] {
  return row.industry_group ? [row.urban_rural, row.industry_group] : [row.urban_rural];
}

/** Sums funding rows by group and by a key (source or category). */
function byGroup(rows: readonly FundingSourceRow[], key: 'source' | 'category'): PartAmount[] {
  const sums = new Map<string, PartAmount>();
  for (const row of rows) {
    for (const group of rowGroups(row)) {
      const id = `${group}|${row[key]}`;
      const entry = sums.get(id) ?? { group, part: row[key], amount: 0 };
      entry.amount += row.amount;
      sums.set(id, entry);
    }
  }
  return [...sums.values()];
}

/** The funding indicators, opening on funding per household. */
const FUNDING: ThemedIndicator = { theme: 'funding', fallback: 'funding_per_household' };

/**
 * 经费: where the money comes from and what it is for, by group; funding per household and work funds
 * by group; and the Theil decomposition of funding per household.
 */
export const fundingPage: Page = {
  needs: { year: true, indicator: FUNDING, gap: false },
  async render(ctx) {
    const { store, ui, state } = ctx;
    const { t } = ui;
    const funding = store.manifest.indicators.filter((i) => i.theme === 'funding').map((i) => i.id);
    const indicator = themedIndicator(store.manifest.indicators, state.indicator, FUNDING);
    const [sources, groups, inequality] = await Promise.all([
      store.region(shardRegion(ctx.region), 'funding-sources'),
      regionSlice(store, ctx.region, 'groups'),
      regionSlice(store, ctx.region, 'inequality'),
    ]);
    const ofYear = sources.filter((r) => r.year === state.year && r.region_code === ctx.region);
    const stack = (key: 'source' | 'category', colors: Record<string, string>) =>
      fundingStackChart(byGroup(ofYear, key), {
        ui,
        id: `funding-${key}`,
        title: t(key === 'source' ? 'chart_funding_sources' : 'chart_funding_categories', { year: state.year }),
        groups: store.manifest.groups,
        parts: Object.entries(colors).map(([k, color]) => ({
          key: k,
          name: t(`${key}_${k}` as Parameters<typeof t>[0]),
          color,
        })),
        partHeading: t(key === 'source' ? 'col_source' : 'col_category'),
        n: ui.list(
          store.manifest.groups.map((g) => {
            const row = groups.own.find((r) => r.year === state.year && r.indicator === 'work_funds' && r.group === g);
            return `${ui.groupName(g)} ${ui.fmt.int(row?.n ?? 0)}`;
          }),
        ),
      });
    const theil = inequality.own.filter((r) => r.indicator === 'funding_per_household' && r.theil !== null);
    return [
      ofYear.length ? stack('source', SOURCE_COLORS) : note(t('note_no_funding')),
      ofYear.length ? stack('category', CATEGORY_COLORS) : null,
      groupTable(ctx, 'funding-groups', t('chart_funding_groups', { year: state.year }), funding, groups.own),
      groupComparisonChart(
        store.manifest.groups.map((group) => {
          const row = groups.own.find((g) => g.year === state.year && g.indicator === indicator && g.group === group);
          return { group, value: row?.value ?? null, n: row?.n ?? 0 };
        }),
        { ui, indicator, year: state.year },
      ),
      theil.length
        ? theilDecompositionChart(theil, { ui, indicator: 'funding_per_household' })
        : note(t('note_no_inequality')),
    ].filter((n): n is HTMLElement => n !== null);
  },
};
