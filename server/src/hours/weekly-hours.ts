import type { WeeklyHours } from '../contract/api-types.ts';
import type { FieldError } from '../http/problem.ts';
import { isKnownTimeZone } from './time-zones.ts';

/**
 * The server's one home for the contract's WeeklyHours (peer support hours in GET /config, each crisis contact
 * method's hours). The schema checks the shapes (HH:MM times, day names, at most 50 ranges); these are the rules it
 * cannot express, checked wherever hours are stored so that every widget can work out open and closed from them.
 */
export function weeklyHoursErrors(hours: WeeklyHours, at: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!isKnownTimeZone(hours.timeZone)) {
    errors.push({ field: `${at}/timeZone`, message: 'is not a known IANA time zone' });
  }
  if (hours.alwaysOpen && hours.weekly.length > 0) {
    errors.push({ field: `${at}/weekly`, message: 'must be empty when alwaysOpen is true' });
  }
  hours.weekly.forEach((range, index) => {
    if (range.opens === range.closes) {
      errors.push({ field: `${at}/weekly/${index}/closes`, message: 'must not be the same time as opens' });
    }
  });
  return errors;
}
