import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GroupScheduleRule } from '../src/groups/group-types.ts';
import {
  dayOf,
  expandSessions,
  isSessionStart,
  partOfDay,
  scheduleEnd,
  scheduleErrors,
  type Session,
} from '../src/groups/schedule.ts';

const WIDE = { after: new Date('2000-01-01T00:00:00Z'), until: new Date('2100-01-01T00:00:00Z'), atLeast: 0 };

function sessions(rule: GroupScheduleRule, atMost = 100): Session[] {
  return expandSessions(rule, { ...WIDE, atMost });
}

const iso = (session: Session) => session.startsAt.toISOString();

describe('group schedules', () => {
  it('keeps a weekly group at 6 pm New York time across both clock changes of 2025', () => {
    const list = sessions({
      timeZone: 'America/New_York',
      startLocal: '2025-10-28T18:00',
      durationMinutes: 90,
      rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3',
    });
    assert.deepEqual(
      list.map((session) => session.startLocal),
      ['2025-10-28T18:00', '2025-11-04T18:00', '2025-11-11T18:00'],
    );
    // EDT (UTC-4) before 2 November, EST (UTC-5) after: the instant moves, the wall clock does not.
    assert.deepEqual(list.map(iso), [
      '2025-10-28T22:00:00.000Z',
      '2025-11-04T23:00:00.000Z',
      '2025-11-11T23:00:00.000Z',
    ]);
    assert.equal(list[0]!.endsAt.toISOString(), '2025-10-28T23:30:00.000Z');

    const spring = sessions({
      timeZone: 'America/New_York',
      startLocal: '2026-03-03T18:00',
      durationMinutes: 60,
      rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=2',
    });
    assert.deepEqual(spring.map(iso), ['2026-03-03T23:00:00.000Z', '2026-03-10T22:00:00.000Z']);
  });

  it('expands in London and Sydney, whose clocks change on other dates and the other way round', () => {
    const london = sessions({
      timeZone: 'Europe/London',
      startLocal: '2025-10-20T19:00',
      durationMinutes: 60,
      rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=2',
    });
    assert.deepEqual(london.map(iso), ['2025-10-20T18:00:00.000Z', '2025-10-27T19:00:00.000Z']);
    // Sydney leaves daylight time on 5 April 2026 (UTC+11 to UTC+10).
    const sydney = sessions({
      timeZone: 'Australia/Sydney',
      startLocal: '2026-04-01T12:30',
      durationMinutes: 60,
      rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=2',
    });
    assert.deepEqual(sydney.map(iso), ['2026-04-01T01:30:00.000Z', '2026-04-08T02:30:00.000Z']);
    assert.deepEqual(
      sydney.map((session) => session.startLocal),
      ['2026-04-01T12:30', '2026-04-08T12:30'],
    );
  });

  it('reads a start that the clock change skips or repeats as RFC 5545 does', () => {
    // 02:30 on 8 March 2026 does not exist in New York: a start there is read with the offset before the gap.
    const [skipped] = sessions({ timeZone: 'America/New_York', startLocal: '2026-03-08T02:30', durationMinutes: 30 });
    assert.equal(iso(skipped!), '2026-03-08T07:30:00.000Z');
    // 01:30 on 1 November 2026 happens twice: the first one (EDT).
    const [repeated] = sessions({ timeZone: 'America/New_York', startLocal: '2026-11-01T01:30', durationMinutes: 30 });
    assert.equal(iso(repeated!), '2026-11-01T05:30:00.000Z');
    // A daily rule at 02:30 has no session on the day 02:30 does not exist, and COUNT does not count that day
    // (RFC 5545 §3.3.10).
    const daily = sessions({
      timeZone: 'America/New_York',
      startLocal: '2026-03-07T02:30',
      durationMinutes: 30,
      rrule: 'FREQ=DAILY;COUNT=3',
    });
    assert.deepEqual(
      daily.map((session) => session.startLocal),
      ['2026-03-07T02:30', '2026-03-09T02:30', '2026-03-10T02:30'],
    );
  });

  it('takes out exdates, counts COUNT before them, and ends UNTIL inclusively in UTC', () => {
    const rule: GroupScheduleRule = {
      timeZone: 'America/Chicago',
      startLocal: '2025-09-01T17:00',
      durationMinutes: 60,
      rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=4',
      exdates: ['2025-09-08T17:00'],
    };
    assert.deepEqual(
      sessions(rule).map((session) => session.startLocal),
      ['2025-09-01T17:00', '2025-09-15T17:00', '2025-09-22T17:00'],
    );
    // 22:00Z is 17:00 in Chicago (CDT): the last session starts exactly at UNTIL and is included.
    const until = sessions({ ...rule, exdates: [], rrule: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20250915T220000Z' });
    assert.deepEqual(
      until.map((session) => session.startLocal),
      ['2025-09-01T17:00', '2025-09-08T17:00', '2025-09-15T17:00'],
    );
    assert.equal(scheduleEnd(rule)?.toISOString(), '2025-09-22T23:00:00.000Z');
    assert.equal(scheduleEnd({ ...rule, rrule: 'FREQ=WEEKLY;BYDAY=MO' }), null);
    assert.equal(scheduleEnd({ ...rule, rrule: undefined })?.toISOString(), '2025-09-01T23:00:00.000Z');
  });

  it('gives the sessions of a window, and at least a few more for a rule that meets rarely', () => {
    const rule: GroupScheduleRule = {
      timeZone: 'Europe/Madrid',
      startLocal: '2024-01-10T18:30',
      durationMinutes: 60,
      rrule: 'FREQ=MONTHLY;BYDAY=2WE',
    };
    const window = expandSessions(rule, {
      after: new Date('2026-01-01T00:00:00Z'),
      until: new Date('2026-03-01T00:00:00Z'),
      atLeast: 5,
      atMost: 50,
    });
    assert.deepEqual(
      window.map((session) => session.startLocal),
      ['2026-01-14T18:30', '2026-02-11T18:30', '2026-03-11T18:30', '2026-04-08T18:30', '2026-05-13T18:30'],
    );
    const capped = expandSessions(rule, { ...WIDE, after: new Date('2026-01-01T00:00:00Z'), atMost: 2 });
    assert.equal(capped.length, 2);
  });

  it('tells which local starts are sessions', () => {
    const rule: GroupScheduleRule = {
      timeZone: 'America/New_York',
      startLocal: '2025-10-28T18:00',
      durationMinutes: 90,
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      exdates: ['2025-11-25T18:00'],
    };
    assert.equal(isSessionStart(rule, '2025-11-04T18:00'), true);
    assert.equal(isSessionStart(rule, '2025-11-04T18:30'), false);
    assert.equal(isSessionStart(rule, '2025-11-05T18:00'), false);
    assert.equal(isSessionStart(rule, '2025-11-25T18:00'), false);
    assert.equal(isSessionStart(rule, '2025-10-21T18:00'), false);
  });

  it('refuses what it cannot expand faithfully, naming the field', () => {
    const base: GroupScheduleRule = {
      timeZone: 'America/New_York',
      startLocal: '2025-10-28T18:00',
      durationMinutes: 60,
    };
    const errors = (rule: Partial<GroupScheduleRule>) =>
      scheduleErrors({ ...base, ...rule }, '/body/schedule').map((error) => `${error.field} ${error.message}`);
    assert.deepEqual(errors({}), []);
    assert.deepEqual(errors({ rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;INTERVAL=2' }), []);
    assert.match(errors({ timeZone: 'Mars/Olympus_Mons' })[0]!, /^\/body\/schedule\/timeZone /);
    assert.match(errors({ rrule: 'FREQ=DAILY;BYHOUR=9,18' })[0]!, /^\/body\/schedule\/rrule must not set BYHOUR/);
    assert.match(errors({ rrule: 'FREQ=DAILY;X-NAME=1' })[0]!, /unknown part X-NAME/);
    assert.match(errors({ rrule: 'FREQ=WEEKLY;BYDAY=XX' })[0]!, /^\/body\/schedule\/rrule cannot be read/);
    assert.match(errors({ rrule: 'FREQ=WEEKLY;INTERVAL=0' })[0]!, /cannot be read/);
    assert.match(errors({ rrule: 'FREQ=DAILY;COUNT=2000' })[0]!, /more than 520 sessions/);
    assert.match(
      errors({ rrule: 'FREQ=DAILY;COUNT=1', exdates: ['2025-10-28T18:00'] })[0]!,
      /^\/body\/schedule has no session left/,
    );
  });

  it('names the part of the day and the day of the week of a local start', () => {
    assert.equal(partOfDay('2025-10-28T11:59'), 'morning');
    assert.equal(partOfDay('2025-10-28T12:00'), 'afternoon');
    assert.equal(partOfDay('2025-10-28T16:59'), 'afternoon');
    assert.equal(partOfDay('2025-10-28T17:00'), 'evening');
    assert.equal(partOfDay('2025-10-28T00:00'), 'morning');
    assert.equal(dayOf('2025-10-28T18:00'), 'tue');
    assert.equal(dayOf('2025-11-02T18:00'), 'sun');
    assert.equal(dayOf('2024-02-29T18:00'), 'thu');
  });
});
