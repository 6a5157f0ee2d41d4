import type { CrisisResource, EmergencyNumber } from '../data/crisis-data.js';
import { contactAction } from './contact-action.js';
import { dialString, sameNumber } from './phone-digits.js';

/** A number a student can act on: to call (`tel`) or to text (`sms`). */
export interface DialableNumber {
  scheme: 'tel' | 'sms';
  number: string;
}

/** The `tel:` and `sms:` links in a host's light-DOM fallback. */
export function numbersIn(host: Element): DialableNumber[] {
  const found: DialableNumber[] = [];
  for (const link of host.querySelectorAll('a[href], area[href]')) {
    const match = /^\s*(tel|sms):([^?]*)/i.exec(link.getAttribute('href') ?? '');
    if (match) found.push({ scheme: match[1]!.toLowerCase() as 'tel' | 'sms', number: decoded(match[2]!) });
  }
  return found;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The fallback's numbers that the rendered list does not let a student call or text the same way. */
export function uncovered(
  fallback: readonly DialableNumber[],
  resources: readonly CrisisResource[],
  emergencyNumbers: readonly EmergencyNumber[],
): DialableNumber[] {
  const rendered: DialableNumber[] = emergencyNumbers.map((entry) => ({ scheme: 'tel', number: entry.number }));
  for (const resource of resources) {
    for (const method of resource.contactMethods) {
      // A voice line is covered by a voice line only: a TTY or video-relay number is dialled with tel: too.
      if (method.type !== 'phone' && method.type !== 'sms') continue;
      const scheme = /^(tel|sms):/.exec(contactAction(method).href ?? '')?.[1] as 'tel' | 'sms' | undefined;
      if (scheme) rendered.push({ scheme, number: method.value });
    }
  }
  // Only a plain number can be covered, and only by the same number written the same way: anything more (an
  // extension, pauses, a star or hash code, a national form of an international number) keeps the fallback.
  const plainNumber = (number: string) => dialString(number) !== undefined;
  const covers = (shown: DialableNumber, wanted: DialableNumber) =>
    shown.scheme === wanted.scheme &&
    plainNumber(wanted.number) &&
    sameNumber(wanted.number, shown.number, { strict: true });
  return fallback.filter((wanted) => !rendered.some((shown) => covers(shown, wanted)));
}
