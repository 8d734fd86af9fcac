/** A village-level unit of the registry as the demo generator sees it. */
import type { UrbanRural } from '../../pipeline/registry/classify.ts';
import type { PlaceId } from './places.ts';

/** One registry community (居委会 or 村委会) with what the generator needs to know about it. */
export interface Community {
  code: string;
  name: string;
  countyCode: string;
  urbanRural: UrbanRural;
  /** 0-based data row of the registry file: a stable number for building synthetic worker ids. */
  line: number;
  place: PlaceId | undefined;
}

/** The communities generated together: one county, or a whole seed place (its calibration spans counties). */
export interface CommunityBatch {
  key: string;
  place: PlaceId | undefined;
  communities: Community[];
}
