import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Catalogue from '../../../contract/indicators.ts';
import type { Manifest } from '../../../contract/published-types.ts';
import { tempDir } from '../../helpers/fixtures.ts';
import { publishFixture } from '../../helpers/publish-fixture.ts';

// Adding an indicator takes its catalogue entry and its column in the community-year model, nothing
// else. The model already computes service_center_area_m2 (a measure the communities shard publishes);
// here the catalogue makes it an indicator, and it must reach the downloads, the shards and the
// manifest the dashboard's selectors are built from.
vi.mock('../../../contract/indicators.ts', async (importOriginal) => {
  const original = await importOriginal<typeof Catalogue>();
  return {
    ...original,
    INDICATORS: [
      ...original.INDICATORS,
      {
        id: 'service_center_area_m2',
        kind: 'continuous',
        unit: 'm²',
        zh: '服务用房面积',
        en: 'Service centre floor area',
        better: 'higher',
        theme: 'facilities',
      },
    ],
    COMMUNITY_MEASURES: original.COMMUNITY_MEASURES.filter((m) => m.id !== 'service_center_area_m2'),
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
    expect(manifest.indicators.map((i) => i.id)).toContain('service_center_area_m2');
  });

  it('has group values and gaps in the downloads', () => {
    expect(csv('group_values.csv')).toMatch(/\r\nnation,CN,2019,service_center_area_m2,urban,/);
    expect(csv('gaps.csv')).toMatch(/\r\nnation,CN,全国,2019,service_center_area_m2,urban_rural,/);
  });

  it('has rows in the region shards and a column in the communities shard', () => {
    const groups = arrow('region/CN/groups.arrow')
      .toArray()
      .map((r) => r.toJSON() as { indicator: string });
    expect(groups.some((r) => r.indicator === 'service_center_area_m2')).toBe(true);
    const inequality = arrow('region/CN/inequality.arrow')
      .toArray()
      .map((r) => r.toJSON() as { indicator: string });
    expect(inequality.some((r) => r.indicator === 'service_center_area_m2')).toBe(true);
    const communities = arrow('region/610202/communities.arrow');
    expect(communities.schema.fields.filter((f) => f.name === 'service_center_area_m2')).toHaveLength(1);
  });
});
