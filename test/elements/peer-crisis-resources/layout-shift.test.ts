// Issue 7 §3.2: better data arriving must not move the page. The panel is on screen with its bundled lines (and the
// pasted fallback) before the backend answers. When campus services arrive, no line the student may be reading or
// about to tap moves; what follows the lines moves only if the services need more room than the page set aside
// (`--peer-campus-room`, or the fallback's own height), and never up.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../../src/elements/peer-crisis-resources/define.js';
import '../../../src/elements/peer-help-link/define.js';
import type { PeerHelpLink } from '../../../src/elements/peer-help-link/peer-help-link.js';
import type { PeerCrisisResources } from '../../../src/elements/peer-crisis-resources/peer-crisis-resources.js';
import { campusService, listOf, settled } from '../../helpers/crisis-fixtures.js';

type LayoutShift = PerformanceEntry & { value: number; sources?: Array<{ previousRect: DOMRectReadOnly }> };

/** Every layout shift from now on (no real input is given, so none is excused as following input). */
function shifts() {
  const entries: Array<{ value: number; from: number[] }> = [];
  const observer = new PerformanceObserver((list) =>
    entries.push(
      ...(list.getEntries() as LayoutShift[]).map((entry) => ({
        value: entry.value,
        from: (entry.sources ?? []).map((source) => Math.round(source.previousRect.top)),
      })),
    ),
  );
  observer.observe({ type: 'layout-shift', buffered: false });
  return {
    total: () => entries.reduce((sum, entry) => sum + entry.value, 0),
    entries,
    stop: () => observer.disconnect(),
  };
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A backend that answers after `ms` with the given campus services, or with the given status. */
function slowBackend(ms: number, items: unknown[], status = 200): typeof fetch {
  return async () => {
    await sleep(ms);
    return new Response(JSON.stringify(status === 200 ? listOf(items) : { title: 'down' }), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
}

const campus = (n: number, hours: Record<string, unknown> = { alwaysOpen: true, weekly: [] }) =>
  campusService({
    id: `test-campus-${n}`,
    name: `Campus line ${n}`,
    contactMethods: [{ type: 'phone', value: `+1555555014${n}`, hours: { timeZone: 'America/New_York', ...hours } }],
  });
const threeCampusLines = [campus(0), campus(1), campus(2)];
const fallbackFor = (numbers: number[]) =>
  numbers.map((n) => `<p>Campus line ${n}: <a href="tel:+1555555014${n}">555-555-014${n}</a></p>`).join('');

const shadow = (el: Element) => el.shadowRoot!;
/** The height the services area's visible children span: what it would be without a height held. */
function naturalHeight(services: Element): number {
  const children = [...services.children].filter((child) => child.getBoundingClientRect().height > 0);
  if (children.length === 0) return 0;
  return children.at(-1)!.getBoundingClientRect().bottom - children[0]!.getBoundingClientRect().top;
}
const holdsNoBlank = (services: Element) =>
  Math.abs(services.getBoundingClientRect().height - naturalHeight(services)) < 1;
const part = (el: Element, name: string) => shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`)!;
const top = (node: Element) => node.getBoundingClientRect().top + window.scrollY;
const lineIds = (el: Element) =>
  [...shadow(el).querySelectorAll<HTMLElement>('[part~="resource"]')].map((li) => li.dataset.id!);

interface Setup {
  fallback: string;
  fetch: typeof fetch;
  /** The room set aside for campus services, as the page would set it. */
  room?: string;
  /** Where the student is reading when the data arrives. */
  scrollTo: 'top' | 'fallback';
}

/** A page with the panel and content after it, scrolled as given, watched from first paint until the data is in. */
async function arrive({ fallback, fetch, room, scrollTo }: Setup) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div>
      <peer-crisis-resources
        country="US"
        region="US-MA"
        src="/crisis.json"
        style=${room ? `--peer-campus-room: ${room}` : ''}
        .fetch=${fetch}
      ></peer-crisis-resources>
      <p id="below" style="block-size: 150vh">The page goes on below the panel.</p>
    </div>`,
  );
  const el = wrapper.querySelector<PeerCrisisResources>('peer-crisis-resources')!;
  // As pasted in the CMS, before the element's first update.
  el.innerHTML = fallback;
  await el.updateComplete;
  if (scrollTo === 'fallback') part(el, 'fallback').scrollIntoView({ block: 'center' });
  else window.scrollTo(0, 0);
  await frame();
  const below = wrapper.querySelector('#below')!;
  const before = {
    emergency: top(part(el, 'emergency-call')),
    lines: Object.fromEntries(
      [...shadow(el).querySelectorAll('[part~="resource"]')].map((li) => [(li as HTMLElement).dataset.id, top(li)]),
    ),
    below: top(below),
    fallback: top(part(el, 'fallback')),
    ids: lineIds(el),
  };
  const measure = shifts();
  await settled(el);
  await frame();
  await sleep(50);
  measure.stop();
  return { el, below, before, measure };
}

afterEach(async () => {
  fixtureCleanup();
  window.scrollTo(0, 0);
  await setViewport({ width: 800, height: 600 });
});
before(() => document.addEventListener('click', (event) => event.preventDefault(), true));

describe('<peer-crisis-resources> layout when data arrives (issue 7 §3.2)', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    describe(name, () => {
      beforeEach(() => setViewport(viewport));

      it('keeps every line on screen in its place: campus services join after them', async () => {
        const { el, before, measure } = await arrive({
          fallback: fallbackFor([0]),
          fetch: slowBackend(300, threeCampusLines),
          scrollTo: 'top',
        });
        const ids = lineIds(el);
        expect(
          ids.filter((id) => id.startsWith('test-campus-')),
          'the campus services arrived',
        ).to.have.length(3);
        expect(ids.slice(0, before.ids.length), 'the lines shown first keep their order').to.deep.equal(before.ids);
        expect(top(part(el, 'emergency-call')), 'the emergency link').to.equal(before.emergency);
        for (const [id, lineTop] of Object.entries(before.lines)) {
          expect(top(shadow(el).querySelector(`[data-id="${id}"]`)!), id).to.equal(lineTop);
        }
        expect(measure.total(), JSON.stringify(measure.entries)).to.equal(0);
      });

      it('moves nothing below the lines when the page set aside room for the campus services', async () => {
        const { el, below, before, measure } = await arrive({
          fallback: fallbackFor([0]),
          fetch: slowBackend(300, threeCampusLines),
          room: '60rem',
          scrollTo: 'fallback',
        });
        expect(part(el, 'fallback').hidden, 'the campus services cover the fallback').to.equal(true);
        expect(top(below), 'the page below the panel').to.equal(before.below);
        expect(measure.total(), JSON.stringify(measure.entries)).to.equal(0);
      });

      it('moves nothing up when campus services take less room than the fallback', async () => {
        const { el, below, before, measure } = await arrive({
          fallback: `${fallbackFor([0, 1])}<p style="block-size: 70rem">How to reach us out of hours…</p>`,
          fetch: slowBackend(300, [campus(0), campus(1)]),
          scrollTo: 'fallback',
        });
        expect(part(el, 'fallback').hidden, 'the campus services cover the fallback').to.equal(true);
        expect(top(below), 'the page below the panel').to.equal(before.below);
        expect(measure.total(), JSON.stringify(measure.entries)).to.equal(0);
      });

      it('adds services after a fallback that stays (numbers written another way), not above it', async () => {
        // The fallback writes the number nationally (tel:555-555-0140): no service covers it exactly, so it stays.
        const { el, below, before, measure } = await arrive({
          fallback: '<p id="kept">Campus line 0: <a href="tel:555-555-0140">555-555-0140</a></p>',
          fetch: slowBackend(300, threeCampusLines),
          room: '60rem',
          scrollTo: 'fallback',
        });
        expect(part(el, 'fallback').hidden, 'the fallback stays').to.equal(false);
        expect(top(part(el, 'fallback')), 'the fallback stays where it was').to.equal(before.fallback);
        expect(measure.total(), JSON.stringify(measure.entries)).to.equal(0);
        const lists = [...shadow(el).querySelectorAll('[part~="list"]')];
        expect(lists, 'the lines shown first, then the fallback, then those that arrived').to.have.length(2);
        expect(
          lists[1]!.compareDocumentPosition(part(el, 'fallback')) & Node.DOCUMENT_POSITION_PRECEDING,
          'the fallback comes before the services that arrived',
        ).to.not.equal(0);
        expect(
          [...lists[1]!.querySelectorAll<HTMLElement>('[part~="resource"]')].map((li) => li.dataset.id),
        ).to.have.members(['test-campus-0', 'test-campus-1', 'test-campus-2']);
        // Named, so that a screen reader's "list, 3 items" after the fallback says what it is; the first list has the
        // heading above it.
        expect(lists[0]!.getAttribute('aria-label')).to.equal(null);
        expect(lists[1]!.getAttribute('aria-label')).to.equal('More ways to talk to someone');
        await expect(el).to.be.accessible();
        expect(top(below), 'the page below the panel').to.equal(before.below);
        el.setAttribute('lang', 'es');
        await el.updateComplete;
        expect(lists[1]!.getAttribute('aria-label')).to.equal('Más formas de hablar con alguien');
        await expect(el).to.be.accessible();
      });

      it('sets aside the room with no fallback pasted, and gives the space to the services', async () => {
        const { el, below, before, measure } = await arrive({
          fallback: '',
          fetch: slowBackend(300, threeCampusLines),
          room: '60rem',
          scrollTo: 'top',
        });
        expect(
          lineIds(el).filter((id) => id.startsWith('test-campus-')),
          'the campus services',
        ).to.have.length(3);
        expect(part(el, 'fallback').hidden, 'no empty fallback box').to.equal(true);
        expect(top(below), 'the page below the panel').to.equal(before.below);
        expect(measure.total(), JSON.stringify(measure.entries)).to.equal(0);
      });

      it('moves nothing when the backend fails and the "may be out of date" note takes the room', async () => {
        const { el, below, before, measure } = await arrive({
          fallback: fallbackFor([0]),
          fetch: slowBackend(300, [], 503),
          room: '20rem',
          scrollTo: 'fallback',
        });
        expect(part(el, 'stale-note'), 'the note is shown').to.exist;
        expect(part(el, 'fallback').hidden, 'the fallback stays').to.equal(false);
        expect(top(below), 'the page below the panel').to.equal(before.below);
        expect(measure.total(), JSON.stringify(measure.entries)).to.equal(0);
      });
    });
  }

  it('sets aside no room when no campus data is coming', async () => {
    const el = await fixture<PeerCrisisResources>(
      html`<peer-crisis-resources country="US" style="--peer-campus-room: 40rem"
        ><p>Campus: <a href="tel:+15555550140">555-555-0140</a></p></peer-crisis-resources
      >`,
    );
    await settled(el);
    await frame();
    expect(part(el, 'fallback').getBoundingClientRect().height).to.be.below(200);
  });

  it('gives the room back when the width changes or the student picks another country', async () => {
    await setViewport({ width: 1280, height: 800 });
    const { el } = await arrive({
      fallback: fallbackFor([0]),
      fetch: slowBackend(50, [campus(0)]),
      room: '60rem',
      scrollTo: 'top',
    });
    const services = part(el, 'services');
    const natural = () => {
      const children = [...services.children].filter((child) => child.getBoundingClientRect().height > 0);
      const first = children[0]!.getBoundingClientRect();
      const last = children.at(-1)!.getBoundingClientRect();
      return last.bottom - first.top;
    };
    expect(services.getBoundingClientRect().height, 'held while nothing changed').to.be.above(natural() + 300);

    await setViewport({ width: 1000, height: 800 });
    // The new width is seen after a layout and let go before the next one: a frame or two.
    await waitUntil(() => Math.abs(services.getBoundingClientRect().height - natural()) < 1, 'after a new width');

    const select = shadow(el).querySelector<HTMLSelectElement>('#country')!;
    select.dispatchEvent(new Event('focus'));
    await el.updateComplete;
    // Hold a taller height first, then change country: the new list takes its own height.
    services.style.minBlockSize = '3000px';
    select.value = 'GB';
    select.dispatchEvent(new Event('change'));
    await settled(el);
    expect(lineIds(el), 'the British lines').to.include('gb-samaritans');
    await waitUntil(() => Math.abs(services.getBoundingClientRect().height - natural()) < 1, 'after another country');
  });

  describe('the review’s cases', () => {
    beforeEach(() => setViewport({ width: 390, height: 844 }));

    it('takes its height afresh when moved to a wider place on the page', async () => {
      const narrow = await fixture<HTMLDivElement>(html`<div style="inline-size: 320px"></div>`);
      const wide = await fixture<HTMLDivElement>(html`<div style="inline-size: 380px"></div>`);
      const el = document.createElement('peer-crisis-resources') as PeerCrisisResources;
      el.setAttribute('country', 'US');
      el.setAttribute('src', '/crisis.json');
      el.fetch = slowBackend(0, threeCampusLines);
      narrow.append(el);
      await settled(el);
      await frame();
      wide.append(el);
      await frame();
      await waitUntil(() => holdsNoBlank(part(el, 'services')), 'no blank kept from the narrow place');
      // And the floor holds again in its new place.
      await waitUntil(() => part(el, 'services').style.minBlockSize !== '', 'held again');
    });

    it('does not grow by itself when the page gives the services part padding in a content box', async () => {
      const style = document.createElement('style');
      style.textContent = '.padded::part(services) { box-sizing: content-box; padding-block: 8px; }';
      document.head.append(style);
      const errors: string[] = [];
      const onError = (event: ErrorEvent) => errors.push(event.message);
      window.addEventListener('error', onError);
      try {
        const el = await fixture<PeerCrisisResources>(
          html`<peer-crisis-resources
            class="padded"
            country="US"
            src="/crisis.json"
            .fetch=${slowBackend(0, [campus(0)])}
            >${''}</peer-crisis-resources
          >`,
        );
        await settled(el);
        await frame();
        const height = part(el, 'services').getBoundingClientRect().height;
        for (let i = 0; i < 5; i++) await frame();
        expect(part(el, 'services').getBoundingClientRect().height).to.equal(height);
        expect(errors, 'no ResizeObserver loop').to.deep.equal([]);
      } finally {
        window.removeEventListener('error', onError);
        style.remove();
      }
    });

    it('keeps a fallback once services went after it, so they do not move up when a later answer covers it', async () => {
      const malformed = { ...campus(0), contactMethods: 'not a list' };
      let answers = 0;
      const fetch: typeof window.fetch = async () => {
        answers += 1;
        await sleep(300);
        const items = answers === 1 ? [malformed, campus(2)] : [campus(0), campus(2)];
        return new Response(JSON.stringify(listOf(items)), { headers: { 'content-type': 'application/json' } });
      };
      const { el } = await arrive({ fallback: fallbackFor([0]), fetch, scrollTo: 'top' });
      const placedAfter = shadow(el).querySelector('[data-id="test-campus-2"]')!;
      placedAfter.scrollIntoView({ block: 'center' });
      await frame();
      const before = top(placedAfter);
      part(el, 'retry').click();
      await settled(el);
      await frame();
      expect(answers).to.equal(2);
      expect(lineIds(el), 'the service that covers the fallback arrived').to.include('test-campus-0');
      expect(part(el, 'fallback').hidden, 'the fallback stays').to.equal(false);
      // It did not move; what follows the list may, by as much as the new line is taller than the note it replaced.
      expect(top(shadow(el).querySelector('[data-id="test-campus-2"]')!)).to.equal(before);
    });

    it('takes its height afresh in another language', async () => {
      const el = await fixture<PeerCrisisResources>(
        html`<peer-crisis-resources lang="es" country="US" src="/crisis.json" .fetch=${slowBackend(0, threeCampusLines)}
          ><p>Campus: <a href="tel:+15555550140">555-555-0140</a></p></peer-crisis-resources
        >`,
      );
      await settled(el);
      await frame();
      el.setAttribute('lang', 'en');
      await settled(el);
      await waitUntil(() => holdsNoBlank(part(el, 'services')), 'no blank kept from the Spanish text');
    });

    it('keeps no gap for an empty waiting box (no fallback, no room)', async () => {
      // The campus has nothing to add: whatever the waiting box took would be left blank.
      const el = await fixture<PeerCrisisResources>(
        html`<peer-crisis-resources country="US" src="/crisis.json" .fetch=${slowBackend(100, [])}
          >${''}</peer-crisis-resources
        >`,
      );
      await settled(el);
      await frame();
      await frame();
      expect(holdsNoBlank(part(el, 'services')), 'no blank below the lines').to.equal(true);
    });

    it('puts a campus line in its sorted place when the list is out of view as it arrives', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <p style="block-size: 300vh">Page text above the panel.</p>
          <peer-crisis-resources
            country="US"
            src="/crisis.json"
            .fetch=${slowBackend(300, [campus(0, { alwaysOpen: true, weekly: [] })])}
          ></peer-crisis-resources>
        </div>`,
      );
      window.scrollTo(0, 0);
      const el = wrapper.querySelector<PeerCrisisResources>('peer-crisis-resources')!;
      await settled(el);
      // A campus line open now, with the campus's priority (500) over the national lines' (50–100), leads.
      expect(lineIds(el)[0]).to.equal('test-campus-0');
    });

    for (const room of ['60rem', undefined]) {
      it(`keeps the help dialog in place on a tall screen when campus services arrive (room ${room ?? 'not set'})`, async () => {
        await setViewport({ width: 1280, height: 2400 });
        // The room, set on the outer widget, reaches the panel in its shadow root (custom properties inherit).
        const link = await fixture<PeerHelpLink>(
          html`<peer-help-link
            country="US"
            api-base="/api/v1"
            style=${room ? `--peer-campus-room: ${room}` : ''}
            .fetch=${slowBackend(300, threeCampusLines)}
          ></peer-help-link>`,
        );
        await link.show();
        const panel = link.shadowRoot!.querySelector<PeerCrisisResources>('peer-crisis-resources')!;
        await panel.updateComplete;
        await frame();
        const emergency = part(panel, 'emergency-call');
        const before = emergency.getBoundingClientRect().top;
        const measure = shifts();
        await settled(panel);
        await frame();
        measure.stop();
        const after = emergency.getBoundingClientRect().top;
        link.hide();
        expect(lineIds(panel).filter((id) => id.startsWith('test-campus-'))).to.have.length(3);
        // The dialog grows downwards: its top, and the emergency link, stay where they are.
        expect(after, 'the emergency link').to.equal(before);
        // With room for the services, nothing in it moves at all.
        if (room) expect(measure.total(), JSON.stringify(measure.entries)).to.equal(0);
      });
    }
  });

  it('changes a line’s words, not its place, when it closes', async () => {
    // Opens 09:00–17:00 New York time on weekdays; the clock goes from open (16:59) to closed (17:01) on a Monday.
    const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, opens: '09:00', closes: '17:00' }));
    let now = new Date('2026-11-30T21:59:00Z');
    const el = await fixture<PeerCrisisResources>(
      html`<peer-crisis-resources
        country="US"
        src="/crisis.json"
        .clock=${() => now}
        .fetch=${slowBackend(0, [campus(0, { alwaysOpen: false, weekly: weekdays }), campus(1)])}
      ></peer-crisis-resources>`,
    );
    await settled(el);
    const order = lineIds(el);
    const status = () => shadow(el).querySelector('[data-id="test-campus-0"] [part~="status"]')!.textContent;
    const openWords = status();
    now = new Date('2026-11-30T22:01:00Z');
    el.requestUpdate();
    await el.updateComplete;
    expect(status(), 'the status says it closed').to.not.equal(openWords);
    expect(lineIds(el)).to.deep.equal(order);
  });
});
