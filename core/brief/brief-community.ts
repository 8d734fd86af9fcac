import type { CommunityRow } from '../../contract/published-types.ts';

/** The columns of a published community-year that the brief reads. */
export type BriefCommunity = Pick<
  CommunityRow,
  | 'community_code'
  | 'year'
  | 'name'
  | 'urban_rural'
  | 'has_industry'
  | 'township_code'
  | 'households'
  | 'population'
  | 'facilities_reported'
  | 'cov_service_center'
  | 'cov_elder_daycare'
  | 'cov_elder_home'
  | 'cov_health_room'
  | 'cov_culture_room'
  | 'cov_library'
  | 'cov_fitness'
  | 'cov_smart_platform'
  | 'service_center_ok'
  | 'funding_per_household'
  | 'work_funds'
  | 'headcount_end'
  | 'staff_per_1000hh'
  | 'turnover_rate'
  | 'median_wage'
  | 'insured_share'
  | 'satisfaction'
>;
