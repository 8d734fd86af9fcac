import { describe, expect, it } from 'vitest';
import { RUN_STATUSES } from '../../contract/published-types.ts';
import { EN, ZH } from '../../dashboard/i18n/messages.ts';

describe('the 运行记录 page’s words for how a run ended', () => {
  it('has a word in both languages for every status the pipeline records', () => {
    // An unchanged nightly run showed as “unchanged” on the Chinese page: its key was run_status_noop.
    for (const status of RUN_STATUSES) {
      expect(ZH, status).toHaveProperty(`run_status_${status}`);
      expect(EN, status).toHaveProperty(`run_status_${status}`);
    }
  });
});
