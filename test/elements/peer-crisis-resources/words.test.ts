import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/peer-crisis-resources/define.js';
import type { PeerCrisisResources } from '../../../src/elements/peer-crisis-resources/peer-crisis-resources.js';
import { answering, campusService, listOf, settled } from '../../helpers/crisis-fixtures.js';

type Crisis = PeerCrisisResources;
const shadow = (el: Element) => el.shadowRoot!;
/** Visible text with Intl's narrow no-break spaces ("9:00\u202fAM") made plain. */
const words = (node: Node) => (node.textContent ?? '').replace(/[\s\u202f\u00a0]+/g, ' ').trim();

before(() => document.addEventListener('click', (event) => event.preventDefault(), true));

async function settledWith(data: unknown, attrs: { country?: string; lang?: string; clock?: () => Date } = {}) {
  const { fetch } = answering(data);
  const el = await fixture<Crisis>(
    html`<peer-crisis-resources
      src="/c.json"
      country=${attrs.country ?? 'US'}
      lang=${attrs.lang ?? 'en'}
      .fetch=${fetch}
      .clock=${attrs.clock ?? (() => new Date())}
      .timeZone=${'America/New_York'}
    ></peer-crisis-resources>`,
  );
  await settled(el);
  return el;
}

const weekly = (ranges: Array<[string, string, string]>) => ({
  timeZone: 'America/New_York',
  alwaysOpen: false,
  weekly: ranges.map(([day, opens, closes]) => ({ day, opens, closes })),
});
/** Friday 17:00 to Monday 09:00, New York: an out-of-hours line open for days. */
const weekend = weekly([
  ['fri', '17:00', '24:00'],
  ['sat', '00:00', '24:00'],
  ['sun', '00:00', '24:00'],
  ['mon', '00:00', '09:00'],
]);
const officeHours = weekly(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, '09:00', '17:00']));
const mondayHour = weekly([['mon', '09:00', '10:00']]);
const withHours = (id: string, hours: unknown) =>
  campusService({
    id,
    contactMethods: [{ type: 'phone', value: '+15555550140', displayValue: '555-555-0140', hours }],
  });
/** New York wall time in late November 2026 (UTC-5): day of month, hour, minute. */
const ny =
  (day: number, hour: number, minute = 0) =>
  () =>
    new Date(Date.UTC(2026, 10, day, hour + 5, minute));

async function statusOf(id: string, hours: unknown, clock: () => Date, lang = 'en') {
  const el = await settledWith(listOf([withHours(id, hours)]), { clock, lang });
  return words(shadow(el).querySelector(`[data-id="${id}"] [part~="status"]`)!);
}

describe('<peer-crisis-resources> words that stay true', () => {
  describe('times name their day when it is not today', () => {
    // 27 Nov 2026 is a Friday; 28 Saturday; 29 Sunday; 30 Monday.
    const cases: Array<[string, unknown, () => Date, string]> = [
      ['weekend line seen on Saturday', weekend, ny(28, 12), 'Open now until Monday at 9:00 AM'],
      ['weekend line seen on Friday evening', weekend, ny(27, 18), 'Open now until Monday at 9:00 AM'],
      ['weekend line seen on Sunday evening', weekend, ny(29, 20), 'Open now until tomorrow at 9:00 AM'],
      ['weekend line seen on Monday morning', weekend, ny(30, 8), 'Open now until 9:00 AM'],
      ['office line seen on Friday evening', officeHours, ny(27, 18), 'Closed now. Opens Monday at 9:00 AM'],
      ['office line seen on Thursday evening', officeHours, ny(26, 18), 'Closed now. Opens tomorrow at 9:00 AM'],
      ['office line seen early on Monday', officeHours, ny(30, 7), 'Closed now. Opens at 9:00 AM'],
      ['weekly hour seen just after it', mondayHour, ny(30, 10, 30), 'Closed now. Opens Monday, December 7 at 9:00 AM'],
    ];
    for (const [what, hours, clock, expected] of cases) {
      it(what, async () => {
        expect(await statusOf('line', hours, clock)).to.equal(expected);
      });
    }

    it('in Spanish too', async () => {
      expect(await statusOf('line', weekend, ny(28, 12), 'es')).to.equal('Abierto ahora hasta el lunes a las 9:00');
      expect(await statusOf('line', officeHours, ny(26, 18), 'es')).to.equal('Cerrado ahora. Abre mañana a las 9:00');
    });
  });

  describe('the intro says only what is true', () => {
    const intro = (el: Crisis) => words(shadow(el).querySelector('[part~="intro"]')!);

    it('promises a person now only while every listed service is open and answered by people', async () => {
      const el = await settledWith(listOf([]), { country: 'US' }); // the bundled US lines are all 24/7
      expect(intro(el)).to.contain('These services can connect you with a person now');
    });

    it('says which are open when only some are', async () => {
      const closed = withHours('campus-closed', officeHours);
      const el = await settledWith(listOf([closed]), { clock: ny(28, 12) });
      expect(intro(el)).to.contain('The services marked open').and.not.contain('These services can');
    });

    it('promises nothing now when every listed service is closed', async () => {
      // Iceland has emergency numbers bundled but no national lines: only the closed campus service is listed.
      const closed = withHours('campus-closed', officeHours);
      const el = await settledWith(listOf([{ ...closed, country: 'IS', subdivisions: [] }]), {
        country: 'IS',
        clock: ny(28, 12),
      });
      expect(intro(el)).to.contain('Each service below says when it is open').and.not.contain('person now');
    });

    it('does not promise a person for an automated service', async () => {
      const bot = campusService({
        id: 'bot',
        humanSupport: 'automated',
        contactMethods: [
          { type: 'phone', value: '+15555550150', hours: { timeZone: 'UTC', alwaysOpen: true, weekly: [] } },
        ],
      });
      const el = await settledWith(listOf([bot]));
      expect(intro(el)).not.to.contain('These services can connect you with a person now');
    });

    it('does not promise that the emergency call is free from any phone', async () => {
      const el = await settledWith(listOf([]));
      expect(words(shadow(el).querySelector('[part~="emergency"]')!)).not.to.match(/free from any phone/i);
    });
  });

  describe('a sentence is in one language', () => {
    it('reads the US lines in Spanish, with the Veterans line’s menu step translated', async () => {
      const el = await settledWith(listOf([]), { lang: 'es' });
      for (const id of ['us-crisis-text-line', 'us-trevor-lifeline', 'us-veterans-crisis-line']) {
        const item = shadow(el).querySelector(`[data-id="${id}"]`)!;
        expect(item.querySelector('[part~="resource-description"]')!.hasAttribute('lang'), id).to.equal(false);
      }
      const veterans = shadow(el).querySelector('[data-id="us-veterans-crisis-line"] [part~="action"]')!;
      expect(words(veterans)).to.equal('Llamar al 988 y luego pulsa 1');
    });

    it('keeps an untranslated display text with words in its own language, whole, and marks it', async () => {
      const nurse = campusService({
        id: 'nurse',
        contactMethods: [
          {
            type: 'phone',
            value: '+15555550160',
            displayValue: '555-555-0160, then ask for the nurse',
            hours: { timeZone: 'UTC', alwaysOpen: true, weekly: [] },
          },
        ],
      });
      const el = await settledWith(listOf([nurse]), { lang: 'es' });
      const action = shadow(el).querySelector('[data-id="nurse"] [part~="action"]')!;
      expect(words(action)).to.equal('Call 555-555-0160, then ask for the nurse');
      expect(action.querySelector('[lang="en"]')!.textContent).to.contain('Call');
      // The service's own untranslated name and description are marked as English for screen readers.
      expect(shadow(el).querySelector('[data-id="nurse"] [part~="resource-name"]')!.getAttribute('lang')).to.equal(
        'en',
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('a page in a language with no table', () => {
    it('shows English left to right throughout, with English country and language names and dates', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div dir="rtl" lang="he"><peer-crisis-resources country="AU"></peer-crisis-resources></div>`,
      );
      const el = wrapper.firstElementChild as Crisis;
      await el.updateComplete;
      const panel = shadow(el).querySelector<HTMLElement>('[part~="panel"]')!;
      expect([panel.lang, getComputedStyle(panel).direction]).to.deep.equal(['en', 'ltr']);
      expect(panel.textContent).not.to.match(/[\u0590-\u05ff]/);
      expect(words(shadow(el).querySelector('[part~="country"]')!)).to.contain('Numbers for Australia');
    });
  });

  describe('Spanish details', () => {
    it('says "from mobile phones" in Spanish, and keeps English notes and display words out of Spanish sentences', async () => {
      const nurse = campusService({
        id: 'ext',
        contactMethods: [
          {
            type: 'phone',
            value: '+15555550100',
            displayValue: '555-555-0100 ext. 2',
            hours: { timeZone: 'UTC', alwaysOpen: true, weekly: [] },
          },
        ],
      });
      const el = await settledWith(
        listOf([nurse], {
          emergencyNumbers: [{ country: 'US', number: '911', services: ['general'], note: 'Text 911 where available' }],
        }),
        { lang: 'es' },
      );
      const emergency = shadow(el).querySelector('[part~="emergency"]')!;
      expect(emergency.querySelector('[lang="en"]')!.textContent).to.equal('Text 911 where available');
      const action = shadow(el).querySelector('[data-id="ext"] [part~="action"]')!;
      expect(words(action)).to.equal('Call 555-555-0100 ext. 2');
      const veterans = shadow(el).querySelector('[data-id="us-veterans-crisis-line"] [part~="copy"]')!;
      expect(veterans.getAttribute('aria-label')).to.equal(
        'Copiar número 988 y luego pulsa 1'.replace(' y luego pulsa 1', ''),
      );
      const au = await fixture<Crisis>(html`<peer-crisis-resources lang="es" country="AU"></peer-crisis-resources>`);
      expect(words(shadow(au).querySelector('[part~="emergency"]')!)).to.contain('Desde teléfonos móviles.');
    });
  });

  describe('reflow', () => {
    it('wraps a long address in data and keeps a number on one line at 320 px', async () => {
      const long = campusService({
        id: 'long',
        description:
          'See https://www.university.example.edu/student-life/health-and-wellbeing/counselling-and-support/',
      });
      const { fetch } = answering(listOf([long]));
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 320px">
          <peer-crisis-resources src="/c.json" lang="es" country="US" .fetch=${fetch}></peer-crisis-resources>
        </div>`,
      );
      const el = wrapper.querySelector('peer-crisis-resources') as Crisis;
      await settled(el);
      const panel = shadow(el).querySelector<HTMLElement>('[part~="panel"]')!;
      expect(panel.scrollWidth).to.be.at.most(panel.clientWidth);
      const number = shadow(el).querySelector('[data-id="us-trevor-lifeline"] [part~="action"] bdi[dir="ltr"]')!;
      expect(number.getClientRects().length, 'one line box').to.equal(1);
    });

    it('fits a 320 px wide screen without scrolling sideways, in Spanish too', async () => {
      for (const lang of ['en', 'es']) {
        const wrapper = await fixture<HTMLDivElement>(
          html`<div style="width: 320px">
            <peer-crisis-resources lang=${lang} country="US"></peer-crisis-resources>
          </div>`,
        );
        const el = wrapper.firstElementChild as Crisis;
        await el.updateComplete;
        const panel = shadow(el).querySelector<HTMLElement>('[part~="panel"]')!;
        const overflowing = [...shadow(el).querySelectorAll<HTMLElement>('*')].filter(
          (node) => node.getBoundingClientRect().right > wrapper.getBoundingClientRect().right + 0.5,
        );
        expect(
          overflowing.map((node) => node.getAttribute('part') ?? node.localName),
          lang,
        ).to.deep.equal([]);
        expect(panel.scrollWidth, lang).to.be.at.most(panel.clientWidth);
      }
    });
  });

  describe('the assumed country', () => {
    it('reads an informal code as the country it means, and ignores one that names no country', async () => {
      const uk = await fixture<Crisis>(html`<peer-crisis-resources country="uk"></peer-crisis-resources>`);
      expect(uk.activeCountry).to.equal('GB');
      const xx = await fixture<Crisis>(html`<peer-crisis-resources country="XX"></peer-crisis-resources>`);
      expect(xx.activeCountry).not.to.equal('XX');
      expect(xx.config.country).to.equal(undefined);
    });

    it('is named next to the emergency call, with the picker one tap away', async () => {
      const el = await fixture<Crisis>(html`<peer-crisis-resources country="US"></peer-crisis-resources>`);
      const note = shadow(el).querySelector('[part~="emergency"] [part~="country"]')!;
      expect(words(note)).to.contain('Numbers for United States');
      note.querySelector<HTMLButtonElement>('[part~="change-country"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => shadow(el).activeElement?.id === 'country', 'the picker has focus');
      await expect(el).to.be.accessible();
    });

    it('is named in the banner too, and the change button opens the panel at the picker', async () => {
      const el = await fixture<Crisis>(
        html`<peer-crisis-resources variant="banner" country="GB"></peer-crisis-resources>`,
      );
      const banner = shadow(el).querySelector('[part~="banner"]')!;
      expect(words(banner)).to.contain('Numbers for United Kingdom');
      banner.querySelector<HTMLButtonElement>('[part~="change-country"]')!.click();
      await waitUntil(() => shadow(el).activeElement?.id === 'country', 'the picker has focus');
      expect(shadow(el).querySelector<HTMLElement>('#panel')!.hidden).to.equal(false);
    });
  });

  describe('copying tells the truth', () => {
    function withClipboard(clipboard: unknown) {
      Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
      return () => delete (navigator as { clipboard?: unknown }).clipboard;
    }
    const trevorCopy = (el: Crisis) =>
      shadow(el).querySelector<HTMLButtonElement>('[data-id="us-trevor-lifeline"] [part~="copy"]')!;

    it('copies the number dialled, says so on screen and aloud in its displayed form, and reports the copy', async () => {
      const written: string[] = [];
      const restore = withClipboard({ writeText: async (text: string) => void written.push(text) });
      try {
        const el = await fixture<Crisis>(html`<peer-crisis-resources country="US"></peer-crisis-resources>`);
        setTimeout(() => trevorCopy(el).click());
        const event = await oneEvent(el, 'peer-crisis-contact');
        expect(event.detail).to.deep.equal({ resourceId: 'us-trevor-lifeline', method: 'phone', action: 'copy' });
        expect(written).to.deep.equal(['+18664887386']);
        await el.updateComplete;
        const status = shadow(el).querySelector('[data-id="us-trevor-lifeline"] [part~="copy-status"]')!;
        expect(words(status)).to.equal('Copied');
        await waitUntil(() => words(shadow(el).querySelector('[role="status"]')!).includes('Copied'), 'announced');
        expect(words(shadow(el).querySelector('[role="status"]')!)).to.equal('Copied 1-866-488-7386.');
      } finally {
        restore();
      }
    });

    for (const [what, clipboard] of [
      ['without a clipboard (an insecure origin)', undefined],
      [
        'when the clipboard refuses',
        { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      ],
    ] as const) {
      it(`${what}: selects the number to copy by hand, says so, and reports nothing`, async () => {
        const restore = withClipboard(clipboard);
        try {
          const el = await fixture<Crisis>(html`<peer-crisis-resources country="US"></peer-crisis-resources>`);
          const events: Event[] = [];
          el.addEventListener('peer-crisis-contact', (event) => events.push(event));
          trevorCopy(el).click();
          await waitUntil(() => shadow(el).querySelector('[part~="copy-status"]'), 'a visible result');
          const status = shadow(el).querySelector('[data-id="us-trevor-lifeline"] [part~="copy-status"]')!;
          expect(words(status)).to.equal('Copy this number yourself: 1-866-488-7386');
          expect(getSelection()!.toString()).to.equal('1-866-488-7386');
          await waitUntil(() => words(shadow(el).querySelector('[role="status"]')!).length > 0, 'announced');
          expect(words(shadow(el).querySelector('[role="status"]')!)).to.contain('1-866-488-7386 is selected');
          await aTimeout(50);
          expect(events).to.have.length(0);
          await expect(el).to.be.accessible();
        } finally {
          restore();
        }
      });
    }
  });
});
