/**
 * `Intl.DateTimeFormat` ranges ("6:00 – 7:30 PM", "Thu, Dec 3, 6:00 – 7:30 PM"), shared by every group finder on
 * the page like the core's LocalizeController shares its formatters (which offers no `formatRange`). Creating a
 * formatter is the slow part, so 1,000 cards cost one formatter per language, zone and style, not one per card.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

const STYLES = {
  time: { hour: 'numeric', minute: '2-digit' },
  dateTime: { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' },
  date: { weekday: 'short', day: 'numeric', month: 'short' },
  longDate: { weekday: 'long', day: 'numeric', month: 'long' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof STYLES;

export function dateFormatter(lang: string, timeZone: string, style: DateStyle): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang, { ...STYLES[style], timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

const TIME_PARTS = new Set<string>(['hour', 'minute', 'second', 'dayPeriod']);

/**
 * From `start` to `end` in one phrase, the shared parts written once ("6:00 – 7:30 PM"). A time-only range that
 * crosses midnight gets dates added by Intl ("11/03/2027, 23:00 – 12/03/2027, 00:30"); the times are kept, with
 * the locale's own separator between them ("23:00 – 00:30").
 */
export function formatRange(lang: string, timeZone: string, style: DateStyle, start: Date, end: Date): string {
  const formatter = dateFormatter(lang, timeZone, style);
  if (!(end > start)) return formatter.format(start);
  if (style !== 'time') return formatter.formatRange(start, end);
  const parts = formatter.formatRangeToParts(start, end);
  if (!parts.some((part) => part.type === 'day')) return parts.map((part) => part.value).join('');
  const timeOf = (source: string) => {
    const own = parts.filter((part) => part.source === source);
    const first = own.findIndex((part) => TIME_PARTS.has(part.type));
    const last = own.findLastIndex((part) => TIME_PARTS.has(part.type));
    return own
      .slice(first, last + 1)
      .map((part) => part.value)
      .join('');
  };
  const separator =
    parts
      .filter((part) => part.source === 'shared')
      .map((part) => part.value)
      .join('') || ' – ';
  return `${timeOf('startRange')}${separator}${timeOf('endRange')}`;
}

export function formatDate(lang: string, timeZone: string, style: DateStyle, when: Date): string {
  return dateFormatter(lang, timeZone, style).format(when);
}

/** The time zone of the browser ("UTC" when it cannot say). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
