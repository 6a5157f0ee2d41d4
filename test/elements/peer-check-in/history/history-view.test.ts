import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { DEFAULT_HISTORY_KEY } from '../../../../src/elements/peer-check-in/history/check-in-history.js';
import { notKeptText } from '../../../../src/elements/peer-check-in/history/history-controller.js';
import type { HistoryEntry } from '../../../../src/elements/peer-check-in/history/history-entry.js';
import { historyEn, historyEs } from '../../../../src/elements/peer-check-in/history/i18n.js';
import { readCsv } from './csv-reader.js';
import { TestHistoryHost } from './history-host.js';
import { MemoryStorage, quotaError, securityError } from './memory-storage.js';

const KEY = DEFAULT_HISTORY_KEY;
const ON = `${KEY}:on`;
const at = (day: number) => new Date(Date.UTC(2026, 2, day, 14, 30)).toISOString();

/** Monday 2 March to Saturday 7 March 2026: four quick moods, a WHO-5 and a PHQ-4. */
const WEEK: HistoryEntry[] = [
  { at: at(2), instrument: 'mood', level: 2 },
  { at: at(3), instrument: 'mood', level: 3, emotions: ['tired'] },
  { at: at(4), instrument: 'who5', band: 'low' },
  { at: at(5), instrument: 'mood', level: 4 },
  { at: at(6), instrument: 'phq4', band: 'severe' },
  { at: at(7), instrument: 'mood', level: 5 },
];

function seed(entries: HistoryEntry[] | undefined, on = true): MemoryStorage {
  const storage = new MemoryStorage();
  if (on) storage.values.set(ON, JSON.stringify({ version: 1, at: at(1) }));
  if (entries) storage.values.set(KEY, JSON.stringify(entries));
  TestHistoryHost.storage = storage;
  return storage;
}

async function mount({ lang = 'en', dir = 'ltr', width = '' } = {}): Promise<TestHistoryHost> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang} dir=${dir} class="wrapper"><test-history-host></test-history-host></div>`,
  );
  // A fixed width stands for a phone at 320 CSS px (set through CSSOM, as a strict CSP would allow).
  if (width) wrapper.style.inlineSize = width;
  const host = wrapper.querySelector('test-history-host') as TestHistoryHost;
  await host.updateComplete;
  return host;
}

const $ = <E extends Element = HTMLElement>(host: TestHistoryHost, selector: string) =>
  host.shadowRoot!.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(host: TestHistoryHost, selector: string) => [
  ...host.shadowRoot!.querySelectorAll<E>(selector),
];
const part = (host: TestHistoryHost, name: string) => $(host, `[part~="${name}"]`);
const focusedPart = (host: TestHistoryHost) => host.shadowRoot!.activeElement?.getAttribute('part') ?? '';
const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** Every button and the checkbox's label (with the delete question open) is at least 44 × 44 px and on screen. */
async function expectTargets(host: TestHistoryHost): Promise<void> {
  part(host, 'history-delete')!.click();
  await host.updateComplete;
  const targets = [...$$(host, 'button'), part(host, 'history-remember')!.closest('label')!];
  expect(targets.length).to.equal(5);
  for (const target of targets) {
    const box = target.getBoundingClientRect();
    expect(box.height, text(target)).to.be.at.least(44);
    expect(box.width, text(target)).to.be.at.least(44);
    expect(box.right).to.be.at.most(host.getBoundingClientRect().right + 0.5);
  }
}
const announced = (host: TestHistoryHost, message: string) =>
  waitUntil(() => host.announcer.current === message, `not announced: ${message}`);

describe('check-in history view', () => {
  afterEach(() => {
    TestHistoryHost.storage = new MemoryStorage();
  });

  describe('the choice', () => {
    it('is off until the student turns it on, says what it means, and writes nothing', async () => {
      const storage = seed(undefined, false);
      const host = await mount();
      const box = part(host, 'history-remember') as HTMLInputElement;
      expect(box.checked).to.equal(false);
      expect(text(box.closest('label'))).to.equal(historyEn['checkIn.history.remember.label']);
      const about = $$(host, '#history-about li').map(text);
      expect(about).to.deep.equal([
        historyEn['checkIn.history.remember.onlyHere'],
        historyEn['checkIn.history.remember.whatIsKept'],
        historyEn['checkIn.history.remember.othersCanSee'],
        historyEn['checkIn.history.remember.deleteAnyTime'],
      ]);
      expect(box.getAttribute('aria-describedby')).to.equal('history-about');
      expect(part(host, 'history') === null).to.equal(true);
      expect(storage.length).to.equal(0);
      await expect(host).to.be.accessible();
    });

    it('turns on when the student checks it, keeps only that choice, and says so', async () => {
      const storage = seed(undefined, false);
      const host = await mount();
      part(host, 'history-remember')!.click();
      await host.updateComplete;
      expect([...storage.values.keys()]).to.deep.equal([ON]);
      expect((part(host, 'history-remember') as HTMLInputElement).checked).to.equal(true);
      expect(text(part(host, 'history-empty'))).to.equal(historyEn['checkIn.history.empty']);
      await announced(host, historyEn['checkIn.history.remember.on']);
    });

    it('stays off and says why when the browser refuses storage or it is full', async () => {
      for (const [error, problem] of [
        [securityError(), 'unavailable'],
        [quotaError(), 'full'],
      ] as const) {
        const storage = seed(undefined, false);
        storage.failSet = error;
        const host = await mount();
        part(host, 'history-remember')!.click();
        await host.updateComplete;
        expect((part(host, 'history-remember') as HTMLInputElement).checked).to.equal(false);
        expect(text(part(host, 'history-problem'))).to.equal(historyEn[`checkIn.history.problem.${problem}`]);
        expect(part(host, 'history') === null).to.equal(true);
        await announced(host, historyEn[`checkIn.history.problem.${problem}`]);
        await expect(host).to.be.accessible();
      }
    });

    it('asks before turning off deletes what is kept, and can be kept', async () => {
      const storage = seed(WEEK);
      const host = await mount();
      const box = part(host, 'history-remember') as HTMLInputElement;
      box.click();
      await host.updateComplete;
      await waitUntil(() => focusedPart(host) === 'history-confirm-no');
      expect(box.checked).to.equal(true);
      expect(text($(host, '#history-question'))).to.equal(
        historyEn['checkIn.history.turnOff.question.other'].replace('{count}', '6'),
      );
      expect(storage.values.has(KEY)).to.equal(true);
      part(host, 'history-confirm-no')!.click();
      await host.updateComplete;
      await waitUntil(() => focusedPart(host) === 'history-remember');
      expect(part(host, 'history-confirm') === null).to.equal(true);
      expect(storage.values.has(KEY)).to.equal(true);

      box.click();
      await host.updateComplete;
      part(host, 'history-confirm-yes')!.click();
      await host.updateComplete;
      expect(storage.length).to.equal(0);
      expect((part(host, 'history-remember') as HTMLInputElement).checked).to.equal(false);
      expect(part(host, 'history') === null).to.equal(true);
      await waitUntil(() => focusedPart(host) === 'history-remember');
      await announced(host, historyEn['checkIn.history.remember.offDeleted']);
    });

    it('turns off at once when nothing is kept', async () => {
      const storage = seed([]);
      const host = await mount();
      part(host, 'history-remember')!.click();
      await host.updateComplete;
      expect(storage.length).to.equal(0);
      await announced(host, historyEn['checkIn.history.remember.off']);
    });
  });

  describe('the history', () => {
    it('is accessible with a chart, a table and actions', async () => {
      seed(WEEK);
      const host = await mount();
      for (const name of ['history', 'history-heading', 'history-chart', 'history-table', 'history-actions']) {
        expect(part(host, name) !== null, name).to.equal(true);
      }
      await expect(host).to.be.accessible();
    });

    it('gives the same check-ins, in the same order, in the table as in the chart', async () => {
      seed(WEEK);
      const host = await mount();
      const rows = $$(host, 'tbody tr');
      expect(rows).to.have.length(WEEK.length);
      const moodRows = rows.filter((row) => row.dataset.instrument === 'mood').map((row) => row.dataset.level);
      const points = $$<SVGPathElement>(host, '.chart-point').map((point) => point.dataset.level);
      expect(points).to.deep.equal(['2', '3', '4', '5']);
      expect(moodRows).to.deep.equal(points);
      expect(rows.map((row) => text(row.querySelector('.history-feeling')))).to.deep.equal([
        'Low',
        'Okay',
        historyEn['checkIn.history.band.who5.low'],
        'Good',
        historyEn['checkIn.history.band.phq4.severe'],
        'Very good',
      ]);
      expect(text(rows[1]!.querySelector('.history-words'))).to.equal('Feelings: tired');
      expect(part(host, 'history-chart')!.getAttribute('role')).to.equal('img');
      expect(part(host, 'history-chart')!.getAttribute('aria-label')).to.equal(
        'How you felt at your last 4 quick mood check-ins, from Low on Mon, Mar 2 to Very good on Sat, Mar 7.',
      );
      expect(text($(host, 'caption'))).to.equal(historyEn['checkIn.history.table.caption']);
      expect($$(host, 'thead th').map(text)).to.deep.equal(['Date', 'How it went']);
    });

    it('draws each point beside the word for its level', async () => {
      seed(WEEK);
      const host = await mount();
      const words = $$(host, '.chart-level');
      expect(words.map(text)).to.deep.equal(['Very good', 'Good', 'Okay', 'Low', 'Very low']);
      for (const point of $$<SVGPathElement>(host, '.chart-point')) {
        const word = words[5 - Number(point.dataset.level)]!.getBoundingClientRect();
        const dot = point.getBoundingClientRect();
        expect(Math.abs(dot.top + dot.height / 2 - (word.top + word.height / 2))).to.be.below(2);
      }
    });

    it('names the day of each date, and never shows a score or a clinical label', async () => {
      seed(WEEK);
      const host = await mount();
      const dates = $$(host, 'tbody th time');
      const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
      dates.forEach((date, index) => {
        expect(text(date).startsWith(days[index]!), text(date)).to.equal(true);
        expect(date.getAttribute('datetime')).to.equal(WEEK[index]!.at);
      });
      const shown = text(part(host, 'history'));
      expect(shown).not.to.match(/severe|moderate|mild|score|depress|disorder|streak|\d+\s*(\/|out of)\s*\d+/i);
    });

    it('speaks Spanish', async () => {
      seed(WEEK);
      const host = await mount({ lang: 'es-MX' });
      expect(text(part(host, 'history-heading'))).to.equal(historyEs['checkIn.history.heading']);
      expect(text(part(host, 'history-remember')!.closest('label'))).to.equal(
        historyEs['checkIn.history.remember.label'],
      );
      expect($$(host, 'thead th').map(text)).to.deep.equal(['Fecha', 'Cómo te fue']);
      const first = text($(host, 'tbody th'));
      expect(first.startsWith('lunes'), first).to.equal(true);
      expect(text($(host, 'tbody tr:nth-child(2) .history-words'))).to.equal('Emociones: cansancio');
      expect(text(part(host, 'history-delete'))).to.equal(historyEs['checkIn.history.delete']);
      expect(part(host, 'history-chart')!.getAttribute('aria-label')).to.match(/^Cómo te sentiste .* lun/);
      await expect(host).to.be.accessible();
    });

    it('holds its layout right to left: words on the right, time running leftwards', async () => {
      seed(WEEK);
      const host = await mount({ dir: 'rtl' });
      const plot = $(host, '.chart-plot')!.getBoundingClientRect();
      const word = $(host, '.chart-level')!.getBoundingClientRect();
      expect(word.left).to.be.at.least(plot.right - 1);
      const [oldest, ...rest] = $$<SVGPathElement>(host, '.chart-point').map((p) => p.getBoundingClientRect().left);
      expect(rest.every((left) => left < oldest!)).to.equal(true);
      const [firstDate, lastDate] = $$(host, '.chart-dates span').map((span) => span.getBoundingClientRect().left);
      expect(firstDate!).to.be.above(lastDate!);
      const section = part(host, 'history')!;
      expect(section.scrollWidth).to.be.at.most(section.clientWidth);
      await expect(host).to.be.accessible();
    });

    it('keeps the chart visible in forced colours, in the system text colour, and never moves', async () => {
      seed(WEEK);
      await emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
      try {
        const host = await mount();
        const ink = getComputedStyle(part(host, 'history-heading')!).color;
        for (const selector of ['.chart-line', '.chart-point']) {
          expect(getComputedStyle($(host, selector)!).stroke, selector).to.equal(ink);
        }
        for (const element of $$(host, '*')) {
          const style = getComputedStyle(element);
          expect(style.animationName).to.equal('none');
          expect(style.transitionDuration).to.match(/^0s(, 0s)*$/);
        }
        await expect(host).to.be.accessible();
      } finally {
        await emulateMedia({ forcedColors: 'none', reducedMotion: 'no-preference' });
      }
    });

    it('fits 320 px without scrolling sideways, with targets of at least 44 px', async () => {
      seed(WEEK);
      const host = await mount({ width: '320px', lang: 'es' });
      expect(host.getBoundingClientRect().width).to.equal(320);
      for (const element of [part(host, 'history')!, part(host, 'history-choice')!, part(host, 'history-table')!]) {
        expect(element.scrollWidth, element.getAttribute('part')!).to.be.at.most(element.clientWidth);
        expect(element.getBoundingClientRect().right).to.be.at.most(host.getBoundingClientRect().right + 0.5);
      }
      await expectTargets(host);
    });

    it('gives every control a target of at least 44 px at full width too', async () => {
      seed(WEEK);
      await expectTargets(await mount());
    });

    it('deletes all by keyboard only after asking, then says so and lands on the heading', async () => {
      const storage = seed(WEEK);
      const host = await mount();
      part(host, 'history-delete')!.focus();
      await sendKeys({ press: 'Enter' });
      await host.updateComplete;
      await waitUntil(() => focusedPart(host) === 'history-confirm-no', 'focus did not move to the question');
      expect(text($(host, '#history-question'))).to.equal(
        historyEn['checkIn.history.delete.question.other'].replace('{count}', '6'),
      );
      expect(part(host, 'history-confirm')!.getAttribute('aria-labelledby')).to.equal('history-question');
      await expect(host).to.be.accessible();

      // "Don't delete" is where focus lands: Enter keeps everything and goes back to Delete all.
      await sendKeys({ press: 'Enter' });
      await host.updateComplete;
      await waitUntil(() => focusedPart(host) === 'history-delete', 'focus did not go back to Delete all');
      expect(storage.values.has(KEY)).to.equal(true);

      await sendKeys({ press: 'Enter' });
      await host.updateComplete;
      await waitUntil(() => focusedPart(host) === 'history-confirm-no');
      await sendKeys({ press: 'Tab' });
      expect(focusedPart(host)).to.equal('history-confirm-yes');
      await sendKeys({ press: 'Enter' });
      await host.updateComplete;
      expect(storage.values.has(KEY)).to.equal(false);
      expect(storage.values.has(ON)).to.equal(true);
      expect(text(part(host, 'history-empty'))).to.equal(historyEn['checkIn.history.empty']);
      await waitUntil(() => focusedPart(host) === 'history-heading', 'focus did not land on the heading');
      await announced(host, historyEn['checkIn.history.delete.done']);
    });

    it('says so, and keeps the check-ins on screen, when they cannot be deleted', async () => {
      const storage = seed(WEEK);
      const host = await mount();
      storage.failRemove = securityError();
      part(host, 'history-delete')!.click();
      await host.updateComplete;
      part(host, 'history-confirm-yes')!.click();
      await host.updateComplete;
      expect($$(host, 'tbody tr')).to.have.length(6);
      expect(text(part(host, 'history-notice'))).to.equal(historyEn['checkIn.history.delete.failed']);
      await waitUntil(() => focusedPart(host) === 'history-delete');
      await announced(host, historyEn['checkIn.history.delete.failed']);
    });

    it('downloads CSV and JSON with the right type and content', async () => {
      seed(WEEK);
      const host = await mount();
      const clicked: HTMLAnchorElement[] = [];
      const click = Object.getOwnPropertyDescriptor(HTMLAnchorElement.prototype, 'click');
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        clicked.push(this);
      };
      try {
        part(host, 'history-export-csv')!.click();
        part(host, 'history-export-json')!.click();
      } finally {
        if (click) Object.defineProperty(HTMLAnchorElement.prototype, 'click', click);
      }
      expect(clicked.map((link) => link.download)).to.deep.equal([
        'my-check-ins-2026-03-10.csv',
        'my-check-ins-2026-03-10.json',
      ]);
      const [csv, json] = await Promise.all(clicked.map(async (link) => (await fetch(link.href)).blob()));
      expect(csv!.type).to.equal('text/csv;charset=utf-8');
      const rows = readCsv(await csv!.text());
      expect(rows).to.have.length(WEEK.length + 1);
      expect(rows[0]![0]).to.equal('Date');
      expect(rows[1]!.slice(0, 4)).to.deep.equal([
        'Monday, March 2, 2026 at 2:30 PM',
        WEEK[0]!.at,
        'Quick mood',
        'Low',
      ]);
      expect(json!.type).to.equal('application/json');
      expect((JSON.parse(await json!.text()) as { entries: unknown }).entries).to.deep.equal(WEEK);
      await announced(host, 'Your file my-check-ins-2026-03-10.json is downloading.');
    });

    it('says when some saved check-ins could not be read', async () => {
      const storage = seed(WEEK);
      storage.values.set(KEY, JSON.stringify([...WEEK, { at: at(8), instrument: 'mood', level: 9 }]));
      const host = await mount();
      expect(text(part(host, 'history'))).to.include(historyEn['checkIn.history.problem.malformed']);
      expect($$(host, 'tbody tr')).to.have.length(6);
    });

    it('shows the latest 30 and says the downloads have them all', async () => {
      const many = Array.from({ length: 35 }, (_, i): HistoryEntry => ({
        at: new Date(Date.UTC(2026, 0, 1 + i, 9)).toISOString(),
        instrument: 'mood',
        level: ((i % 5) + 1) as 1 | 2 | 3 | 4 | 5,
      }));
      seed(many);
      const host = await mount();
      expect($$(host, 'tbody tr')).to.have.length(30);
      expect($$(host, '.chart-point')).to.have.length(30);
      expect($(host, 'tbody time')!.getAttribute('datetime')).to.equal(many[5]!.at);
      expect(text(part(host, 'history'))).to.include('Showing your last 30 of 35 check-ins.');
    });

    it('keeps a finished check-in, or says it could not', async () => {
      const storage = seed([]);
      const host = await mount();
      const entry: HistoryEntry = { at: at(9), instrument: 'mood', level: 4 };
      expect(host.history.record(entry)).to.deep.equal({ ok: true });
      await host.updateComplete;
      expect($$(host, 'tbody tr')).to.have.length(1);
      storage.failSet = quotaError();
      const full = host.history.record({ ...entry, at: at(10) });
      expect(notKeptText(host.i18n, full)).to.equal(historyEn['checkIn.history.notKept.full']);
      storage.failSet = securityError();
      const refused = host.history.record({ ...entry, at: at(11) });
      expect(notKeptText(host.i18n, refused)).to.equal(historyEn['checkIn.history.notKept.unavailable']);
    });

    it('follows changes another tab makes', async () => {
      const storage = seed(WEEK);
      const host = await mount();
      storage.values.clear();
      window.dispatchEvent(new StorageEvent('storage', { key: ON }));
      await host.updateComplete;
      expect(part(host, 'history') === null).to.equal(true);
      expect((part(host, 'history-remember') as HTMLInputElement).checked).to.equal(false);
    });
  });
});
