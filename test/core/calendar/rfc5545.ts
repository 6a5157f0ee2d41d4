/**
 * Test helpers for iCalendar text: a reader of the raw file (unfolding, TEXT unescaping), a check of RFC 5545's
 * grammar and required properties written from the RFC (independent of both the writer and ical.js), and
 * expansion of events with ical.js, the well-kept parser the files are checked against.
 */
import ICAL from 'ical.js';

type Time = InstanceType<typeof ICAL.Time>;

/** The logical lines of a file: CRLF followed by one space or tab is removed (RFC 5545 §3.1). */
export function unfold(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, '');
}

/** The inverse of TEXT escaping (§3.3.11). */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

/** The value of the first logical line named `name` (no parameters), as written. */
export function rawValue(ics: string, name: string): string | undefined {
  const line = unfold(ics)
    .split('\r\n')
    .find((entry) => entry.startsWith(`${name}:`));
  return line?.slice(name.length + 1);
}

/** The value of the first logical line named `name` (no parameters), unescaped. */
export function textValue(ics: string, name: string): string | undefined {
  const raw = rawValue(ics, name);
  return raw === undefined ? undefined : unescapeText(raw);
}

/** Whether a TEXT value as written escapes every backslash, semicolon, comma and newline (§3.3.11). */
export function isEscaped(raw: string): boolean {
  return !/[\\;,\n\r]/.test(raw.replace(/\\[\\;,nN]/g, ''));
}

// RFC 5545 §3.1: CONTROL is %x00-08 / %x0A-1F / %x7F; tab is allowed in values.
const NOT_CONTROL = '[^\\x00-\\x08\\x0a-\\x1f\\x7f';
const PARAM_VALUE = `(?:${NOT_CONTROL}";:,]*|"${NOT_CONTROL}"]*")`;
const CONTENT_LINE = new RegExp(
  `^[A-Za-z0-9-]+(?:;[A-Za-z0-9-]+=${PARAM_VALUE}(?:,${PARAM_VALUE})*)*:${NOT_CONTROL}]*$`,
  'u',
);

/**
 * Every problem the raw file has against RFC 5545 (an empty list when there is none): line ends, octet length and
 * UTF-8 of each physical line, the grammar of each content line, nesting, and the properties each component must
 * have.
 */
export function rfc5545Problems(ics: string): string[] {
  const problems: string[] = [];
  if (!ics.endsWith('\r\n')) problems.push('the file does not end with CRLF');
  if (/\r(?!\n)|(?<!\r)\n/.test(ics)) problems.push('a CR or LF that is not part of a CRLF');

  // Octets as the Blob will store them; each physical line must be whole UTF-8 on its own.
  const bytes = new TextEncoder().encode(ics);
  let lineStart = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let index = 0; index < bytes.length - 1; index++) {
    if (bytes[index] !== 0x0d || bytes[index + 1] !== 0x0a) continue;
    const line = bytes.subarray(lineStart, index);
    if (line.length > 75) problems.push(`a line of ${line.length} octets`);
    try {
      decoder.decode(line);
    } catch {
      problems.push(`a line that splits a UTF-8 sequence, at octet ${lineStart}`);
    }
    lineStart = index + 2;
  }
  // Folding writes one space; a tab, or a space on the first line, would not be ours.
  ics
    .split('\r\n')
    .slice(0, -1)
    .forEach((line, index) => {
      if (line === '') problems.push(`an empty line at ${index}`);
      if (line.startsWith('\t') || (index === 0 && line.startsWith(' '))) problems.push(`line ${index} starts badly`);
      // Half a surrogate pair is what splitting a 4-octet character looks like before the text is encoded.
      if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(line)) {
        problems.push(`line ${index} holds half a character`);
      }
    });

  const stack: string[] = [];
  const components: { name: string; properties: string[]; lines: string[] }[] = [];
  for (const line of unfold(ics).split('\r\n').slice(0, -1)) {
    if (!CONTENT_LINE.test(line)) problems.push(`not a content line: ${JSON.stringify(line)}`);
    const name = /^[A-Za-z0-9-]+/.exec(line)?.[0] ?? '';
    const value = line.slice(line.indexOf(':') + 1);
    if (name === 'BEGIN') {
      stack.push(value);
      components.push({ name: value, properties: [], lines: [] });
    } else if (name === 'END') {
      if (stack.pop() !== value) problems.push(`END:${value} does not close the open component`);
    } else {
      const current = [...components].reverse().find((component) => component.name === stack.at(-1));
      current?.properties.push(name);
      current?.lines.push(line);
    }
  }
  if (stack.length) problems.push(`components left open: ${stack.join()}`);
  if (components[0]?.name !== 'VCALENDAR') problems.push('the file is not a VCALENDAR');

  const count = (properties: string[], name: string) => properties.filter((entry) => entry === name).length;
  const zonesDefined = new Set<string>();
  for (const { name, properties, lines } of components) {
    const once = (required: string[]) => {
      for (const property of required) {
        if (count(properties, property) !== 1) problems.push(`${name} has ${count(properties, property)} ${property}`);
      }
    };
    if (name === 'VCALENDAR') {
      once(['VERSION', 'PRODID', 'CALSCALE', 'METHOD']);
      for (const line of ['VERSION:2.0', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']) {
        if (!lines.includes(line)) problems.push(`VCALENDAR lacks ${line}`);
      }
    }
    if (name === 'VTIMEZONE') {
      once(['TZID']);
      zonesDefined.add(lines.find((line) => line.startsWith('TZID:'))!.slice(5));
    }
    if (name === 'STANDARD' || name === 'DAYLIGHT') {
      once(['DTSTART', 'TZOFFSETFROM', 'TZOFFSETTO']);
      for (const line of lines.filter((entry) => /^TZOFFSET/.test(entry))) {
        if (!/:[+-]\d{4}$/.test(line)) problems.push(`not a UTC offset: ${line}`);
      }
    }
    if (name === 'VEVENT') {
      once(['UID', 'DTSTAMP', 'DTSTART', 'SUMMARY']);
      if (count(properties, 'DTEND') + count(properties, 'DURATION') !== 1)
        problems.push('VEVENT needs DTEND or DURATION');
      if (!lines.some((line) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(line))) problems.push('DTSTAMP is not in UTC');
      const zoned = lines.some((line) => line.startsWith('DTSTART;TZID='));
      for (const line of lines.filter((entry) => entry.startsWith('RRULE:'))) {
        if (zoned && /UNTIL=(?!\d{8}T\d{6}Z)/.test(line)) problems.push(`UNTIL not in UTC: ${line}`);
      }
    }
    if (name === 'VALARM') once(['ACTION', 'TRIGGER', 'DESCRIPTION']);
  }
  for (const [, zone] of unfold(ics).matchAll(/;TZID=("[^"]*"|[^;:]*)/g)) {
    if (!zonesDefined.has(zone!.replace(/"/g, ''))) problems.push(`no VTIMEZONE for TZID ${zone}`);
  }
  return problems;
}

/** The parsed VCALENDAR. */
export function parseCalendar(ics: string) {
  return new ICAL.Component(ICAL.parse(ics));
}

/** The starts of an event's sessions as ical.js expands them (EXDATE applied), at most `limit`. */
export function expand(ics: string, limit = 2000, index = 0): Time[] {
  const vevent = parseCalendar(ics).getAllSubcomponents('vevent')[index]!;
  const iterator = new ICAL.Event(vevent).iterator();
  const starts: Time[] = [];
  for (let next = iterator.next(); next && starts.length < limit; next = iterator.next()) starts.push(next);
  return starts;
}

const readers = new Map<string, Intl.DateTimeFormat>();

/** "2026-11-05 18:00": what a clock in `zone` shows at `instant`, read by Intl and nothing else. */
export function intlReading(instant: Date, zone: string): string {
  let reader = readers.get(zone);
  if (!reader) {
    reader = new Intl.DateTimeFormat('sv-SE', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    readers.set(zone, reader);
  }
  return reader.format(instant);
}

/** "2026-11-05 18:00": the wall time ical.js holds. */
export function icalReading(time: Time): string {
  return time.toString().slice(0, 16).replace('T', ' ');
}
