/** The share of communities that has each facility type, by urban/rural and year, before place calibration. */
import type { UrbanRural } from '../../pipeline/registry/classify.ts';
import { NATIONAL_SERVICE_CENTER_PATH, RURAL_SERVICE_CENTER_GAIN_AFTER_2020 } from './calibration.ts';
import type { FacilityType } from './facility-types.ts';

/**
 * Invented paths for the types the published figures do not cover: [2015, 2024] shares, linear between
 * and carried on outside. The shape follows the seeds' story (elder care and information platforms
 * arrive late, 农家书屋 and village clinics are nearly everywhere) rather than any statistic.
 */
const INVENTED_PATHS: Readonly<
  Record<Exclude<FacilityType, 'service_center'>, Record<UrbanRural, readonly [number, number]>>
> = {
  elder_daycare: { urban: [0.3, 0.75], rural: [0.05, 0.3] },
  elder_home: { urban: [0.1, 0.2], rural: [0.1, 0.35] },
  health_room: { urban: [0.7, 0.9], rural: [0.75, 0.92] },
  culture_room: { urban: [0.8, 0.95], rural: [0.5, 0.85] },
  library: { urban: [0.75, 0.9], rural: [0.85, 0.95] },
  fitness: { urban: [0.7, 0.92], rural: [0.4, 0.8] },
  smart_platform: { urban: [0.1, 0.7], rural: [0.02, 0.35] },
};

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

function linear(y: number, y0: number, v0: number, y1: number, v1: number): number {
  return v0 + ((v1 - v0) * (y - y0)) / (y1 - y0);
}

/**
 * Service-centre coverage on the published path (docs/demo.md): 82% / 12.3% in 2015, 92.9% / 59.3% in 2019,
 * 100% / 65.7% in 2020, linear between; after 2020 urban stays at 100% and rural gains 3 points a year;
 * before 2015 both lose 2 points a year.
 */
export function serviceCenterPath(ur: UrbanRural, year: number): number {
  const p = NATIONAL_SERVICE_CENTER_PATH;
  const v = (y: number): number => p[y]![ur];
  if (year <= 2015) return clamp01(v(2015) - 0.02 * (2015 - year));
  if (year <= 2019) return linear(year, 2015, v(2015), 2019, v(2019));
  if (year <= 2020) return linear(year, 2019, v(2019), 2020, v(2020));
  return ur === 'urban' ? 1 : clamp01(v(2020) + RURAL_SERVICE_CENTER_GAIN_AFTER_2020 * (year - 2020));
}

/** The share of communities of one kind that has a facility type in a year. */
export function facilityPath(type: FacilityType, ur: UrbanRural, year: number): number {
  if (type === 'service_center') return serviceCenterPath(ur, year);
  const [a, b] = INVENTED_PATHS[type][ur];
  return clamp01(linear(year, 2015, a, 2024, b));
}
