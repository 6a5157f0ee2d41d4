import type { CrisisResource, EmergencyNumber } from './crisis-data.js';
import { contactAction } from './contact-action.js';
import { sameNumber } from './phone-digits.js';

/** The `tel:` and `sms:` numbers that a host's light-DOM fallback links to, as written in the links. */
export function numbersIn(host: Element): string[] {
  const links = [...host.querySelectorAll('a[href]')].map((link) => link.getAttribute('href')?.trim() ?? '');
  return links.filter((href) => /^(tel|sms):/i.test(href)).map((href) => decoded(href.slice(4)));
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The fallback numbers that nothing in the rendered list would let a student call or text. */
export function uncovered(
  fallback: readonly string[],
  resources: readonly CrisisResource[],
  emergencyNumbers: readonly EmergencyNumber[],
): string[] {
  const rendered = [
    ...emergencyNumbers.map((entry) => entry.number),
    ...resources.flatMap((resource) =>
      resource.contactMethods.filter((method) => contactAction(method).href !== null).map((method) => method.value),
    ),
  ];
  return fallback.filter((number) => !rendered.some((shown) => sameNumber(number, shown)));
}
