import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../helpers/fixtures.ts';
import { settled, startDashboard, type DashboardSite } from './dashboard-site.ts';

// 数据质量 lists every path of the inbox the run did not read, with its reason in the chosen language.
describe('the quality page over an inbox with paths that are not read', () => {
  let site: DashboardSite;
  beforeAll(async () => {
    const inbox = join(tempDir('cb-quality-paths-'), 'inbox');
    cpSync(fixture('inbox-metrics'), inbox, { recursive: true });
    writeFileSync(join(inbox, 'staff', 'roster_2018.xls'), 'x');
    mkdirSync(join(inbox, 'community'));
    writeFileSync(join(inbox, 'readme.txt'), 'x');
    site = await startDashboard(inbox);
  });
  afterAll(async () => {
    await site?.close();
  });

  const rows = (lang: string) =>
    site.open(`?page=quality&region=6102&year=2019&lang=${lang}`).then(async ({ page, errors }) => {
      await settled(page);
      const cells = await page
        .locator('[data-chart="paths-not-read"] table tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
      const title = await page.locator('[data-chart="paths-not-read"]').innerText();
      if (lang === 'zh') await page.screenshot({ path: join(tempDir('cb-shot-'), 'quality.png'), fullPage: true });
      return { cells, title, errors };
    });

  it('shows each path with its reason in Chinese (folder names stay as they are on disk)', async () => {
    const { cells, title, errors } = await rows('zh');
    expect(errors).toEqual([]);
    expect(title).toContain('未读取的路径');
    expect(cells).toEqual([
      ['community/', '不是数据集文件夹（应为 communities、facilities、staff、funding、wages 之一）'],
      // A note beside the data is named as one, not as a misplaced data file.
      ['readme.txt', '放在数据旁的说明（README、.md、.txt），不是数据，无需处理'],
      ['staff/roster_2018.xls', '旧版 Excel 或 Word 文件（.xls、.doc）：请另存为 .xlsx 或 CSV'],
    ]);
  });

  it('shows them in English with the English switch', async () => {
    const { cells, title } = await rows('en');
    expect(title).toContain('Paths not read');
    expect(cells.map((c) => c[1])).toEqual([
      'Not a dataset folder (communities, facilities, staff, funding or wages)',
      'A note beside the data (README, .md, .txt), not data; nothing to do',
      'An old Excel or Word file (.xls, .doc): save it as .xlsx or CSV',
    ]);
  });
});
