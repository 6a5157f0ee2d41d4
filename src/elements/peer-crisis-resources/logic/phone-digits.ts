/**
 * Comparing phone numbers as people and data write them: "+61 477 13 11 14", "0477 13 11 14" and "tel:+61477131114"
 * are one number. Used where a mismatch would put the wrong number on screen, so a doubt answers "not the same".
 */

/** Separators people put inside a number: spaces of every kind, brackets, dots, slashes, every kind of dash. */
const SEPARATORS = /[\s().\-/[\]{}\u00a0\u200b-\u200d\u2010-\u2015\u2212\u3000\ufeff]/g;

/** Full-width digits and the like as ASCII ("５５５" → "555"), and no "tel:"/"sms:" in front. */
function plain(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .replace(/^(?:tel|sms):\/*/i, '');
}

/**
 * The number a value dials, as "+digits" or "digits", when the value is nothing but a number written with the usual
 * separators ("+1 (555) 555-0100" → "+15555550100", "00 44 …" → "+44…"); undefined for anything else ("*988",
 * "988 ext 2", "abc").
 */
export function dialString(value: string): string | undefined {
  const compact = plain(value)
    .replace(SEPARATORS, '')
    .replace(/^00(?=[1-9])/, '+');
  return /^\+?[0-9]{2,15}$/.test(compact) ? compact : undefined;
}

interface Written {
  digits: string;
  /** Written with a country code ("+44 …" or "00 44 …"). */
  international: boolean;
}

/** The leading number of a text: "988, then press 1" → 988; "0508 828 865 (0508 TAUTOKO)" → 0508828865. */
function leadingNumber(text: string): Written | undefined {
  const match = /^\s*(\+?)\s*((?:\([0-9]+\)\s*)?[0-9][0-9\s.\-/\u00a0]*)/.exec(plain(text));
  if (!match) return undefined;
  let digits = match[2]!.replace(/[^0-9]/g, '');
  const international = match[1] === '+' || digits.startsWith('00');
  if (match[1] !== '+' && digits.startsWith('00')) digits = digits.slice(2);
  return { digits, international };
}

/**
 * True when `shown` is written as the same line that `dialled` calls. Both international: the same digits. Both
 * national: the same digits (a trunk zero aside, for numbers of 7 digits or more; short codes match exactly).
 * A national form shown for an international value: the value without a country code of one to three digits, the
 * shown trunk zero aside ("0477 13 11 14" for "+61477131114"), or the same digits ("1-866-488-7386" for
 * "+18664887386"). The reverse, an international form shown for a national value, names a country the value does
 * not dial, and never matches; neither does anything when `strict` (same form and digits only).
 */
export function sameNumber(shown: string, dialled: string, { strict = false } = {}): boolean {
  const [x, y] = [leadingNumber(shown), leadingNumber(dialled)];
  if (!x || !y || !x.digits || !y.digits) return false;
  const national = (digits: string) => (digits.replace(/^0+/, '').length >= 7 ? digits.replace(/^0+/, '') : digits);
  if (x.international === y.international) {
    return x.international || strict ? x.digits === y.digits : national(x.digits) === national(y.digits);
  }
  if (strict || x.international) return false;
  const subscriber = national(x.digits);
  if (subscriber.length < 7) return false;
  // North American numbers are written "1-866-…" with the country code as the long-distance prefix.
  if (subscriber === y.digits) return true;
  const countryCode = y.digits.length - subscriber.length;
  return countryCode >= 1 && countryCode <= 3 && y.digits.endsWith(subscriber);
}

/**
 * True when a text shown next to a number names another number: its leading number is not the one dialled; it has
 * digits of another script (which the checks below could not read); a star or hash code the dial string lacks; or
 * any other run of three or more digits that is not the number itself (nor a prefix of it, as in
 * "0508 828 865 (0508 TAUTOKO)"). "988, then press 1" and "ext. 2" name none; "555-0100 (busy? call 555-0199)",
 * "HI to 911", "*988" for 988 and "+91 555 555 0140" for "(555) 555-0140" do.
 */
export function namesAnotherNumber(text: string, value: string): boolean {
  const normalized = plain(text);
  if (/[^\x00-\x7f]/.test(normalized.replace(/[^\p{Nd}]/gu, ''))) return true;
  if (/[*#]/.test(normalized) && !/[*#]/.test(value)) return true;
  const own = leadingNumber(value)?.digits ?? '';
  const lead = leadingNumber(normalized);
  if (lead && !sameNumber(normalized, value)) return true;
  const rest = lead ? normalized.replace(/^\s*\+?\s*(?:\([0-9]+\)\s*)?[0-9][0-9\s.\-/\u00a0]*/, ' ') : normalized;
  // Slashes end a run: "24/7" is two short numbers, not one.
  for (const run of rest.matchAll(/[0-9][0-9\s.\-\u00a0]*[0-9]|[0-9]/g)) {
    const digits = run[0].replace(/[^0-9]/g, '');
    if (digits.length >= 3 && !own.includes(digits) && !(lead?.digits ?? '').startsWith(digits)) return true;
  }
  return false;
}

/**
 * For a text shown beside a web or email address ("Chat", "988lifeline.org"): true when it carries a phone number
 * (seven or more digits) that the address itself does not contain, as in "Call 555-555-0199".
 */
export function mentionsAnotherPhone(text: string, value: string): boolean {
  const digitsOfValue = value.replace(/[^0-9]/g, '');
  for (const run of plain(text).matchAll(/\+?[0-9][0-9\s.\-()\u00a0]*[0-9]/g)) {
    const digits = run[0].replace(/[^0-9]/g, '');
    if (digits.length >= 7 && !digitsOfValue.includes(digits)) return true;
  }
  return /[^\x00-\x7f]/.test(plain(text).replace(/[^\p{Nd}]/gu, ''));
}
