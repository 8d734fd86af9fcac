/** The rows the generator writes, before a county's house style renders them as a bureau's table. */
import type { UrbanRural } from '../../pipeline/registry/classify.ts';
import type { CommunityYear } from './communities.ts';
import { FACILITY_TYPES, type FacilityType } from './facility-types.ts';
import { hasFacility, type FacilitySet, type FacilityTraits } from './facilities.ts';

/** A communities row. `code` may be a bad one and `households` missing in deliberately bad rows. */
export interface CommunityRecord {
  code: string;
  year: number;
  name: string;
  urbanRural: UrbanRural;
  hasIndustry: boolean | null;
  industryType: string;
  households: number | null;
  population: number;
  areaKm2: number;
  grids: number;
  satisfaction: number;
}

/** A facilities row. `type` is null for a bad row naming a facility outside the inbox's types (`label` then says which). */
export interface FacilityRecord {
  code: string;
  year: number;
  urbanRural: UrbanRural;
  type: FacilityType | null;
  label: string;
  present: boolean;
  floorArea: number | null;
  safetyIssue: boolean | null;
}

/** The communities row of a community-year. */
export function communityRecord(cy: CommunityYear): CommunityRecord {
  const c = cy.profile.community;
  return {
    code: c.code,
    year: cy.year,
    name: c.name,
    urbanRural: c.urbanRural,
    hasIndustry: cy.hasIndustry,
    industryType: cy.hasIndustry ? cy.profile.industryType : '',
    households: cy.households,
    population: cy.population,
    areaKm2: cy.profile.areaKm2,
    grids: cy.grids,
    satisfaction: cy.satisfaction,
  };
}

/**
 * The facilities rows of a community-year: every type (present or not), or, in the 'present' form, the
 * present ones plus the service centre row, so the year counts as reported either way.
 */
export function facilityRecords(
  cy: CommunityYear,
  set: FacilitySet,
  traits: FacilityTraits,
  form: 'all' | 'present',
): FacilityRecord[] {
  const c = cy.profile.community;
  const rows: FacilityRecord[] = [];
  for (const type of FACILITY_TYPES) {
    const present = hasFacility(set, type);
    if (form === 'present' && !present && type !== 'service_center') continue;
    const centre = type === 'service_center' && present;
    rows.push({
      code: c.code,
      year: cy.year,
      urbanRural: c.urbanRural,
      type,
      label: '',
      present,
      floorArea: centre ? traits.serviceArea : null,
      safetyIssue: centre ? traits.safetyIssue : null,
    });
  }
  return rows;
}
