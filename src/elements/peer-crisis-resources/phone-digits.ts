/**
 * Comparing phone numbers as people and data write them: "+61 477 13 11 14", "0477 13 11 14" and "tel:+61477131114"
 * are one number. Used where a mismatch would put the wrong number on screen, so a doubt answers "not the same".
 */

/** The digits of the leading number in a text: "988, then press 1" → "988"; "0508 828 865 (0508 TAUTOKO)" → "0508828865"; "tel:+1 (555) 555-0100" → "15555550100". */
export function leadingDigits(text: string): string {
  const match = /^\s*(?:tel:|sms:)?\s*(\+?\s*(?:\([0-9]+\)\s*)?[0-9][0-9\s.\-/]*)/i.exec(text);
  return (match?.[1] ?? '').replace(/[^0-9]/g, '');
}

/**
 * True when two numbers are the same line: equal digits, or one is the other with a country code in front of a
 * national form (trunk zero dropped), for numbers of at least 7 digits. Short codes must match exactly.
 */
export function sameNumber(a: string, b: string): boolean {
  const [x, y] = [leadingDigits(a), leadingDigits(b)];
  if (!x || !y) return false;
  if (x === y) return true;
  const [shorter, longer] = x.length < y.length ? [x, y] : [y, x];
  const national = shorter.replace(/^0+/, '');
  return national.length >= 7 && longer.length - national.length <= 3 && longer.endsWith(national);
}
