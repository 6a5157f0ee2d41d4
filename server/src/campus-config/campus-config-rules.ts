import type { CampusConfig } from '../contract/api-types.ts';
import type { FieldError } from '../http/problem.ts';
import { isKnownTimeZone } from '../hours/time-zones.ts';
import { weeklyHoursErrors } from '../hours/weekly-hours.ts';

/**
 * Rules for a campus configuration beyond its schema, with the same hours rules as crisis contact methods. Fields
 * are named as JSON Pointers into the CampusConfig document.
 */
export function campusConfigErrors(config: CampusConfig): FieldError[] {
  const errors: FieldError[] = [];
  if (!isKnownTimeZone(config.timeZone)) {
    errors.push({ field: '/timeZone', message: 'is not a known IANA time zone' });
  }
  errors.push(...weeklyHoursErrors(config.peerSupportHours, '/peerSupportHours'));
  return errors;
}
