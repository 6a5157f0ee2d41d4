import { thresholdsErrors } from '../check-ins/thresholds.ts';
import type { CampusConfig, CheckInSettings } from '../contract/api-types.ts';
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
  if (config.checkIn) errors.push(...checkInSettingsErrors(config.checkIn));
  return errors;
}

/** What the schema says about CheckInSettings, for writes that do not pass the request validator (seeds, scripts). */
function checkInSettingsErrors(settings: CheckInSettings): FieldError[] {
  const errors: FieldError[] = [];
  if (new Set(settings.topics).size !== settings.topics.length) {
    errors.push({ field: '/checkIn/topics', message: 'must not repeat a topic' });
  }
  if (new Set(settings.emotions).size !== settings.emotions.length) {
    errors.push({ field: '/checkIn/emotions', message: 'must not repeat an emotion word' });
  }
  const days = settings.followUpWorkingDays;
  if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 30)) {
    errors.push({ field: '/checkIn/followUpWorkingDays', message: 'must be a whole number from 1 to 30' });
  }
  // The band cut-offs: in bounds and in order, or students would get next steps the element's wording contradicts.
  if (settings.thresholds !== undefined) errors.push(...thresholdsErrors(settings.thresholds, '/checkIn/thresholds'));
  return errors;
}
