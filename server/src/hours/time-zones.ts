/** Zones already looked up: constructing a DateTimeFormat is slow enough to matter for lists. */
const known = new Map<string, boolean>();

/** True when the runtime's time zone database knows the IANA name (Intl throws a RangeError otherwise). */
export function isKnownTimeZone(timeZone: string): boolean {
  let answer = known.get(timeZone);
  if (answer === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      answer = true;
    } catch {
      answer = false;
    }
    known.set(timeZone, answer);
  }
  return answer;
}

/** Today's calendar date ("YYYY-MM-DD") on the wall clocks of a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
