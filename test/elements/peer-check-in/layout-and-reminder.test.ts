import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import { registerLocale } from '../../../src/core/i18n/catalog.js';
import { checkInEn } from '../../../src/elements/peer-check-in/i18n/en.js';
import { reminderCalendar } from '../../../src/elements/peer-check-in/templates/reminder-templates.js';
import { $, $$, announced, choose, mount, submit, type CheckIn } from './helpers.js';

/** Catches the next `<a download>` click anywhere in the document and reads the file it offers. */
function nextDownload(): Promise<{ name: string; text: string; type: string }> {
  return new Promise((resolve) => {
    const onClick = async (event: Event) => {
      const link = event.target as HTMLAnchorElement;
      if (!(link instanceof HTMLAnchorElement) || !link.download) return;
      document.removeEventListener('click', onClick, true);
      const blob = await (await fetch(link.href)).blob();
      resolve({ name: link.download, text: await blob.text(), type: blob.type });
    };
    document.addEventListener('click', onClick, true);
  });
}

async function toResult(el: CheckIn) {
  await choose(el, 'mood', '3');
  await submit(el);
  await el.updateComplete;
}

describe('<peer-check-in> weekly reminder', () => {
  it('downloads a weekly .ics with a discreet title by default: the real title is nowhere in the file or its name', async () => {
    const el = await mount();
    await toResult(el);
    const day = $<HTMLSelectElement>(el, 'select[name="reminder-day"]')!;
    day.value = '4'; // Thursday
    day.dispatchEvent(new Event('change'));
    const time = $<HTMLInputElement>(el, 'input[name="reminder-time"]')!;
    time.value = '19:30';
    time.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const download = nextDownload();
    $<HTMLButtonElement>(el, '[part="reminder"] button')!.click();
    const file = await download;
    expect(file.type).to.contain('text/calendar');
    expect(file.name).to.match(/\.ics$/);
    const unfolded = file.text.replace(/\r\n[ \t]/g, '');
    // Nor the library's name, in the product id or a UID: 'peer support' says what the reminder is for too.
    for (const secret of ['Check in with myself', 'check-in', 'Check-in', 'check in', 'peer-support', 'peer support']) {
      expect(unfolded.toLowerCase(), secret).not.to.contain(secret.toLowerCase());
      expect(file.name.toLowerCase()).not.to.contain(secret.toLowerCase().replace(/ /g, '-'));
    }
    const calendar = new ICAL.Component(ICAL.parse(file.text));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.summary).to.equal('Personal time');
    const rule = event.component.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rule.freq).to.equal('WEEKLY');
    expect(rule.parts['BYDAY']).to.deep.equal(['TH']);
    const tzid = event.component.getFirstProperty('dtstart')?.getParameter('tzid');
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone !== 'UTC') {
      expect(tzid).to.equal(zone);
      expect(calendar.getAllSubcomponents('vtimezone').map((tz) => tz.getFirstPropertyValue('tzid'))).to.include(zone);
    }
    expect(event.startDate.dayOfWeek()).to.equal(ICAL.Time.THURSDAY);
    expect([event.startDate.hour, event.startDate.minute]).to.deep.equal([19, 30]);
    expect(await announced(el)).to.contain('calendar file is downloading');
  });

  it('uses the real title when the student turns the discreet title off', async () => {
    const el = await mount();
    await toResult(el);
    $<HTMLInputElement>(el, 'input[name="reminder-discreet"]')!.click();
    await el.updateComplete;
    const download = nextDownload();
    $<HTMLButtonElement>(el, '[part="reminder"] button')!.click();
    const file = await download;
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(file.text)).getFirstSubcomponent('vevent')!);
    expect(event.summary).to.equal('Check in with myself');
  });
});

describe('the weekly reminder file in a time zone with clock changes', () => {
  it('names its zone with a VTIMEZONE, keeps 18:00 local across the change, and folds Spanish text whole', async () => {
    const el = await mount(html`<peer-check-in lang="es"></peer-check-in>`);
    const i18n = (el as unknown as { i18n: Parameters<typeof reminderCalendar>[0] }).i18n;
    const now = new Date('2026-10-20T12:00:00Z'); // a Tuesday, before the change on 1 November
    const { ics, fileName } = await reminderCalendar(
      i18n,
      { day: 4, time: '18:00', discreet: false },
      now,
      'America/New_York',
    );
    expect(fileName).to.match(/\.ics$/);
    for (const line of ics.split('\r\n')) {
      expect(new TextEncoder().encode(line).length, line).to.be.at.most(75);
      expect(line.includes('\uFFFD')).to.equal(false);
    }
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const zones = calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid'));
    expect(zones).to.deep.equal(['America/New_York']);
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).to.equal('America/New_York');
    ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone')!);
    const event = new ICAL.Event(vevent);
    expect(event.summary).to.equal('Mi chequeo semanal');
    const it = event.iterator();
    const utcHours: number[] = [];
    for (let next = it.next(), n = 0; next && n < 4; next = it.next(), n++) {
      utcHours.push((next.toUnixTime() / 3600) % 24);
    }
    expect(utcHours, '18:00 EDT is 22:00 UTC, 18:00 EST 23:00 UTC').to.deep.equal([22, 22, 23, 23]);
  });
});

describe('<peer-check-in> layout', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ forcedColors: 'none', reducedMotion: 'no-preference' });
  });

  it('reflows at 320 px with every answer and button at least 44 px tall, in every mode', async () => {
    await setViewport({ width: 320, height: 640 });
    for (const instrument of ['mood', 'who5', 'phq4']) {
      const el = await fixture<CheckIn>(html`<peer-check-in instrument=${instrument}></peer-check-in>`);
      await el.updateComplete;
      const panel = $(el, '[part="panel"]')!;
      expect(panel.scrollWidth, `${instrument}: no horizontal scrolling`).to.be.at.most(panel.clientWidth + 1);
      expect(document.documentElement.scrollWidth, instrument).to.be.at.most(320);
      for (const target of $$(el, '.choice, button, .button')) {
        const box = target.getBoundingClientRect();
        if (box.height === 0) continue; // hidden
        expect(box.height, `${instrument}: ${target.textContent?.trim()}`).to.be.at.least(44);
      }
    }
  });

  it('lays out right to left in a right-to-left language, with numbers kept left to right', async () => {
    const hebrew: Record<string, string> = {};
    for (const key of Object.keys(checkInEn)) hebrew[key] = `עברית ${key}`;
    hebrew['checkIn.note.count'] = '{count} מתוך {max} תווים';
    registerLocale('he', hebrew as never);
    const el = await mount(html`<peer-check-in lang="he"></peer-check-in>`);
    const panel = $(el, '[part="panel"]')!;
    expect(panel.getAttribute('dir')).to.equal('rtl');
    const [first, second] = $$(el, '[part="mood"] .choice');
    expect(first!.getBoundingClientRect().left, 'the first answer is on the right').to.be.greaterThan(
      second!.getBoundingClientRect().left,
    );
    const count = $(el, '[part="note-count"]')!;
    expect(count.querySelectorAll('bdi').length, 'each number isolated').to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('keeps the chosen answer visible in forced colours, without relying on colour alone', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const el = await mount();
    await choose(el, 'mood', '2');
    const chosen = $(el, '[part="mood"] .choice:has(input:checked)')!;
    const style = getComputedStyle(chosen);
    expect(parseFloat(style.borderTopWidth)).to.be.at.least(2);
    expect(style.fontWeight).to.equal('600');
  });
});
