import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import { toICalendar, weeklyRule, type CalendarEvent } from '../../../src/core/calendar/index.js';
import {
  expand,
  icalReading,
  intlReading,
  parseCalendar,
  rfc5545Problems,
  textValue,
  unescapeText,
  unfold,
} from './rfc5545.js';

const NOW = new Date(Date.UTC(2026, 7, 1, 12, 0, 0));

function event(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid: 'grp_1-series@peer.example.edu',
    title: 'Peer support circle',
    start: '2026-09-10T18:00',
    timeZone: 'America/New_York',
    durationMinutes: 90,
    ...overrides,
  };
}

/** `count` local readings "YYYY-MM-DD HH:mm", `days` days apart on the wall clock, from `start`. */
function everyDays(start: string, days: number, count: number): string[] {
  const first = Date.parse(`${start.replace(' ', 'T')}Z`);
  return Array.from({ length: count }, (_, index) =>
    new Date(first + index * days * 86_400_000).toISOString().slice(0, 16).replace('T', ' '),
  );
}

/**
 * Expands the first event with ical.js and checks that every session is where Intl puts that local time: the
 * instant ical.js computes from the file's VTIMEZONE reads back, in the zone, as the same wall time.
 */
function sessionsCheckedAgainstIntl(ics: string, zone: string, limit?: number): string[] {
  expect(rfc5545Problems(ics)).to.deep.equal([]);
  return expand(ics, limit).map((start) => {
    const reading = icalReading(start);
    expect(intlReading(start.toJSDate(), zone), `the session at ${reading}`).to.equal(reading);
    return reading;
  });
}

describe('toICalendar', () => {
  describe('the file', () => {
    it('has the calendar properties, one VEVENT per event with its required properties, and CRLF line ends', () => {
      const ics = toICalendar([event(), event({ uid: 'grp_2@peer.example.edu', timeZone: 'UTC' })], { now: NOW });
      expect(rfc5545Problems(ics)).to.deep.equal([]);
      const lines = ics.split('\r\n');
      expect(lines.slice(0, 5)).to.deep.equal([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//peer-support-widgets//development//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
      ]);
      expect(lines.at(-2)).to.equal('END:VCALENDAR');
      expect(lines.at(-1)).to.equal('');
      expect(lines).to.include.members([
        'UID:grp_1-series@peer.example.edu',
        'DTSTAMP:20260801T120000Z',
        'DTSTART;TZID=America/New_York:20260910T180000',
        'DTEND;TZID=America/New_York:20260910T193000',
        'SUMMARY:Peer support circle',
      ]);
      const vevents = parseCalendar(ics).getAllSubcomponents('vevent');
      expect(vevents.length).to.equal(2);
      const first = new ICAL.Event(vevents[0]);
      expect(first.uid).to.equal('grp_1-series@peer.example.edu');
      expect(first.duration.toSeconds()).to.equal(90 * 60);
    });

    it('writes a UTC event with Z times and no VTIMEZONE', () => {
      const ics = toICalendar([event({ timeZone: 'UTC', exdates: ['2026-09-17T18:00'], rrule: 'FREQ=WEEKLY' })]);
      expect(ics).to.include('\r\nDTSTART:20260910T180000Z\r\n');
      expect(ics).to.include('\r\nDTEND:20260910T193000Z\r\n');
      expect(ics).to.include('\r\nEXDATE:20260917T180000Z\r\n');
      expect(ics).not.to.include('VTIMEZONE');
      expect(ics).not.to.include('TZID');
      const starts = expand(ics, 3).map((start) => start.toJSDate().toISOString());
      expect(starts).to.deep.equal([
        '2026-09-10T18:00:00.000Z',
        '2026-09-24T18:00:00.000Z',
        '2026-10-01T18:00:00.000Z',
      ]);
    });

    it('takes a product id and stamps the file with the time it is given', () => {
      const ics = toICalendar([event()], { productId: '-//Example University//Peer groups//EN', now: NOW });
      expect(ics).to.include('\r\nPRODID:-//Example University//Peer groups//EN\r\n');
      expect(ics).to.include('\r\nDTSTAMP:20260801T120000Z\r\n');
    });

    it('writes description, location and an https URL, escaping commas and semicolons in the location', () => {
      const ics = toICalendar([
        event({
          description: 'Bring nothing.\nCome as you are; leave when you like.',
          location: 'Student Union, Room 2; second floor',
          url: 'https://peer.example.edu/groups/1?from=calendar',
        }),
      ]);
      expect(unfold(ics)).to.include('\r\nLOCATION:Student Union\\, Room 2\\; second floor\r\n');
      const vevent = parseCalendar(ics).getFirstSubcomponent('vevent')!;
      expect(vevent.getFirstPropertyValue('location')).to.equal('Student Union, Room 2; second floor');
      expect(vevent.getFirstPropertyValue('description')).to.equal(
        'Bring nothing.\nCome as you are; leave when you like.',
      );
      expect(vevent.getFirstPropertyValue('url')).to.equal('https://peer.example.edu/groups/1?from=calendar');
    });

    it('drops a URL that is not https', () => {
      for (const url of [
        'http://peer.example.edu/',
        'javascript:alert(1)',
        'data:text/html,x',
        'mailto:a@example.edu',
        'https://user:pass@example.edu/',
        '/groups/1',
        'https://example.edu/\r\nX-INJECTED:1',
      ]) {
        const ics = toICalendar([event({ url })]);
        expect(unfold(ics).includes('URL:'), url).to.equal(false);
        expect(ics.includes('X-INJECTED'), url).to.equal(false);
      }
    });

    it('adds a DISPLAY alarm with its text, or the title', () => {
      const ics = toICalendar([
        event({ alarmMinutesBefore: 30, alarmText: 'Circle starts in 30 minutes' }),
        event({ uid: 'b@peer.example.edu', alarmMinutesBefore: 0 }),
      ]);
      const [first, second] = parseCalendar(ics)
        .getAllSubcomponents('vevent')
        .map((vevent) => vevent.getFirstSubcomponent('valarm')!);
      expect(first!.getFirstPropertyValue('action')).to.equal('DISPLAY');
      const trigger = (valarm: typeof first) =>
        valarm!.getFirstPropertyValue('trigger') as InstanceType<typeof ICAL.Duration>;
      expect(trigger(first).toSeconds()).to.equal(-30 * 60);
      expect(first!.getFirstPropertyValue('description')).to.equal('Circle starts in 30 minutes');
      expect(trigger(second).toSeconds()).to.equal(0);
      expect(second!.getFirstPropertyValue('description')).to.equal('Peer support circle');
    });

    it('refuses what it cannot write truthfully', () => {
      const bad: Partial<CalendarEvent>[] = [
        { start: '2026-02-30T18:00' },
        { start: '2026-09-10 18:00' },
        { start: '2026-09-10T24:00' },
        { start: '2026-09-10T18:00:00' },
        { timeZone: 'Mars/Olympus_Mons' },
        { timeZone: '' },
        { durationMinutes: 0 },
        { durationMinutes: 1.5 },
        { durationMinutes: Number.NaN },
        { alarmMinutesBefore: -5 },
        { rrule: 'FREQ=WEEKLY;BYDAY=TH\r\nX-EVIL:1' },
        { rrule: 'FREQ=WEEKLY', exdates: ['2026-09-17'] },
      ];
      for (const overrides of bad) {
        expect(() => toICalendar([event(overrides)]), JSON.stringify(overrides)).to.throw(RangeError);
      }
      expect(() => toICalendar([]), 'no events').to.throw(RangeError);
    });

    it('writes Etc/UTC, unlike "UTC", as a zone with a VTIMEZONE at +0000', () => {
      const ics = toICalendar([event({ timeZone: 'Etc/UTC' })]);
      expect(rfc5545Problems(ics)).to.deep.equal([]);
      expect(ics).to.include('DTSTART;TZID=Etc/UTC:20260910T180000');
      expect(ics).to.include('TZOFFSETTO:+0000');
    });
  });

  describe('sessions across clock changes, read back by ical.js', () => {
    it('America/New_York: weekly on Thursdays at 18:00 through both changes, EXDATE skipped, UNTIL inclusive', () => {
      const ics = toICalendar([
        event({ rrule: 'FREQ=WEEKLY;BYDAY=TH;UNTIL=20270603T180000', exdates: ['2026-11-26T18:00'] }),
      ]);
      // 18:00 on 3 June 2027 is 22:00 UTC (EDT).
      expect(unfold(ics)).to.include('\r\nRRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL=20270603T220000Z\r\n');
      const sessions = sessionsCheckedAgainstIntl(ics, 'America/New_York');
      const expected = everyDays('2026-09-10 18:00', 7, 39).filter((reading) => reading !== '2026-11-26 18:00');
      expect(sessions).to.deep.equal(expected);
      expect(sessions.at(-1)).to.equal('2027-06-03 18:00');
      // Both sides of each change, as UTC instants: EDT is UTC-4, EST UTC-5.
      const utc = expand(ics).map((start) => start.toJSDate().toISOString());
      expect(utc).to.include('2026-10-29T22:00:00.000Z'); // before 1 November
      expect(utc).to.include('2026-11-05T23:00:00.000Z'); // after
      expect(utc).to.include('2027-03-11T23:00:00.000Z'); // before 14 March
      expect(utc).to.include('2027-03-18T22:00:00.000Z'); // after
    });

    it('Europe/London: Mondays at 19:30, 30 sessions (COUNT) through October and March', () => {
      const ics = toICalendar([
        event({ timeZone: 'Europe/London', start: '2026-10-05T19:30', rrule: weeklyRule({ byDay: 'MO', count: 30 }) }),
      ]);
      const sessions = sessionsCheckedAgainstIntl(ics, 'Europe/London');
      expect(sessions).to.deep.equal(everyDays('2026-10-05 19:30', 7, 30));
      const utc = expand(ics).map((start) => start.toJSDate().toISOString());
      expect(utc[2]).to.equal('2026-10-19T18:30:00.000Z'); // BST
      expect(utc[3]).to.equal('2026-10-26T19:30:00.000Z'); // GMT
      expect(utc[25]).to.equal('2027-03-29T18:30:00.000Z'); // BST again
    });

    it('Australia/Sydney: Wednesdays at 10:00 from March to November, both southern-hemisphere changes', () => {
      const ics = toICalendar([
        event({
          timeZone: 'Australia/Sydney',
          start: '2026-03-04T10:00',
          rrule: weeklyRule({ byDay: 'WE', until: '2026-11-25T10:00' }),
        }),
      ]);
      const sessions = sessionsCheckedAgainstIntl(ics, 'Australia/Sydney');
      expect(sessions).to.deep.equal(everyDays('2026-03-04 10:00', 7, 39));
      const utc = expand(ics).map((start) => start.toJSDate().toISOString());
      expect(utc[0]).to.equal('2026-03-03T23:00:00.000Z'); // AEDT, UTC+11
      expect(utc[5]).to.equal('2026-04-08T00:00:00.000Z'); // AEST, UTC+10, after 5 April
      expect(utc[31]).to.equal('2026-10-06T23:00:00.000Z'); // AEDT again, after 4 October
    });

    it('Asia/Kolkata: no clock changes, one STANDARD observance at +0530', () => {
      const ics = toICalendar([
        event({ timeZone: 'Asia/Kolkata', start: '2026-09-08T17:00', rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=20' }),
      ]);
      expect(unfold(ics).match(/BEGIN:(STANDARD|DAYLIGHT)/g)).to.deep.equal(['BEGIN:STANDARD']);
      expect(ics).to.include('TZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530');
      const sessions = sessionsCheckedAgainstIntl(ics, 'Asia/Kolkata');
      expect(sessions).to.deep.equal(everyDays('2026-09-08 17:00', 14, 20));
      expect(expand(ics)[0]!.toJSDate().toISOString()).to.equal('2026-09-08T11:30:00.000Z');
    });

    it('a reminder with no end keeps its local time for fifteen years, past the years worked out ahead', () => {
      const ics = toICalendar([
        event({ start: '2026-09-07T09:00', durationMinutes: 10, rrule: weeklyRule({ byDay: 'MO' }) }),
      ]);
      const sessions = sessionsCheckedAgainstIntl(ics, 'America/New_York', 15 * 52);
      expect(sessions).to.deep.equal(everyDays('2026-09-07 09:00', 7, 15 * 52));
    });

    it('a monthly rule (the first Tuesday) across the change in November', () => {
      const ics = toICalendar([event({ start: '2026-09-01T12:00', rrule: 'FREQ=MONTHLY;BYDAY=1TU;COUNT=6' })]);
      const sessions = sessionsCheckedAgainstIntl(ics, 'America/New_York');
      expect(sessions).to.deep.equal([
        '2026-09-01 12:00',
        '2026-10-06 12:00',
        '2026-11-03 12:00',
        '2026-12-01 12:00',
        '2027-01-05 12:00',
        '2027-02-02 12:00',
      ]);
    });

    it('zones whose changes fit no yearly rule (Jerusalem, Cairo, Nuuk) get every onset listed, the first included', () => {
      for (const zone of ['Asia/Jerusalem', 'Africa/Cairo', 'America/Nuuk']) {
        const ics = toICalendar([
          event({ timeZone: zone, start: '2026-09-03T20:00', rrule: weeklyRule({ byDay: 'TH', count: 110 }) }),
        ]);
        expect(unfold(ics), zone).to.match(/\r\nRDATE:/);
        const sessions = sessionsCheckedAgainstIntl(ics, zone);
        expect(sessions, zone).to.deep.equal(everyDays('2026-09-03 20:00', 7, 110));
      }
    });

    it('two zones in one file each get their own VTIMEZONE, once', () => {
      const ics = toICalendar([
        event(),
        event({ uid: 'b@peer.example.edu', timeZone: 'Europe/London' }),
        event({ uid: 'c@peer.example.edu', start: '2027-01-07T18:00' }),
      ]);
      expect(rfc5545Problems(ics)).to.deep.equal([]);
      expect(unfold(ics).match(/TZID:[^\r]+/g)).to.deep.equal(['TZID:America/New_York', 'TZID:Europe/London']);
    });
  });

  describe('the VTIMEZONE', () => {
    // Every local hour of a year that happens exactly once (Intl says which), ical.js must turn into the instant
    // Intl gives for it, using only the file's VTIMEZONE: the hours next to each change above all. (ical.js's own
    // UTC-to-local conversion looks offsets up by the UTC reading, so it is not the direction checked here.)
    for (const zone of ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata', 'America/Santiago']) {
      it(`${zone}: every hour of a year turns into the instant Intl gives`, () => {
        const ics = toICalendar([event({ timeZone: zone, start: '2026-09-10T18:00', rrule: 'FREQ=DAILY;COUNT=365' })]);
        const timezone = new ICAL.Timezone(parseCalendar(ics).getFirstSubcomponent('vtimezone')!);
        const from = Date.UTC(2026, 8, 10);
        const hour = 3_600_000;
        let checked = 0;
        for (let instant = from; instant < from + 365 * 86_400_000; instant += hour) {
          const reading = intlReading(new Date(instant), zone);
          const repeated = [instant - hour, instant + hour].some(
            (other) => intlReading(new Date(other), zone) === reading,
          );
          if (repeated) continue;
          const [year, month, day, hours, minute] = reading.split(/[- :]/).map(Number) as number[];
          const time = ICAL.Time.fromData({ year, month, day, hour: hours, minute }, timezone);
          expect(time.toJSDate().toISOString(), reading).to.equal(new Date(instant).toISOString());
          checked++;
        }
        expect(checked).to.be.greaterThan(8700);
      });
    }

    it('uses yearly rules where they fit, one STANDARD and one DAYLIGHT (what Outlook reads)', () => {
      const ics = unfold(toICalendar([event({ rrule: 'FREQ=WEEKLY;BYDAY=TH' })]));
      expect(ics).to.include('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400');
      expect(ics).to.include('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500');
      expect(ics.match(/BEGIN:STANDARD/g)?.length).to.equal(1);
      expect(ics.match(/BEGIN:DAYLIGHT/g)?.length).to.equal(1);
      expect(ics).not.to.include('RDATE');
      const london = unfold(toICalendar([event({ timeZone: 'Europe/London' })]));
      expect(london).to.include('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
      expect(london).to.include('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    });
  });

  describe('UNTIL', () => {
    it('keeps a session that starts exactly at a local UNTIL, and none after it', () => {
      const at = toICalendar([event({ rrule: 'FREQ=WEEKLY;UNTIL=20261001T180000' })]);
      expect(expand(at).map(icalReading)).to.deep.equal(everyDays('2026-09-10 18:00', 7, 4));
      const minuteBefore = toICalendar([event({ rrule: 'FREQ=WEEKLY;UNTIL=20261001T175900' })]);
      expect(expand(minuteBefore).map(icalReading)).to.deep.equal(everyDays('2026-09-10 18:00', 7, 3));
    });

    it('keeps every session on the day of a date-only UNTIL', () => {
      const ics = toICalendar([event({ timeZone: 'Australia/Sydney', rrule: 'FREQ=WEEKLY;UNTIL=20261001' })]);
      // The last second of 1 October in Sydney (AEST, UTC+10) is 13:59:59 UTC.
      expect(unfold(ics)).to.include('UNTIL=20261001T135959Z');
      expect(expand(ics).map(icalReading).at(-1)).to.equal('2026-10-01 18:00');
    });

    it('leaves a UTC UNTIL as it is', () => {
      const ics = toICalendar([event({ rrule: 'FREQ=WEEKLY;UNTIL=20261001T220000Z' })]);
      expect(unfold(ics)).to.include('RRULE:FREQ=WEEKLY;UNTIL=20261001T220000Z\r\n');
      expect(expand(ics).length).to.equal(4);
    });
  });

  describe('with a discreet title', () => {
    const secret = {
      uid: 'grp_grief_tue-2026@peer.example.edu',
      title: 'Grief & Loss Support Circle, for students who lost someone; “you are not alone” 🕯️',
      description: 'Facilitated by trained peers who have lived through loss. Tissues and tea provided.',
      location: 'Counselling Centre, Room 214; Wellbeing Building',
      url: 'https://peer.example.edu/groups/grp_grief_tue',
      alarmText: 'Grief circle starts soon',
    };

    it('writes the discreet title and nothing of the title, description, location, URL or id', () => {
      const ics = toICalendar([event({ ...secret, alarmMinutesBefore: 15, rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=8' })], {
        discreetTitle: 'Appointment',
      });
      expect(rfc5545Problems(ics)).to.deep.equal([]);
      // Look in the raw text, in the text with folds joined, and with escapes undone: for each whole value and for
      // the words that would give the group away.
      const readings = [ics, unfold(ics), unescapeText(unfold(ics))].map((text) => text.toLowerCase());
      const giveaways = [
        ...Object.values(secret),
        'grief',
        'loss',
        'lost someone',
        'circle',
        'counselling',
        'wellbeing',
        'room 214',
        'facilitated',
        'tissues',
        'grp_grief_tue',
        'groups/',
      ];
      for (const reading of readings) {
        for (const giveaway of giveaways) expect(reading.includes(giveaway.toLowerCase()), giveaway).to.equal(false);
      }
      const vevent = parseCalendar(ics).getFirstSubcomponent('vevent')!;
      expect(vevent.getFirstPropertyValue('summary')).to.equal('Appointment');
      expect(vevent.getFirstSubcomponent('valarm')!.getFirstPropertyValue('description')).to.equal('Appointment');
      for (const name of ['description', 'location', 'url']) expect(vevent.hasProperty(name), name).to.equal(false);
      expect(textValue(ics, 'SUMMARY')).to.equal('Appointment');
    });

    it('writes the same UID for the same id on every download, and a different one for another id', () => {
      const uid = (id: string) =>
        textValue(toICalendar([event({ ...secret, uid: id })], { discreetTitle: 'Appointment' }), 'UID');
      expect(uid(secret.uid)).to.equal(uid(secret.uid));
      expect(uid(secret.uid)).to.match(/^[0-9a-f]{16}@peer\.example\.edu$/);
      expect(uid(secret.uid)).not.to.equal(uid('grp_grief_wed-2026@peer.example.edu'));
      // Without a discreet title the id is written as given, so updates to the same event match.
      expect(textValue(toICalendar([event(secret)]), 'UID')).to.equal(secret.uid);
    });

    it('is discreet even when the discreet title is empty', () => {
      const ics = toICalendar([event(secret)], { discreetTitle: '' });
      expect(unfold(ics).toLowerCase().includes('grief')).to.equal(false);
      expect(textValue(ics, 'SUMMARY')).to.equal('');
    });
  });
});
