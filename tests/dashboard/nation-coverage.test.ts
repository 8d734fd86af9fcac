import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../contract/indicators.ts';
import { makeUi } from '../../dashboard/i18n/ui.ts';

// The nation's coverage line reads counts that are often 1 on a small inbox (the seed demo: 1 province
// in some views): "of 1 provinces" is wrong English, so the English line names each count by a label.
describe('the nation coverage line', () => {
  it('reads correctly in English for counts of one', () => {
    const en = makeUi('en', { indicators: [...INDICATORS] });
    const line = en.t('nation_coverage', { communities: '1', counties: '1', provinces: '1' });
    expect(line).not.toMatch(/\b1 (communities|counties|provinces)\b/);
    expect(line).toContain('provinces: 1');
  });
});
