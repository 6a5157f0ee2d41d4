/**
 * Comparing phone numbers as people and data write them: "+61 477 13 11 14", "0477 13 11 14" and "tel:+61477131114"
 * are one number. Used where a mismatch would put the wrong number on screen, so a doubt answers "not the same".
 */

/** Separators people put inside a number. */
const SEPARATORS = /[\s().\-/\u00a0]/g;

/**
 * The number a value dials, as "+digits" or "digits", when the value is nothing but a number written with the usual
 * separators ("+1 (555) 555-0100" → "+15555550100"); undefined for anything else ("*988", "988 ext 2", "abc").
 */
export function dialString(value: string): string | undefined {
  const compact = value.trim().replace(SEPARATORS, '');
  return /^\+?[0-9]{2,15}$/.test(compact) ? compact : undefined;
}

interface Written {
  digits: string;
  /** Written with a country code ("+44 …" or "00 44 …"). */
  international: boolean;
}

/** The leading number of a text: "988, then press 1" → 988; "0508 828 865 (0508 TAUTOKO)" → 0508828865. */
function leadingNumber(text: string): Written | undefined {
  const match = /^\s*(?:tel:|sms:)?\s*(\+?)\s*((?:\([0-9]+\)\s*)?[0-9][0-9\s.\-/\u00a0]*)/i.exec(text);
  if (!match) return undefined;
  let digits = match[2]!.replace(/[^0-9]/g, '');
  const international = match[1] === '+' || digits.startsWith('00');
  if (match[1] !== '+' && digits.startsWith('00')) digits = digits.slice(2);
  return { digits, international };
}

/**
 * True when two written numbers are the same line. Both international: the same digits. Both national: the same
 * digits, trunk zeros aside. One of each: the national number without its trunk zero is the international one
 * after a country code of one to three digits ("0477 13 11 14" ↔ "+61 477 13 11 14"), or all of it ("1-866-488-7386"
 * ↔ "+18664887386"), for numbers of at least 7 digits. Short codes match only exactly.
 */
export function sameNumber(a: string, b: string): boolean {
  const [x, y] = [leadingNumber(a), leadingNumber(b)];
  if (!x || !y || !x.digits || !y.digits) return false;
  if (x.international === y.international) {
    return x.international ? x.digits === y.digits : x.digits.replace(/^0+/, '') === y.digits.replace(/^0+/, '');
  }
  const [national, international] = x.international ? [y.digits, x.digits] : [x.digits, y.digits];
  const subscriber = national.replace(/^0+/, '');
  // North American numbers are written "1-866-…" with the country code as the long-distance prefix.
  if (subscriber === international) return subscriber.length >= 7;
  const countryCode = international.length - subscriber.length;
  return subscriber.length >= 7 && countryCode >= 1 && countryCode <= 3 && international.endsWith(subscriber);
}

/**
 * True when a text shown next to a number names another number: any run of three or more digits in it that is
 * not the number itself (nor a prefix of it, as in "0508 828 865 (0508 TAUTOKO)"). "988, then press 1" and
 * "ext. 2" name none; "555-0100 (busy? call 555-0199)" and "HI to 911" do.
 */
export function namesAnotherNumber(text: string, value: string): boolean {
  const own = leadingNumber(value)?.digits ?? '';
  const lead = leadingNumber(text);
  const rest = lead ? text.replace(/^\s*(?:tel:|sms:)?\s*\+?\s*(?:\([0-9]+\)\s*)?[0-9][0-9\s.\-/\u00a0]*/i, ' ') : text;
  if (lead && !sameNumber(text, value)) return true;
  // Slashes end a run: "24/7" is two short numbers, not one.
  for (const run of rest.matchAll(/[0-9][0-9\s.\-\u00a0]*[0-9]|[0-9]/g)) {
    const digits = run[0].replace(/[^0-9]/g, '');
    if (digits.length >= 3 && !own.includes(digits) && !(lead?.digits ?? '').startsWith(digits)) return true;
  }
  return false;
}
