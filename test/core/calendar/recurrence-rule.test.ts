import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import { recurrenceRule } from '../../../src/core/calendar/recurrence-rule.js';
import { weeklyRule } from '../../../src/core/calendar/index.js';

const NEW_YORK = 'America/New_York';
const rule = (value: string, zone = NEW_YORK) => recurrenceRule(value, zone).rule;

describe('recurrenceRule', () => {
  it('keeps the contract examples, with FREQ first', () => {
    expect(rule('FREQ=WEEKLY;BYDAY=TU;COUNT=12')).to.equal('FREQ=WEEKLY;BYDAY=TU;COUNT=12');
    expect(rule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20251215T235959Z')).to.equal(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20251215T235959Z',
    );
    expect(rule('BYDAY=TU;FREQ=WEEKLY')).to.equal('FREQ=WEEKLY;BYDAY=TU');
  });

  it('repairs an "RRULE:" prefix, surrounding space and lower case', () => {
    expect(rule(' RRULE:FREQ=WEEKLY;BYDAY=TU ')).to.equal('FREQ=WEEKLY;BYDAY=TU');
    expect(rule('rrule:freq=monthly;byday=-1fr')).to.equal('FREQ=MONTHLY;BYDAY=-1FR');
  });

  it('converts a local UNTIL to UTC with the zone of the start, either side of a clock change', () => {
    expect(recurrenceRule('FREQ=WEEKLY;UNTIL=20270603T180000', NEW_YORK)).to.deep.equal({
      rule: 'FREQ=WEEKLY;UNTIL=20270603T220000Z',
      until: Date.UTC(2027, 5, 3, 22),
    });
    expect(rule('FREQ=WEEKLY;UNTIL=20261203T180000')).to.equal('FREQ=WEEKLY;UNTIL=20261203T230000Z');
    expect(rule('FREQ=WEEKLY;UNTIL=20261203T180000', 'Australia/Sydney')).to.equal(
      'FREQ=WEEKLY;UNTIL=20261203T070000Z',
    );
    expect(rule('FREQ=WEEKLY;UNTIL=20261203T180000', 'Asia/Kolkata')).to.equal('FREQ=WEEKLY;UNTIL=20261203T123000Z');
    expect(rule('FREQ=WEEKLY;UNTIL=20261203T180000', 'UTC')).to.equal('FREQ=WEEKLY;UNTIL=20261203T180000Z');
  });

  it('reads a date-only UNTIL as the end of that local day', () => {
    expect(rule('FREQ=DAILY;UNTIL=20261203')).to.equal('FREQ=DAILY;UNTIL=20261204T045959Z');
  });

  it('refuses values that would break the file or that calendars read differently', () => {
    const refused = [
      '',
      'BYDAY=TU',
      'FREQ=WEEKLY;BYDAY=TU\r\nATTENDEE:mailto:x@example.com',
      'FREQ=WEEKLY;BYDAY=TU\nX',
      'FREQ=WEEKLY;BYDAY=TU;',
      'FREQ=WEEKLY;;BYDAY=TU',
      'FREQ=WEEKLY;BYDAY=TU:X',
      'FREQ=WEEKLY;BYDAY="TU"',
      'FREQ=WEEKLY BYDAY=TU',
      'FREQ=HOURLY',
      'FREQ=FORTNIGHTLY',
      'FREQ=WEEKLY;FREQ=DAILY',
      'FREQ=WEEKLY;BYDAY=TU;X-NAME=1',
      'FREQ=WEEKLY;RSCALE=GREGORIAN',
      'FREQ=WEEKLY;BYDAY=XX',
      'FREQ=WEEKLY;BYDAY=',
      'FREQ=WEEKLY;BYDAY=TU,',
      'FREQ=WEEKLY;COUNT=0',
      'FREQ=WEEKLY;COUNT=-1',
      'FREQ=WEEKLY;INTERVAL=1.5',
      'FREQ=WEEKLY;COUNT=3;UNTIL=20270101T000000Z',
      'FREQ=WEEKLY;UNTIL=20270230T000000',
      'FREQ=WEEKLY;UNTIL=2027-01-01',
      'FREQ=WEEKLY;UNTIL=20270101T000000+0100',
      'FREQ=MONTHLY;BYMONTHDAY=0',
      'FREQ=MONTHLY;BYMONTHDAY=32',
      'FREQ=YEARLY;BYMONTH=13',
      'FREQ=DAILY;BYHOUR=24',
      'FREQ=MONTHLY;BYDAY=54MO',
      'FREQ=MONTHLY;BYDAY=0MO',
      'FREQ=WEEKLY;BYDAY=1MO',
      'FREQ=WEEKLY;BYMONTHDAY=1',
      'FREQ=MONTHLY;BYWEEKNO=1',
      'FREQ=MONTHLY;BYYEARDAY=1',
      'FREQ=MONTHLY;BYSETPOS=1',
      'FREQ=WEEKLY=1',
      'FREQ=WEEKLY;CONSTRUCTOR=1',
      'FREQ=WEEKLY;__PROTO__=1',
    ];
    for (const value of refused) {
      expect(() => recurrenceRule(value, NEW_YORK), JSON.stringify(value)).to.throw(RangeError);
    }
  });

  it('accepts the rest of RFC 5545, and ical.js reads each result', () => {
    const accepted = [
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
      'FREQ=MONTHLY;BYMONTHDAY=-1',
      'FREQ=YEARLY;BYMONTH=1,7;BYDAY=+1MO',
      'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO',
      'FREQ=YEARLY;BYYEARDAY=1,-1',
      'FREQ=DAILY;BYHOUR=9,17;BYMINUTE=0,30;BYSECOND=0',
      'FREQ=WEEKLY;WKST=SU;BYDAY=TU,TH;INTERVAL=2;COUNT=9999',
    ];
    for (const value of accepted) {
      const written = rule(value);
      expect(written, value).to.equal(value);
      expect(ICAL.Recur.fromString(written).toString(), value).to.be.a('string');
    }
  });
});

describe('weeklyRule', () => {
  it('builds a weekly rule for one day or several', () => {
    expect(weeklyRule({ byDay: 'MO' })).to.equal('FREQ=WEEKLY;BYDAY=MO');
    expect(weeklyRule({ byDay: ['MO', 'TH'], interval: 2 })).to.equal('FREQ=WEEKLY;BYDAY=MO,TH;INTERVAL=2');
    expect(weeklyRule({ byDay: 'SU', interval: 1, count: 8 })).to.equal('FREQ=WEEKLY;BYDAY=SU;COUNT=8');
  });

  it('writes a local UNTIL, which toICalendar converts with the event zone', () => {
    const value = weeklyRule({ byDay: 'WE', until: '2027-06-02T09:00' });
    expect(value).to.equal('FREQ=WEEKLY;BYDAY=WE;UNTIL=20270602T090000');
    expect(rule(value, 'Europe/London')).to.equal('FREQ=WEEKLY;BYDAY=WE;UNTIL=20270602T080000Z');
  });

  it('refuses an unknown day, no day, a bad interval or count, and both until and count', () => {
    const refused = [
      { byDay: 'XX' },
      { byDay: [] },
      { byDay: 'MO', interval: 0 },
      { byDay: 'MO', count: 1.5 },
      { byDay: 'MO', until: '2027-06-02' },
      { byDay: 'MO', until: '2027-06-02T09:00', count: 3 },
    ] as Parameters<typeof weeklyRule>[0][];
    for (const options of refused) expect(() => weeklyRule(options), JSON.stringify(options)).to.throw(RangeError);
  });
});
