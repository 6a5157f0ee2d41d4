/**
 * Result parsers shared by both drivers so that the same SQL yields the same JS values on PGlite and on
 * PostgreSQL (left to themselves they disagree about int8 and date).
 */
export const OID = {
  int8: 20,
  date: 1082,
  numeric: 1700,
} as const;

/** int8 values in this schema are counts and ids far below 2^53, so a JS number is exact. */
function parseInt8(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new RangeError(`int8 value ${value} does not fit a JS number`);
  return parsed;
}

/** Calendar dates stay strings: turning them into Date objects would shift them by the local time zone. */
function keepText(value: string): string {
  return value;
}

export const sharedParsers: Record<number, (value: string) => unknown> = {
  [OID.int8]: parseInt8,
  [OID.date]: keepText,
  [OID.numeric]: keepText,
};
