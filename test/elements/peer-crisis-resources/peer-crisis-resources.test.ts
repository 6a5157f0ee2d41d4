import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/peer-crisis-resources/define.js';
import { PeerCrisisResources } from '../../../src/elements/peer-crisis-resources/peer-crisis-resources.js';
import { answering, campusService, listOf, neverAnswers, settled } from '../../helpers/crisis-fixtures.js';
import { referenceServer } from '../../helpers/reference-server.js';

type Crisis = PeerCrisisResources;

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element) => shadow(el).textContent!.replace(/\s+/g, ' ');
const links = (el: Element) => [...shadow(el).querySelectorAll('a')].map((a) => a.getAttribute('href'));
const resourceIds = (el: Element) =>
  [...shadow(el).querySelectorAll<HTMLElement>('[part~="resource"]')].map((li) => li.dataset.id);
// Following a tel:/sms:/https: link would leave the test page.
before(() => document.addEventListener('click', (event) => event.preventDefault(), true));

describe('<peer-crisis-resources>', () => {
  describe('without any network', () => {
    it('shows the emergency number first and national lines from the bundled data', async () => {
      const el = await fixture<Crisis>(html`<peer-crisis-resources country="US"></peer-crisis-resources>`);
      const emergency = shadow(el).querySelector('[part~="emergency"]')!;
      expect(emergency.textContent).to.contain('Call 911');
      expect(emergency.querySelector('a')!.getAttribute('href')).to.equal('tel:911');
      expect(resourceIds(el)).to.include('us-988-lifeline');
      // The emergency block comes before every crisis line in reading order.
      const firstResource = shadow(el).querySelector('[part~="resource"]')!;
      expect(emergency.compareDocumentPosition(firstResource) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });

    it('shows the right numbers for several countries', async () => {
      const expectations: Record<string, string[]> = {
        GB: ['999', '112'],
        AU: ['000'],
        JP: ['110', '119'],
        DE: ['112'],
      };
      for (const [country, numbers] of Object.entries(expectations)) {
        const el = await fixture<Crisis>(html`<peer-crisis-resources country=${country}></peer-crisis-resources>`);
        const emergency = shadow(el).querySelector('[part~="emergency"]')!.textContent!;
        for (const number of numbers) expect(emergency, country).to.contain(number);
      }
    });

    it('always shows numbers and SMS keywords as text, with a copy button for numbers', async () => {
      const el = await fixture<Crisis>(html`<peer-crisis-resources country="US"></peer-crisis-resources>`);
      const lifeline = shadow(el).querySelector('[data-id="us-988-lifeline"]')!;
      expect(lifeline.textContent).to.contain('988');
      expect(lifeline.querySelector('[part~="copy"]')).to.exist;
    });

    it('asks for the country when it cannot tell, and offers a picker that changes the numbers', async () => {
      const el = await fixture<Crisis>(html`<peer-crisis-resources></peer-crisis-resources>`);
      const select = shadow(el).querySelector('select')!;
      expect(select.labels?.[0]?.textContent).to.contain('Country');
      // The list is built when the student reaches for it, then works by typing, as a native select does.
      expect(select.options.length, 'before').to.be.at.most(2);
      select.focus();
      await el.updateComplete;
      expect(select.options.length, 'after focus').to.be.greaterThan(200);
      await sendKeys({ type: 'New Zealand' });
      await el.updateComplete;
      expect(el.activeCountry).to.equal('NZ');
      expect(shadow(el).querySelector('[part~="emergency"]')!.textContent).to.contain('111');
      await expect(el).to.be.accessible();
    });
  });

  describe('light-DOM fallback', () => {
    it('is visible before the element is defined, and stays after upgrade and after a failed fetch', async () => {
      const container = await fixture<HTMLDivElement>(
        html`<div>
          <late-crisis-resources country="US" api-base="http://127.0.0.1:9/api/v1" timeout="1000">
            <p id="fallback">Campus Safety, 24 hours: <a href="tel:+15555550100">555-555-0100</a></p>
          </late-crisis-resources>
        </div>`,
      );
      const fallback = container.querySelector('#fallback')!;
      expect(fallback.getBoundingClientRect().height).to.be.greaterThan(0);
      PeerCrisisResources.define('late-crisis-resources');
      const el = container.querySelector('late-crisis-resources') as Crisis;
      await el.updateComplete;
      expect(fallback.getBoundingClientRect().height).to.be.greaterThan(0);
      await settled(el);
      expect(fallback.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(shadow(el).querySelector('[part~="stale-note"]')).to.exist;
      expect(text(el)).to.contain('Call 911');
    });
  });

  describe('with the reference server', () => {
    it('merges the campus services on top of the bundled lines and hides the fallback', async () => {
      const { apiBase } = await referenceServer();
      const el = await fixture<Crisis>(
        html`<peer-crisis-resources api-base=${apiBase} country="US" region="US-MA">
          <p id="fallback">Fallback</p>
        </peer-crisis-resources>`,
      );
      expect(resourceIds(el)).to.include('us-988-lifeline'); // at once, before the network answers
      await settled(el);
      const ids = resourceIds(el);
      expect(ids).to.include('us-988-lifeline');
      expect(ids.some((id) => id?.startsWith('northfield-'))).to.equal(true);
      expect(shadow(el).querySelector<HTMLElement>('[part~="fallback"]')!.hidden).to.equal(true);
      expect(shadow(el).querySelector('[part~="stale-note"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('when the backend fails', () => {
    const failures: Array<[string, () => ReturnType<typeof answering>]> = [
      ['answers 500', () => answering({ title: 'boom' }, { status: 500, contentType: 'application/problem+json' })],
      ['sends malformed JSON', () => answering('{"items": [')],
      ['sends the wrong shape', () => answering({ items: 'nope' })],
      ['sends a huge body', () => answering({ items: [], padding: 'x'.repeat(1_200_000) })],
    ];
    for (const [what, make] of failures) {
      it(`keeps the bundled numbers and says the list may be out of date when it ${what}`, async () => {
        const { fetch } = make();
        const el = await fixture<Crisis>(
          html`<peer-crisis-resources
            api-base="https://campus.example/api/v1"
            country="US"
            .fetch=${fetch}
          ></peer-crisis-resources>`,
        );
        await settled(el);
        expect(text(el)).to.contain('Call 911');
        expect(resourceIds(el)).to.include('us-988-lifeline');
        expect(shadow(el).querySelector('[part~="stale-note"]')!.textContent).to.contain('may be out of date');
        await expect(el).to.be.accessible();
      });
    }

    it('names the wait a 429 gives before "Try again", in the plural the language needs', async () => {
      const refusing =
        (seconds: string): typeof window.fetch =>
        async () =>
          new Response(JSON.stringify({ type: 'about:blank', title: 'Too many', status: 429 }), {
            status: 429,
            headers: { 'content-type': 'application/problem+json', 'Retry-After': seconds },
          });
      for (const [seconds, lang, words] of [
        ['30', 'en', 'Please try again in 30 seconds.'],
        ['508', 'en', 'Please try again in 9 minutes.'],
        ['60', 'es', 'Vuelve a intentarlo en 1 minuto.'],
      ] as const) {
        const el = await fixture<Crisis>(
          html`<peer-crisis-resources
            src="/c.json"
            country="US"
            lang=${lang}
            .fetch=${refusing(seconds)}
          ></peer-crisis-resources>`,
        );
        await settled(el);
        const note = shadow(el).querySelector('[part~="stale-note"]')!;
        expect(note.querySelector('[part~="retry-wait"]')?.textContent, `${seconds} s in ${lang}`).to.contain(words);
        expect(text(el)).to.contain(lang === 'es' ? '911' : 'Call 911');
        await expect(el).to.be.accessible();
      }
      // A wait of 0 is over: no wait is named.
      const el = await fixture<Crisis>(
        html`<peer-crisis-resources src="/c.json" country="US" .fetch=${refusing('0')}></peer-crisis-resources>`,
      );
      await settled(el);
      expect(shadow(el).querySelector('[part~="stale-note"]')).to.exist;
      expect(shadow(el).querySelector('[part~="retry-wait"]')).to.equal(null);
    });

    it('offers to try again, and a retry that succeeds brings the campus services and clears the note', async () => {
      let calls = 0;
      const fetch: typeof window.fetch = async () =>
        ++calls === 1
          ? new Response('{"items": [', { headers: { 'content-type': 'application/json' } })
          : new Response(JSON.stringify(listOf([campusService()])), {
              headers: { 'content-type': 'application/json' },
            });
      const el = await fixture<Crisis>(
        html`<peer-crisis-resources src="/c.json" country="US" .fetch=${fetch}></peer-crisis-resources>`,
      );
      await settled(el);
      const retry = shadow(el).querySelector<HTMLButtonElement>('[part~="stale-note"] [part~="retry"]')!;
      expect(retry.textContent).to.contain('Try again');
      await expect(el).to.be.accessible();
      retry.click();
      await settled(el);
      expect(resourceIds(el)).to.include('test-campus-counselling');
      expect(shadow(el).querySelector('[part~="stale-note"]')).to.equal(null);
    });

    it('stops waiting after the time limit', async () => {
      const el = await fixture<Crisis>(
        html`<peer-crisis-resources
          api-base="https://campus.example/api/v1"
          country="US"
          timeout="1000"
          .fetch=${neverAnswers}
        ></peer-crisis-resources>`,
      );
      expect(text(el)).to.contain('Call 911');
      await settled(el);
      expect(shadow(el).querySelector('[part~="stale-note"]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('renders hostile values as inert text and drops bad records without hiding good ones', async () => {
      const hostile = campusService({
        id: 'hostile',
        name: '<img src=x onerror=alert(1)>Help',
        contactMethods: [
          {
            type: 'chat',
            value: 'javascript:alert(1)',
            hours: { timeZone: 'America/New_York', alwaysOpen: true, weekly: [] },
          },
          {
            type: 'phone',
            value: '988',
            url: 'javascript:alert(2)',
            hours: {
              timeZone: 'Not/AZone',
              alwaysOpen: false,
              weekly: [{ day: 'mon', opens: '09:00', closes: '17:00' }],
            },
          },
        ],
      });
      const broken = { id: 'broken', name: 42 };
      const { fetch } = answering(listOf([hostile, broken, campusService()]));
      const el = await fixture<Crisis>(
        html`<peer-crisis-resources src="/crisis.json" country="US" .fetch=${fetch}></peer-crisis-resources>`,
      );
      await settled(el);
      const item = shadow(el).querySelector('[data-id="hostile"]')!;
      expect(item.querySelector('img')).to.equal(null);
      expect(item.textContent).to.contain('<img src=x onerror=alert(1)>Help');
      expect(links(el).some((href) => href?.toLowerCase().startsWith('javascript'))).to.equal(false);
      // The phone method falls back to a tel: link built from its number, and its broken hours make no claim.
      expect(item.querySelector('a[href="tel:988"]')).to.exist;
      expect(item.textContent).to.contain('Check opening hours');
      expect(resourceIds(el)).to.include('test-campus-counselling');
      expect(shadow(el).querySelector('[part~="stale-note"]')).to.exist; // one record was dropped
    });
  });

  describe('static file (src)', () => {
    it('loads the file named by src, relative to the page, and merges it', async () => {
      const { fetch, urls } = answering(listOf([campusService()]));
      const el = await fixture<Crisis>(
        html`<peer-crisis-resources src="/data/crisis.json?v=2" country="US" .fetch=${fetch}></peer-crisis-resources>`,
      );
      await settled(el);
      expect(urls).to.deep.equal([`${location.origin}/data/crisis.json?v=2`]);
      expect(resourceIds(el)).to.include('test-campus-counselling');
    });
  });

  describe('open now', () => {
    // Tuesday 2026-11-24 at 15:00 UTC is 10:00 in New York: the test service (weekdays 09:00–17:00 ET) is open.
    const tuesdayMorningNY = () => new Date(Date.UTC(2026, 10, 24, 15, 0));
    // Saturday 2026-11-28 at 15:00 UTC: closed until Monday 09:00 ET.
    const saturdayNY = () => new Date(Date.UTC(2026, 10, 28, 15, 0));

    async function withClock(clock: () => Date) {
      const { fetch } = answering(listOf([campusService()]));
      const el = await fixture<Crisis>(
        html`<peer-crisis-resources
          src="/c.json"
          country="US"
          .fetch=${fetch}
          .clock=${clock}
        ></peer-crisis-resources>`,
      );
      await settled(el);
      return el;
    }

    it('says open until a time, in the viewer’s time zone', async () => {
      const el = await withClock(tuesdayMorningNY);
      const status = shadow(el).querySelector('[data-id="test-campus-counselling"] [part~="status"]')!;
      const closes = new Date(Date.UTC(2026, 10, 24, 22, 0)); // 17:00 ET
      const expected = closes.toLocaleTimeString('en', { hour: 'numeric', minute: '2-digit' });
      expect(status.textContent).to.contain(`Open now until ${expected}`);
      expect(status.getAttribute('part')).to.contain('status-open');
      expect(shadow(el).querySelector('[data-id="us-988-lifeline"]')!.textContent).to.contain('Open 24/7');
    });

    it('moves closed services down, never out, and says when they open', async () => {
      const el = await withClock(saturdayNY);
      const ids = resourceIds(el);
      expect(ids).to.include('test-campus-counselling');
      expect(ids.indexOf('test-campus-counselling')).to.be.greaterThan(ids.indexOf('us-988-lifeline'));
      const status = shadow(el).querySelector('[data-id="test-campus-counselling"] [part~="status"]')!;
      expect(status.textContent).to.match(/Closed now\. Opens Monday at/);
    });
  });

  describe('variants', () => {
    it('banner: a compact bar with the emergency call that expands in place by keyboard', async () => {
      const el = await fixture<Crisis>(
        html`<peer-crisis-resources variant="banner" country="US"></peer-crisis-resources>`,
      );
      const toggle = shadow(el).querySelector<HTMLButtonElement>('[part~="toggle"]')!;
      const panel = shadow(el).querySelector<HTMLElement>('#panel')!;
      expect(shadow(el).querySelector('[part~="banner"] [part~="emergency-call"]')!.getAttribute('href')).to.equal(
        'tel:911',
      );
      expect(panel.hidden).to.equal(true);
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      await expect(el).to.be.accessible();
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(panel.hidden).to.equal(false);
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      await expect(el).to.be.accessible();
    });
  });

  describe('quick exit', () => {
    type Leaving = Crisis & { leave(url: string): void };
    async function exitable(exitUrl: string) {
      const el = (await fixture<Crisis>(
        html`<peer-crisis-resources country="US" exit-url=${exitUrl}></peer-crisis-resources>`,
      )) as Leaving;
      const left: string[] = [];
      el.leave = (url) => left.push(url);
      return { el, left };
    }

    it('has a labelled button that leaves for the exit address, and says it does not clear history', async () => {
      const { el, left } = await exitable('https://weather.example/');
      const button = shadow(el).querySelector<HTMLButtonElement>('[part~="quick-exit"]')!;
      expect(button.textContent).to.contain('Leave this site quickly');
      expect(text(el)).to.contain('does not clear your browsing history');
      await expect(el).to.be.accessible();
      button.click();
      expect(left).to.deep.equal(['https://weather.example/']);
    });

    it('leaves when Shift is pressed three times, but not when typing capitals', async () => {
      const { left } = await exitable('https://weather.example/');
      await sendKeys({ press: 'Shift' });
      await sendKeys({ press: 'Shift+A' });
      await sendKeys({ press: 'Shift' });
      expect(left).to.deep.equal([]);
      await sendKeys({ press: 'Shift' });
      await sendKeys({ press: 'Shift' });
      await sendKeys({ press: 'Shift' });
      expect(left).to.deep.equal(['https://weather.example/']);
    });

    it('is off for an exit address that is not https', async () => {
      const { el } = await exitable('javascript:alert(1)');
      expect(shadow(el).querySelector('[part~="quick-exit"]')).to.equal(null);
    });
  });

  describe('events', () => {
    it('fires peer-crisis-contact with the method and resource, nothing personal', async () => {
      const el = await fixture<Crisis>(html`<peer-crisis-resources country="US"></peer-crisis-resources>`);
      const call = shadow(el).querySelector<HTMLAnchorElement>('[part~="emergency-call"]')!;
      setTimeout(() => call.click());
      const event = await oneEvent(el, 'peer-crisis-contact');
      expect(event.detail).to.deep.equal({ resourceId: 'emergency', method: 'phone', action: 'open' });
      expect(event.bubbles && event.composed).to.equal(true);
    });
    // Copying: see crisis-words.test.ts, which tells a real copy from a failed one.
  });

  describe('keyboard', () => {
    it('reaches every action and the country picker by Tab, in reading order', async () => {
      const el = await fixture<Crisis>(html`<peer-crisis-resources country="US"></peer-crisis-resources>`);
      const focusable = [...shadow(el).querySelectorAll<HTMLElement>('a, button, select')];
      focusable[0]!.focus();
      const visited = [shadow(el).activeElement];
      for (let i = 1; i < focusable.length; i++) {
        await sendKeys({ press: 'Tab' });
        visited.push(shadow(el).activeElement);
      }
      expect(visited).to.deep.equal(focusable);
      expect(visited.at(-1)!.tagName).to.equal('SELECT');
    });

    it('gives every control a target of at least 44 by 44 pixels', async () => {
      const el = await fixture<Crisis>(
        html`<peer-crisis-resources country="US" exit-url="https://weather.example/"></peer-crisis-resources>`,
      );
      for (const control of shadow(el).querySelectorAll<HTMLElement>('.button, select')) {
        const { width, height } = control.getBoundingClientRect();
        expect(Math.round(height), control.textContent!).to.be.at.least(44);
        expect(Math.round(width), control.textContent!).to.be.at.least(44);
      }
    });
  });

  describe('languages and direction', () => {
    it('speaks Spanish, including the emergency block and opening hours', async () => {
      const el = await fixture<Crisis>(html`<peer-crisis-resources lang="es" country="MX"></peer-crisis-resources>`);
      expect(text(el)).to.contain('¿Estás en peligro inmediato?');
      expect(text(el)).to.contain('Llamar al 911');
      await expect(el).to.be.accessible();
    });
    // Right to left: see crisis-rtl.test.ts, which checks the visual order of digit groups on screen.
  });
});
