import type { GroupId } from '../../contract/indicators.ts';
import type { MemberGapRow } from '../data/empty-groups.ts';
import type { Ui } from '../i18n/ui.ts';

/**
 * What stands for a gap that is not shown: that a group has no communities (无农村社区), else that
 * the smaller group is too small (样本不足); null when the gap is shown.
 */
export function hiddenGapText(ui: Ui, row: MemberGapRow, groups: { a: GroupId; b: GroupId }): string | null {
  if (!row.suppressed && row.diff !== null) return null;
  // With neither industry group present there are no rural communities at all.
  if (row.empty === 'both') return ui.t(row.gap === 'industry' ? 'no_members_rural' : 'no_data');
  if (row.empty === 'a') return ui.t(`no_members_${groups.a}`);
  if (row.empty === 'b') return ui.t(`no_members_${groups.b}`);
  return row.suppressed ? ui.t('suppressed') : null;
}
