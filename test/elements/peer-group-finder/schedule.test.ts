import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LocalizeController } from '../../../src/core/i18n/localize-controller.js';
import '../../../src/elements/peer-group-finder/define.js';
import type { GroupSchedule, Occurrence } from '../../../src/elements/peer-group-finder/logic/group-data.js';
import {
  describeSchedule,
  nextSessionLabel,
  zoneDiffers,
} from '../../../src/elements/peer-group-finder/logic/schedule.js';

/** The smallest host that gives a LocalizeController its language. */
class ScheduleHost extends LitElement {
  readonly i18n = new LocalizeController(this);
}
customElements.define('schedule-host', ScheduleHost);

async function i18nIn(lang: string) {
  const host = await fixture<ScheduleHost>(html`<schedule-host lang=${lang}></schedule-host>`);
  return host.i18n;
}

/** Renders parts (strings and isolated templates) to plain text. */
function words(parts: unknown[] | undefined): string {
  const container = document.createElement('div');
  const flat = (part: unknown): string =>
    typeof part === 'string'
      ? part
      : part && typeof part === 'object' && 'values' in part
        ? (part as { values: unknown[] }).values.map(flat).join('')
        : String(part ?? '');
  container.textContent = (parts ?? []).map(flat).join('');
  return container.textContent.replace(/\s+/g, ' ').trim();
}

const NY = 'America/New_York';
const weekly = (rrule: string, startLocal = '2027-01-07T18:00'): GroupSchedule => ({
  timeZone: NY,
  startLocal,
  durationMinutes: 90,
  rrule,
});
const session = (startsAt: string, cancelled = false): Occurrence => ({
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + 90 * 60_000).toISOString(),
  ...(cancelled ? { cancelled } : {}),
});

describe('group schedules in words', () => {
  it('name the days and times on the student’s own clock, moving the day when their date differs', async () => {
    const i18n = await i18nIn('en-US');
    const thursday = [session('2027-01-07T23:00:00Z')]; // 18:00 EST
    const rule = weekly('FREQ=WEEKLY;BYDAY=TH');
    expect(words(describeSchedule(i18n, rule, thursday, NY))).to.equal('Every Thursday, 6:00 – 7:30 PM');
    expect(words(describeSchedule(i18n, rule, thursday, 'Asia/Tokyo'))).to.equal('Every Friday, 8:00 – 9:30 AM');
    expect(words(describeSchedule(i18n, rule, thursday, 'Pacific/Honolulu'))).to.equal(
      'Every Thursday, 1:00 – 2:30 PM',
    );
    const twice = weekly('FREQ=WEEKLY;BYDAY=MO,TH');
    expect(words(describeSchedule(i18n, twice, thursday, 'Europe/Berlin'))).to.equal(
      'Every Tuesday and Friday, 12:00 – 1:30 AM',
    );
    expect(zoneDiffers(twice, thursday, 'Europe/Berlin')).to.equal(true);
    expect(zoneDiffers(twice, thursday, 'America/Toronto'), 'same clock, other name').to.equal(false);
  });

  it('follow the clock change: the week the US has changed and the UK has not, London sees 10 pm', async () => {
    const i18n = await i18nIn('en-GB');
    const rule = weekly('FREQ=WEEKLY;BYDAY=TH');
    expect(words(describeSchedule(i18n, rule, [session('2027-03-11T23:00:00Z')], 'Europe/London'))).to.equal(
      'Every Thursday, 23:00 – 00:30', // across midnight: the times only, never the dates Intl would add
    );
    expect(words(describeSchedule(i18n, rule, [session('2027-03-18T22:00:00Z')], 'Europe/London'))).to.equal(
      'Every Thursday, 22:00–23:30',
    );
  });

  it('say every other week, every n weeks, every day, once a month, and a single session', async () => {
    const i18n = await i18nIn('en-US');
    const at = [session('2027-01-07T23:00:00Z')];
    expect(words(describeSchedule(i18n, weekly('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH'), at, NY))).to.equal(
      'Every other Thursday, 6:00 – 7:30 PM',
    );
    expect(words(describeSchedule(i18n, weekly('FREQ=WEEKLY;INTERVAL=3;BYDAY=TH'), at, NY))).to.equal(
      'Every 3 weeks on Thursday, 6:00 – 7:30 PM',
    );
    expect(words(describeSchedule(i18n, weekly('FREQ=WEEKLY'), at, NY)), 'the first session’s day').to.equal(
      'Every Thursday, 6:00 – 7:30 PM',
    );
    expect(words(describeSchedule(i18n, weekly('FREQ=DAILY;COUNT=5'), at, NY))).to.equal('Every day, 6:00 – 7:30 PM');
    expect(words(describeSchedule(i18n, weekly('FREQ=MONTHLY;BYDAY=1TH'), at, NY))).to.equal(
      'Once a month, 6:00 – 7:30 PM',
    );
    const once = { timeZone: NY, startLocal: '2027-01-07T18:00', durationMinutes: 90 };
    expect(words(describeSchedule(i18n, once, [], NY))).to.equal('One session: Thu, Jan 7, 6:00 – 7:30 PM');
  });

  it('name the next session’s day: today, tomorrow, or its date, and a cancelled one before it', async () => {
    const i18n = await i18nIn('en-US');
    const now = new Date('2027-01-07T15:00:00Z'); // 10:00 in New York
    const today = nextSessionLabel(i18n, [session('2027-01-07T23:00:00Z')], now, NY);
    expect(words(today.next)).to.equal('Next session: today at 6:00 PM');
    const tomorrow = nextSessionLabel(i18n, [session('2027-01-08T23:00:00Z')], now, NY);
    expect(words(tomorrow.next)).to.equal('Next session: tomorrow at 6:00 PM');
    // In Tokyo it is already 00:00 on the 8th: a session at 08:00 on the 9th there is "tomorrow".
    const tokyo = nextSessionLabel(i18n, [session('2027-01-08T23:00:00Z')], now, 'Asia/Tokyo');
    expect(words(tokyo.next)).to.equal('Next session: tomorrow at 8:00 AM');
    const later = nextSessionLabel(
      i18n,
      [session('2027-01-07T23:00:00Z', true), session('2027-01-14T23:00:00Z')],
      now,
      NY,
    );
    expect(words(later.cancelled)).to.equal('No session on Thu, Jan 7');
    expect(words(later.next)).to.equal('Next session: Thu, Jan 14 at 6:00 PM');
    expect(words(nextSessionLabel(i18n, [], now, NY).next)).to.equal('No sessions coming up');
  });

  it('read in Spanish with Intl’s day names and times', async () => {
    const i18n = await i18nIn('es');
    const at = [session('2027-01-07T23:00:00Z')];
    expect(words(describeSchedule(i18n, weekly('FREQ=WEEKLY;BYDAY=MO,TH'), at, NY))).to.equal(
      'Cada lunes y jueves, 18:00–19:30',
    );
    const next = nextSessionLabel(i18n, [session('2027-01-14T23:00:00Z')], new Date('2027-01-07T15:00:00Z'), NY);
    expect(words(next.next)).to.equal('Próxima sesión: jue, 14 ene a las 18:00');
  });
});
