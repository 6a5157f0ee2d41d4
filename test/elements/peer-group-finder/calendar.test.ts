import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import {
  expand,
  icalReading,
  intlReading,
  parseCalendar,
  rfc5545Problems,
  unfold,
} from '../../core/calendar/rfc5545.js';
import {
  $,
  groupDetail,
  groupPage,
  groupSummary,
  groupsFetch,
  json,
  mountWith,
  openCard,
  registration,
  until,
  type Finder,
} from './helpers.js';

/** Catches the next `<a download>` click anywhere in the document and reads the file it offers. */
function nextDownload(): Promise<{ name: string; text: string; type: string }> {
  return new Promise((resolve) => {
    const onClick = async (event: Event) => {
      const link = event.composedPath()[0] as HTMLAnchorElement;
      if (!(link instanceof HTMLAnchorElement) || !link.download) return;
      document.removeEventListener('click', onClick, true);
      const blob = await (await fetch(link.href)).blob();
      resolve({ name: link.download, text: await blob.text(), type: blob.type });
    };
    document.addEventListener('click', onClick, true);
  });
}

async function download(el: Finder) {
  const file = nextDownload();
  $<HTMLButtonElement>(el, '[part="calendar-add"]')!.click();
  return file;
}

const SECRET_ROOM = 'Room 4.02, Chaplaincy House';
// Thursdays 18:00 in New York from 7 January to 1 April 2027 (UNTIL is that session's own start: inclusive), across
// the change to summer time on 14 March; the session of 11 February is cancelled.
const sessionsOf = (dates: string[]) =>
  dates.map((date) => ({ startsAt: date, endsAt: new Date(Date.parse(date) + 90 * 60_000).toISOString() }));
const grief = () =>
  groupSummary('grp_grief_thu', {
    name: 'Grief and loss circle',
    summary: 'For students who have lost someone close.',
    topics: ['grief'],
    locationHidden: true,
    location: undefined,
    schedule: {
      timeZone: 'America/New_York',
      startLocal: '2027-01-07T18:00',
      durationMinutes: 90,
      rrule: 'FREQ=WEEKLY;BYDAY=TH;UNTIL=20270401T180000',
    },
    nextOccurrences: [
      ...sessionsOf(['2027-01-07T23:00:00Z', '2027-01-14T23:00:00Z']),
      { ...sessionsOf(['2027-02-11T23:00:00Z'])[0], cancelled: true },
    ],
  });

function backend() {
  return groupsFetch({
    list: () => json(groupPage([grief()])),
    detail: () => json({ ...groupDetail('grp_grief_thu'), ...grief() }),
    register: (id) => json(registration(id, { location: { venue: { name: SECRET_ROOM } } }), 201),
  });
}

describe('<peer-group-finder> calendar file', () => {
  it('is discreet by default: the name, topic, description and place are nowhere in the file, its UID or its name', async () => {
    const el = await mountWith(backend());
    await openCard(el);
    await until(() => $(el, '[part~="detail-agreements"]') !== null);
    const file = await download(el);
    expect(file.type).to.contain('text/calendar');
    expect(file.name).to.equal('personal-time.ics');
    expect(rfc5545Problems(file.text)).to.deep.equal([]);
    const unfolded = unfold(file.text).toLowerCase();
    for (const secret of ['grief', 'loss', 'circle', 'lost someone', 'chaplaincy', 'wellbeing', 'grp_']) {
      expect(unfolded.includes(secret), `"${secret}" in the file`).to.equal(false);
      expect(file.name.includes(secret), `"${secret}" in the name`).to.equal(false);
    }
    const event = new ICAL.Event(parseCalendar(file.text).getFirstSubcomponent('vevent')!);
    expect(event.summary).to.equal('Personal time');
    expect(event.description === null && event.location === null).to.equal(true);
    expect(event.uid).to.match(/^[0-9a-f]{16}@backend\.example$/);
    expect(
      await new Promise((resolve) => setTimeout(() => resolve($(el, '[part="live-region"]')?.textContent), 80)),
    ).to.contain('calendar file is downloading');
  });

  it('keeps each session at 18:00 New York time across the clock change, skips the cancelled one, and includes UNTIL', async () => {
    const el = await mountWith(backend());
    await openCard(el);
    const file = await download(el);
    const vevent = parseCalendar(file.text).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).to.equal('America/New_York');
    expect(unfold(file.text)).to.include('\r\nRRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL=20270401T220000Z\r\n');
    const starts = expand(file.text);
    const readings = starts.map(icalReading);
    expect(readings.length).to.equal(12); // 13 Thursdays, less the cancelled one
    expect(readings.every((reading) => reading.endsWith(' 18:00'))).to.equal(true);
    expect(readings.includes('2027-02-11 18:00'), 'the cancelled session').to.equal(false);
    expect(readings.at(-1), 'the last session, at UNTIL itself').to.equal('2027-04-01 18:00');
    // Read as instants, they are 18:00 on a New York clock before and after 14 March (UTC-5, then UTC-4).
    for (const start of starts) expect(intlReading(start.toJSDate(), 'America/New_York')).to.equal(icalReading(start));
    const utc = starts.map((start) => start.toJSDate().toISOString());
    expect(utc).to.include('2027-03-11T23:00:00.000Z');
    expect(utc).to.include('2027-03-18T22:00:00.000Z');
  });

  it('with the discreet title turned off: the real name and description, and a hidden place only once joined', async () => {
    const el = await mountWith(backend());
    await openCard(el);
    $<HTMLInputElement>(el, '[part="calendar-discreet"]')!.click();
    await el.updateComplete;
    let file = await download(el);
    let event = new ICAL.Event(parseCalendar(file.text).getFirstSubcomponent('vevent')!);
    expect(event.summary).to.equal('Grief and loss circle');
    expect(event.description).to.equal('For students who have lost someone close.');
    expect(event.location === null, 'no hidden place before joining').to.equal(true);
    expect(file.name).to.equal('grief-and-loss-circle.ics');
    $<HTMLButtonElement>(el, '[part="join-submit"]')!.click();
    await until(() => $(el, '[part="outcome"]') !== null);
    file = await download(el);
    event = new ICAL.Event(parseCalendar(file.text).getFirstSubcomponent('vevent')!);
    expect(event.location).to.equal(SECRET_ROOM);
    // Discreet again: even after joining, the place stays out.
    $<HTMLInputElement>(el, '[part="calendar-discreet"]')!.click();
    await el.updateComplete;
    file = await download(el);
    expect(unfold(file.text).includes('Chaplaincy'), 'the place in a discreet file').to.equal(false);
  });

  it('uses the group’s own neutral title when it has one, unless it repeats the real name', async () => {
    const withNeutral = groupsFetch({
      list: () => json(groupPage([{ ...grief(), discreetName: 'Thursday meetup' }])),
      detail: () => json({ ...groupDetail('grp_grief_thu'), ...grief(), discreetName: 'Thursday meetup' }),
    });
    let el = await mountWith(withNeutral);
    await openCard(el);
    let file = await download(el);
    expect(new ICAL.Event(parseCalendar(file.text).getFirstSubcomponent('vevent')!).summary).to.equal(
      'Thursday meetup',
    );
    expect(file.name).to.equal('thursday-meetup.ics');
    el.remove();
    const leaky = groupsFetch({
      list: () => json(groupPage([{ ...grief(), discreetName: 'Grief and loss circle (Thu)' }])),
      detail: () => new Response('', { status: 404 }),
    });
    el = await mountWith(leaky);
    await openCard(el);
    file = await download(el);
    expect(new ICAL.Event(parseCalendar(file.text).getFirstSubcomponent('vevent')!).summary).to.equal('Personal time');
  });

  it('says so, and downloads nothing, when the backend’s schedule cannot be written', async () => {
    const broken = groupsFetch({
      list: () => json(groupPage([{ ...grief(), schedule: { ...grief().schedule, rrule: 'FREQ=WEEKLY;BYDAY=XX' } }])),
    });
    const el = await mountWith(broken);
    await openCard(el);
    let clicked = false;
    const onClick = (event: Event) => {
      if ((event.composedPath()[0] as HTMLAnchorElement).download) clicked = true;
    };
    document.addEventListener('click', onClick, true);
    $<HTMLButtonElement>(el, '[part="calendar-add"]')!.click();
    await until(() => $(el, '[part="calendar-status"]') !== null);
    document.removeEventListener('click', onClick, true);
    expect(clicked).to.equal(false);
    expect($(el, '[part="calendar-status"]')!.textContent).to.contain('could not make a calendar file');
  });
});
