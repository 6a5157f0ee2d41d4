import type { ContactMethod, CrisisResource } from '../contract/api-types.ts';
import type { FieldError } from '../http/problem.ts';
import { weeklyHoursErrors } from '../hours/weekly-hours.ts';

/**
 * Checks the contract asks for beyond its schema, on a whole record (after defaults, or after a patch is merged).
 * Each error points into the request body with the field names of the record. The schema already checks most of
 * the shapes below; the URL and number checks repeat them on purpose, because these values become links that a
 * student in distress will tap.
 */
const PHONE_NUMBER = /^(\+[1-9][0-9]{6,14}|[0-9]{2,15})$/;
const E164 = /^\+[1-9][0-9]{6,14}$/;
const LINK_SCHEMES = new Set(['https:', 'tel:', 'sms:', 'mailto:']);
const PHONE_TYPES = new Set<ContactMethod['type']>(['phone', 'sms', 'tty']);

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

function hasLinkScheme(value: string): boolean {
  try {
    return LINK_SCHEMES.has(new URL(value).protocol);
  } catch {
    return false;
  }
}

function contactMethodErrors(method: ContactMethod, at: string): FieldError[] {
  const errors: FieldError[] = weeklyHoursErrors(method.hours, `${at}/hours`);

  if (PHONE_TYPES.has(method.type) && !PHONE_NUMBER.test(method.value)) {
    errors.push({ field: `${at}/value`, message: 'must be digits only: E.164 (+14155550123) or a short code (988)' });
  }
  if (method.type === 'whatsapp' && !E164.test(method.value)) {
    errors.push({ field: `${at}/value`, message: 'must be an E.164 number such as +14155550123' });
  }
  if ((method.type === 'chat' || method.type === 'website') && !isHttpsUrl(method.value)) {
    errors.push({ field: `${at}/value`, message: 'must be an https URL' });
  }
  if (method.type === 'video-relay' && !PHONE_NUMBER.test(method.value) && !isHttpsUrl(method.value)) {
    errors.push({ field: `${at}/value`, message: 'must be a phone number or an https URL' });
  }
  if (method.type === 'walk-in' && !method.address) {
    errors.push({ field: `${at}/address`, message: 'is required for walk-in' });
  }
  if (method.url !== undefined && !hasLinkScheme(method.url)) {
    errors.push({ field: `${at}/url`, message: 'must be an https:, tel:, sms: or mailto: link' });
  }
  if (method.address?.directionsUrl !== undefined && !isHttpsUrl(method.address.directionsUrl)) {
    errors.push({ field: `${at}/address/directionsUrl`, message: 'must be an https URL' });
  }
  return errors;
}

/** Rules that need only the record itself. `at` is where the record sits in the request ("/body"). */
export function crisisResourceRuleErrors(record: CrisisResource, at = '/body'): FieldError[] {
  const errors: FieldError[] = [];
  if (record.scope === 'national' && record.subdivisions.length > 0) {
    errors.push({ field: `${at}/subdivisions`, message: 'must be empty for a national resource' });
  }
  if (record.scope !== 'national' && record.subdivisions.length === 0) {
    errors.push({
      field: `${at}/subdivisions`,
      message: `must name at least one subdivision for a ${record.scope} resource, or nobody would be shown it`,
    });
  }
  record.subdivisions.forEach((code, index) => {
    if (!code.startsWith(`${record.country}-`)) {
      errors.push({ field: `${at}/subdivisions/${index}`, message: `must be a subdivision of ${record.country}` });
    }
  });
  if (record.pairedWith.includes(record.id)) {
    errors.push({
      field: `${at}/pairedWith/${record.pairedWith.indexOf(record.id)}`,
      message: 'cannot pair a resource with itself',
    });
  }
  if (!isHttpsUrl(record.source.url)) {
    errors.push({ field: `${at}/source/url`, message: 'must be an https URL' });
  }
  record.contactMethods.forEach((method, index) => {
    errors.push(...contactMethodErrors(method, `${at}/contactMethods/${index}`));
  });
  return errors;
}

/** `verifiedAt` says when someone checked the record; a date after `today` cannot be true. */
export function verifiedAtErrors(verifiedAt: string, today: string, field = '/body/verifiedAt'): FieldError[] {
  return verifiedAt > today ? [{ field, message: `cannot be in the future (today is ${today})` }] : [];
}
