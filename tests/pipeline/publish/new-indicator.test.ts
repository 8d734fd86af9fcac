import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Catalogue from '../../../contract/indicators.ts';
import type { Manifest } from '../../../contract/published-types.ts';
import { tempDir } from '../../helpers/fixtures.ts';
import { publishFixture } from '../../helpers/publish-fixture.ts';

// Adding an indicator takes its catalogue entry and its column in the community-year model, nothing
// else. The model already computes households_per_grid (a measure the communities shard publishes);
// here the catalogue makes it an indicator, and it must reach the downloads, the shards and the
// manifest the dashboard's selectors are built from.
vi.mock('../../../contract/indicators.ts', async (importOriginal) => {
  const original = await importOriginal<typeof Catalogue>();
  return {
    ...original,
    INDICATORS: [
      ...original.INDICATORS,
      {
        id: 'households_per_grid',
        kind: 'continuous',
        unit: '户/格',
        zh: '每网格户数',
        en: 'Households per grid',
        better: 'lower',
        theme: 'residents',
      },
    ],
    COMMUNITY_MEASURES: original.COMMUNITY_MEASURES.filter((m) => m.id !== 'households_per_grid'),
  };
});

describe('a new indicator in the catalogue', () => {
  const dir = tempDir('cb-new-indicator-');
  let root: string;
  const csv = (name: string) => readFileSync(join(root, name), 'utf8');
  const arrow = (path: string) => tableFromIPC(readFileSync(join(root, path)));

  beforeAll(async () => {
    root = await publishFixture(dir);
  }, 180_000);

  it('is in the manifest the dashboard builds its selectors from', () => {
    const manifest = JSON.parse(csv('manifest.json')) as Manifest;
    expect(manifest.indicators.map((i) => i.id)).toContain('households_per_grid');
  });

  it('has group values and gaps in the downloads', () => {
    expect(csv('group_values.csv')).toMatch(/\r\nnation,CN,2019,households_per_grid,urban,/);
    expect(csv('gaps.csv')).toMatch(/\r\nnation,CN,全国,2019,households_per_grid,urban_rural,/);
  });

  it('has rows in the region shards and a column in the communities shard', () => {
    const groups = arrow('region/CN/groups.arrow')
      .toArray()
      .map((r) => r.toJSON() as { indicator: string });
    expect(groups.some((r) => r.indicator === 'households_per_grid')).toBe(true);
    const gaps = arrow('region/CN/gaps.arrow')
      .toArray()
      .map((r) => r.toJSON() as { indicator: string });
    expect(gaps.some((r) => r.indicator === 'households_per_grid')).toBe(true);
    const inequality = arrow('region/CN/inequality.arrow')
      .toArray()
      .map((r) => r.toJSON() as { indicator: string });
    expect(inequality.some((r) => r.indicator === 'households_per_grid')).toBe(true);
    const communities = arrow('region/610202/communities.arrow');
    expect(communities.schema.fields.filter((f) => f.name === 'households_per_grid')).toHaveLength(1);
  });
});
