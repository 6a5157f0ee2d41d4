// Property test for where crisis services go on screen (LinePlacement, staging, the kept fallback, InView,
// KeepHeight). Seeded sequences of events hit one panel: backend answers (random subsets of campus services from a
// small id pool, some covering the pasted fallback, duplicates, malformed records, failures and "Try again"),
// language and country switches, width changes, scrolling the list out of view and back, the element moved mid-staging, and the
// clock. After each step the panel's safety promise and its layout rules must hold. A failure names the seed and the
// steps so far: replay it with `it.only` on that seed.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../../src/elements/peer-crisis-resources/define.js';
import type { PeerCrisisResources } from '../../../src/elements/peer-crisis-resources/peer-crisis-resources.js';
import type { RequestController } from '../../../src/core/request/request-controller.js';
import { campusService, listOf, settled } from '../../helpers/crisis-fixtures.js';
import { $, $$ } from '../../helpers/shadow-dom.js';
import { seededRandom, type SeededRandom } from '../../helpers/seeded-random.js';

type Crisis = PeerCrisisResources;

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
    step(n);
  });

// The numbers the pasted fallbacks link to; answers cover them sometimes, sometimes written another way.
const SAFETY = '+15555550100';
const TEXT_US = '+15555550142';
const FALLBACKS = [
  '',
  `<p>Campus Safety: <a href="tel:${SAFETY}">555-555-0100</a></p>`,
  `<p><a href="tel:${SAFETY}">555-555-0100</a> <a href="sms:${TEXT_US}">Text us</a></p>`,
  '<p>Call campus security from any blue phone.</p>',
];
const CAMPUS_IDS = ['campus-a', 'campus-b', 'campus-c', 'campus-d', 'campus-e'];
const BUNDLED_IDS = ['us-988-lifeline', 'us-crisis-text-line'];
const NUMBERS = [SAFETY, '+1 (555) 555-0100', '+15555550141', '+15555550143', '+15555550144', '988', '+16135550100'];
const HOURS = [
  { timeZone: 'America/New_York', alwaysOpen: true, weekly: [] },
  {
    timeZone: 'America/New_York',
    alwaysOpen: false,
    weekly: ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, opens: '09:00', closes: '17:00' })),
  },
  {
    timeZone: 'America/Toronto',
    alwaysOpen: false,
    weekly: ['sat', 'sun'].map((day) => ({ day, opens: '18:00', closes: '23:00' })),
  },
];

/** One backend answer for `country`: mostly a list, sometimes a failure or a body that is not the contract's. */
function answerFor(r: SeededRandom, country: string): { status: number; body: string } {
  const kind = r.next();
  if (kind < 0.1) return { status: 404, body: JSON.stringify({ title: 'Not found', status: 404 }) };
  if (kind < 0.17) return { status: 200, body: 'not json' };
  if (kind < 0.22) return { status: 200, body: JSON.stringify({ items: 'nope' }) };
  const method = () =>
    r.chance(0.25)
      ? { type: 'sms', value: r.pick([TEXT_US, '+15555550143', '741741']), hours: r.pick(HOURS) }
      : { type: r.chance(0.1) ? 'tty' : 'phone', value: r.pick(NUMBERS), hours: r.pick(HOURS) };
  const item = () => {
    if (r.chance(0.08)) return { id: r.pick(CAMPUS_IDS), name: 42 }; // malformed: dropped, the note shows
    const bundled = r.chance(0.15);
    return campusService({
      id: bundled ? r.pick(BUNDLED_IDS) : r.pick(CAMPUS_IDS),
      name: `Line ${r.int(100)}`,
      country: r.chance(0.85) ? country : r.pick(['US', 'CA', 'GB']),
      scope: bundled ? 'national' : r.pick(['campus', 'campus', 'regional']),
      subdivisions: r.pick([[], ['US-MA'], ['US-CA']]),
      priority: r.int(1001),
      contactMethods: Array.from({ length: 1 + r.int(2) }, method),
    });
  };
  // Duplicates come from the small id pool: the same id twice in one answer, with other numbers.
  const items = Array.from({ length: r.int(6) }, item);
  return { status: 200, body: JSON.stringify(listOf(items)) };
}

/** `tel:`/`sms:` hrefs as scheme and digits: what a student can dial or text. */
function dialable(href: string | null): string | undefined {
  const match = /^(tel|sms):([^?;,]*)/i.exec(href ?? '');
  return match ? `${match[1]!.toLowerCase()}:${match[2]!.replace(/[^\d+]/g, '')}` : undefined;
}
const dialables = (links: Element[]) =>
  new Set(links.map((link) => dialable(link.getAttribute('href'))).filter((n): n is string => !!n));

const currentCountry = (el: Crisis) => el.activeCountry!;
const ids = (el: Crisis) => $$(el, '[part~="resource"]').map((li) => li.dataset.id!);

interface Memory {
  /** Per country: every number shown, every service id rendered. */
  numbers: Map<string, Set<string>>;
  ids: Map<string, Set<string>>;
}

/** The invariants, checked after every step. Returns what broke, in words. */
function broken(el: Crisis, memory: Memory): string[] {
  const problems: string[] = [];
  const country = currentCountry(el);
  const shownNumbers = dialables($$(el, 'a[href]'));
  const shownIds = ids(el);
  // A number shown before for this country is still shown; a rendered service stays rendered.
  const numbersBefore = memory.numbers.get(country) ?? new Set<string>();
  const idsBefore = memory.ids.get(country) ?? new Set<string>();
  const lostNumbers = [...numbersBefore].filter((n) => !shownNumbers.has(n));
  const lostIds = [...idsBefore].filter((id) => !shownIds.includes(id));
  if (lostNumbers.length) problems.push(`${country}: numbers no longer shown: ${lostNumbers.join(', ')}`);
  if (lostIds.length) problems.push(`${country}: services no longer rendered: ${lostIds.join(', ')}`);
  memory.numbers.set(country, new Set([...numbersBefore, ...shownNumbers]));
  memory.ids.set(country, new Set([...idsBefore, ...shownIds]));

  // Once staging is over (updateComplete waits for it), every service in force is on screen.
  const inForce = (el as unknown as { resources: Array<{ id: string }> }).resources.map((resource) => resource.id);
  const unrendered = inForce.filter((id) => !shownIds.includes(id));
  if (unrendered.length) problems.push(`services in force not rendered: ${unrendered.join(', ')}`);

  const twice = shownIds.filter((id, index) => shownIds.indexOf(id) !== index);
  if (twice.length) problems.push(`services rendered twice: ${twice.join(', ')}`);
  const loose = $$(el, '[part~="resource"]').filter((li) => !li.parentElement?.closest('[part~="list"]'));
  if (loose.length) problems.push(`${loose.length} services outside a list`);

  // The fallback hides only once every number it links to is in the rendered list, dialled the same way.
  const box = $(el, '[part~="fallback"]')!;
  const voiceOrText = [
    ...$$(el, '[part~="emergency-call"][href]'),
    ...$$(el, '[part~="list"] [part~="method"]:is([data-type="phone"], [data-type="sms"]) a[href]'),
  ];
  const listed = dialables(voiceOrText);
  const fallbackNumbers = dialables([...el.querySelectorAll('a[href], area[href]')]);
  const hiddenWhileNeeded = [...fallbackNumbers].filter((n) => !listed.has(n));
  if (box.hidden && hiddenWhileNeeded.length)
    problems.push(`fallback hidden, but the list lacks ${hiddenWhileNeeded.join(', ')}`);

  // One list, or two with the visible fallback between them.
  const lists = $$(el, '[part~="list"]').filter((list) => !list.parentElement?.closest('[part~="resource"]'));
  if (lists.length < 1 || lists.length > 2) problems.push(`${lists.length} lists`);
  if (lists.length === 2) {
    const [first, second] = lists as [HTMLElement, HTMLElement];
    const between =
      first.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING &&
      box.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING;
    if (box.hidden || !between) problems.push('two lists without the visible fallback between them');
  }
  return problems;
}

/** Waits for the panel's data and its staging, as a student's next look at it would see it. */
async function quiet(el: Crisis) {
  await settled(el);
  await el.updateComplete;
}

const remoteOf = (el: Crisis) => (el as unknown as { remote: RequestController<readonly unknown[], unknown> }).remote;

async function pickCountry(el: Crisis, code: string) {
  const select = $<HTMLSelectElement>(el, '#country')!;
  select.dispatchEvent(new FocusEvent('focus')); // builds the picker's full list, as reaching for it does
  await el.updateComplete;
  select.value = code;
  select.dispatchEvent(new Event('change'));
}

const EVENTS = ['answer', 'answer', 'retry', 'lang', 'country', 'scroll', 'move', 'clock', 'width'] as const;
type Event_ = (typeof EVENTS)[number];

/** One generated sequence on one panel; throws with the seed and the steps taken when an invariant breaks. */
async function runSequence(seed: number, steps: number) {
  const r = seededRandom(seed);
  const log: string[] = [];
  let answer = answerFor(r, 'US');
  let version = 0;
  // Every request in a step gets the answer planned for that step.
  const fetch: typeof window.fetch = async () => {
    const { status, body } = answer;
    return new Response(body, {
      status,
      headers: { 'content-type': status === 404 ? 'application/problem+json' : 'application/json' },
    });
  };
  const fallback = r.pick(FALLBACKS);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div>
      <div class="spacer" style="block-size: 300vh"></div>
      <div class="slot"></div>
      <div style="block-size: 100vh"></div>
    </div>`,
  );
  const el = document.createElement('peer-crisis-resources') as Crisis;
  el.country = 'US';
  el.region = 'US-MA';
  el.apiBase = 'https://api.example/v0';
  el.fetch = fetch;
  el.timeZone = 'America/New_York';
  let now = Date.parse('2026-11-25T15:00:00Z');
  el.clock = () => new Date(now);
  el.innerHTML = fallback; // as pasted in the CMS, before the element's first update
  const slot = wrapper.querySelector('.slot')!;
  slot.append(el);
  if (r.chance(0.5)) el.scrollIntoView(); // else the list starts out of view, below the spacer
  log.push(`fallback ${JSON.stringify(fallback)}`);
  const memory: Memory = { numbers: new Map(), ids: new Map() };
  const check = (what: string) => {
    const problems = broken(el, memory);
    if (problems.length)
      throw new Error(`seed ${seed}, after ${what}:\n  ${problems.join('\n  ')}\nsteps:\n  ${log.join('\n  ')}`);
  };
  await el.updateComplete;
  check('the first render');
  await quiet(el);
  check('the first answer');

  for (let step = 0; step < steps; step++) {
    const event: Event_ = r.pick(EVENTS);
    answer = answerFor(r, currentCountry(el));
    const settle = r.chance(0.8);
    let what: string = event;
    switch (event) {
      case 'answer':
        el.apiBase = `https://api.example/v${++version}`;
        what = `answer ${answer.status} ${answer.body.slice(0, 400)}`;
        break;
      case 'retry': {
        const retry = $<HTMLButtonElement>(el, '[part="retry"]');
        if (retry && !retry.disabled) retry.click();
        else el.apiBase = `https://api.example/v${++version}`;
        what = `${retry ? 'retry' : 'answer'} ${answer.status} ${answer.body.slice(0, 400)}`;
        break;
      }
      case 'lang': {
        const lang = el.getAttribute('lang') === 'es' ? 'en' : 'es';
        el.setAttribute('lang', lang);
        what = `lang ${lang}, answered ${answer.status} ${answer.body.slice(0, 200)}`;
        break;
      }
      case 'country': {
        const code = currentCountry(el) === 'US' ? 'CA' : 'US';
        answer = answerFor(r, code);
        await pickCountry(el, code);
        what = `country ${code}, answered ${answer.status} ${answer.body.slice(0, 200)}`;
        break;
      }
      case 'scroll': {
        const out = r.chance(0.5);
        if (out) window.scrollTo(0, 0);
        else el.scrollIntoView();
        await frames();
        what = out ? 'scroll the list out of view' : 'scroll the panel into view';
        break;
      }
      case 'move': {
        // A new answer, and the element taken off the page and put back while its services are being staged.
        el.apiBase = `https://api.example/v${++version}`;
        await remoteOf(el).settled();
        for (let i = r.int(3); i > 0; i--) await tick();
        el.remove();
        if (r.chance(0.5)) await tick();
        slot.append(el);
        what = `move mid-staging, answered ${answer.status} ${answer.body.slice(0, 400)}`;
        break;
      }
      case 'width': {
        // A rotated phone or a resized window: the services area's held height starts over at the new width.
        const width = r.pick(['', '360px', '600px']);
        (slot as HTMLElement).style.inlineSize = width;
        await frames();
        what = `width ${width || 'full'}`;
        break;
      }
      case 'clock':
        now += r.int(7 * 24) * 3_600_000;
        el.clock = () => new Date(now);
        what = `clock ${new Date(now).toISOString()}`;
        break;
    }
    log.push(`${step}: ${what}${settle ? '' : ' (not awaited)'}`);
    if (settle) await quiet(el);
    else await el.updateComplete;
    check(`step ${step} (${event})`);
  }
  await quiet(el);
  check('the end');
  return el;
}

describe('<peer-crisis-resources> placement property: generated sequences keep crisis help in place', () => {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(String(event.message));
  const consoleError = console.error;
  beforeEach(() => {
    errors.length = 0;
    window.addEventListener('error', onError);
    console.error = (...args: unknown[]) => {
      errors.push(args.map(String).join(' '));
      consoleError(...args);
    };
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    console.error = consoleError;
    fixtureCleanup();
    window.scrollTo(0, 0);
  });

  const SEQUENCES = 40;
  const STEPS = 14;
  for (let seed = 1; seed <= SEQUENCES; seed++) {
    it(`holds for sequence seed ${seed}`, async () => {
      const el = await runSequence(seed * 7919, STEPS);
      await frames();
      expect(errors, `seed ${seed * 7919}: console errors or error events`).to.deep.equal([]);
      if (seed % 10 === 0) await expect(el).to.be.accessible();
    });
  }
});
