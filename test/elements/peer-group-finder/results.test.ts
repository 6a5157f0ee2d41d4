import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import {
  $,
  $$,
  API,
  announced,
  groupPage,
  groupSummary,
  groupsFetch,
  json,
  mount,
  mountWith,
  problem,
  sleep,
  text,
  until,
  ZONE,
  type Finder,
} from './helpers.js';

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

describe('<peer-group-finder> results', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('shows each group in words: schedule and next session in the student’s zone naming the day, place, access, language, leader, spots', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    const net = groupsFetch({
      list: () =>
        json(
          groupPage([
            groupSummary('thu', { languages: ['en', 'es'], accessibility: ['step-free', 'captions', 'quiet-room'] }),
            groupSummary('hidden', {
              locationHidden: true,
              areaHint: 'Main campus',
              // A backend that leaks the room of a sensitive group in the list is not believed.
              location: { venue: { name: 'Secret Room 9' } },
              registrationStatus: 'waitlist',
              spotsLeft: 0,
            }),
            groupSummary('online', {
              format: 'online',
              location: { online: { platform: 'Zoom' } },
              dropIn: true,
              facilitator: { type: 'lived-experience' },
              nextOccurrences: [
                {
                  startsAt: tomorrow.toISOString(),
                  endsAt: new Date(+tomorrow + 3_600_000).toISOString(),
                },
              ],
            }),
            groupSummary('one-left', { spotsLeft: 1, registrationStatus: 'open', facilitator: { type: 'clinician' } }),
            groupSummary('closed', { registrationStatus: 'closed' }),
          ]),
        ),
    });
    const el = await mount(
      html`<peer-group-finder api-base=${API} time-zone="Asia/Tokyo" .fetch=${net.fetch}></peer-group-finder>`,
    );
    await until(() => $$(el, '[part="card"]').length === 5);
    const [thu, hidden, online, oneLeft, closed] = $$(el, '[part="card"]');
    // 18:00 on Thursday in New York is Friday morning in Tokyo.
    expect(text(thu!.querySelector('[part="card-schedule"]'))).to.match(/^Every Friday, [78]:00 – [89]:30 AM$/);
    const next = groupSummary('x').nextOccurrences[0]!;
    const day = new Intl.DateTimeFormat('en', { weekday: 'short', timeZone: 'Asia/Tokyo' }).format(
      new Date(next.startsAt),
    );
    expect(day).to.equal('Fri');
    expect(text(thu!.querySelector('[part="card-next"]'))).to.match(
      /^Next session: (tomorrow|today|Fri, [A-Z][a-z]{2} \d+) at [78]:00 AM$/,
    );
    expect(text(thu!.querySelector('[part="card-location"]'))).to.equal('Wellbeing Centre, Room 2.14');
    expect(text(thu!.querySelector('[part="card-languages"]'))).to.equal('In English and Spanish');
    expect($$(el, '[part="card-accessibility-item"]').slice(0, 3).map(text)).to.deep.equal([
      'Step-free access',
      'Captions',
      'Quiet room',
    ]);
    expect(text(thu!.querySelector('[part="card-facilitator"]'))).to.equal('Led by trained peers');
    expect(text(thu!.querySelector('[part="card-availability"]'))).to.equal('5 spots left');
    expect(text(thu!.querySelector('[part="card-topics"]'))).to.equal('stress');

    expect(text(hidden!.querySelector('[part="card-location"]'))).to.equal(
      'Location given when you join (Main campus)',
    );
    expect(el.shadowRoot!.textContent!.includes('Secret Room 9'), `no 'Secret Room 9' on screen`).to.equal(false);
    expect(text(hidden!.querySelector('[part="card-availability"]'))).to.equal('Full: you can join the waitlist');

    expect(text(online!.querySelector('[part="card-location"]'))).to.equal('Online (Zoom)');
    expect(text(online!.querySelector('[part="card-next"]'))).to.match(/^Next session: tomorrow at /);
    expect(text(online!.querySelector('[part="card-availability"]'))).to.equal('Drop-in: just come along');
    expect(text(online!.querySelector('[part="card-facilitator"]'))).to.equal('Led by people with lived experience');
    expect(text(oneLeft!.querySelector('[part="card-availability"]'))).to.equal('1 spot left');
    expect(text(closed!.querySelector('[part="card-availability"]'))).to.equal('Not taking new members right now');
    await expect(el).to.be.accessible();
  });

  it('says when the next session is cancelled, and still names the next one that happens', async () => {
    const [first, second] = groupSummary('x').nextOccurrences;
    const net = groupsFetch({
      list: () => json(groupPage([groupSummary('c', { nextOccurrences: [{ ...first, cancelled: true }, second] })])),
    });
    const el = await mountWith(net);
    expect(text($(el, '[part="card-cancelled"]'))).to.match(/^No session on Thu, [A-Z][a-z]{2} \d+$/);
    expect(text($(el, '[part="card-next"]'))).to.match(/^Next session: Thu, [A-Z][a-z]{2} \d+ at 6:00 PM$/);
  });

  it('"Show more" asks for the next page with the same filters, moves focus to the first new group, skips repeats', async () => {
    const net = groupsFetch({
      list: (url) => {
        const cursor = url.searchParams.get('cursor');
        if (!cursor)
          return json(
            groupPage(
              ids('a', 20).map((id) => groupSummary(id)),
              'page-2',
            ),
          );
        if (cursor === 'page-2') {
          return json(
            groupPage(
              ['a-19', ...ids('b', 19)].map((id) => groupSummary(id)),
              'page-3',
            ),
          );
        }
        return json(
          groupPage(
            ids('c', 5).map((id) => groupSummary(id)),
            null,
          ),
        );
      },
    });
    const el = await mountWith(net, html``);
    el.setAttribute('topic', 'grief');
    await until(() => net.lists().length === 2);
    await until(() => net.lists().length === 2 && $$(el, '[part="card"]').length === 20);
    const more = $<HTMLButtonElement>(el, '[part="more"]')!;
    more.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $$(el, '[part="card"]').length === 39, 3000, 'the second page');
    const second = net.lists()[2]!.url.searchParams;
    expect(second.get('cursor')).to.equal('page-2');
    expect(second.getAll('topic')).to.deep.equal(['grief']);
    expect(el.shadowRoot!.activeElement?.id).to.equal('name-b-0');
    expect($$(el, '[id="name-a-19"]').length, 'a repeated group is shown once').to.equal(1);
    expect(await announced(el)).to.equal('19 more shown. 39 groups in the list.');
    $<HTMLButtonElement>(el, '[part="more"]')!.click();
    await until(() => $$(el, '[part="card"]').length === 44, 3000, 'the last page');
    expect(el.shadowRoot!.activeElement?.id).to.equal('name-c-0');
    expect($(el, '[part="more"]') === null, 'no more pages').to.equal(true);
    expect(text($(el, '[part="status"]'))).to.equal('44 groups found.');
  });

  it('keeps focus on "Show more" when the next page fails, and tries again from there', async () => {
    let fail = true;
    const net = groupsFetch({
      list: (url) =>
        url.searchParams.get('cursor')
          ? fail
            ? problem(400)
            : json(groupPage([groupSummary('late')]))
          : json(groupPage([groupSummary('first')], 'next')),
    });
    const el = await mountWith(net);
    const more = $<HTMLButtonElement>(el, '[part="more"]')!;
    more.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '[part="more-status"]')?.textContent?.includes('could not') === true);
    expect(el.shadowRoot!.activeElement === more).to.equal(true);
    expect(await announced(el)).to.contain('We could not load more groups.');
    fail = false;
    await sendKeys({ press: 'Enter' });
    await until(() => $$(el, '[part="card"]').length === 2);
    expect(el.shadowRoot!.activeElement?.id).to.equal('name-late');
  });

  it('when nothing matches: says so, offers fewer filters, and suggests talking with a peer (a link with peer-href)', async () => {
    const net = groupsFetch({ list: () => json(groupPage([])) });
    const el = await mount(
      html`<peer-group-finder
        api-base=${API}
        .fetch=${net.fetch}
        topic="grief"
        peer-href="https://campus.example/peer-support"
      ></peer-group-finder>`,
    );
    await until(() => $(el, '[part="empty"]') !== null);
    const empty = $(el, '[part="empty"]')!;
    expect(text(empty)).to.contain('No groups match');
    expect(text(empty)).to.contain('Try fewer filters');
    expect(text(empty)).to.contain("You don't have to be in crisis to reach out.");
    expect($<HTMLAnchorElement>(el, '[part="peer-link"]')!.href).to.equal('https://campus.example/peer-support');
    expect(text($(el, '[part="status"]'))).to.equal('0 groups found.');
    await expect(el).to.be.accessible();

    const unsafe = await mount(
      html`<peer-group-finder api-base=${API} .fetch=${net.fetch} peer-href="javascript:alert(1)"></peer-group-finder>`,
    );
    await until(() => $(unsafe, '[part="empty"]') !== null);
    expect($(unsafe, '[part="peer-link"]') === null, 'an unsafe link is dropped').to.equal(true);
    expect(text($(unsafe, '[part="empty"]'))).to.contain('no groups listed right now');
  });

  it('shows a plain error with "Try again", which searches again', async () => {
    let fail = true;
    const net = groupsFetch({ list: () => (fail ? problem(400) : json(groupPage([groupSummary('a')]))) });
    const el = await mountWith(net);
    expect(text($(el, '[part="problem"]'))).to.contain('We could not load the groups.');
    expect(text($(el, '[part="problem"]'))).not.to.match(/400|Problem/);
    await expect(el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await until(() => $$(el, '[part="card"]').length === 1);
    expect($(el, '[part="problem"]') === null).to.equal(true);
  });

  it('says plainly when no backend is set, and sends nothing', async () => {
    const el = await mount(html`<peer-group-finder></peer-group-finder>`);
    expect(text($(el, '[part="problem"]'))).to.equal('The group finder is not set up on this page yet.');
    await expect(el).to.be.accessible();
  });

  describe('loading', () => {
    /**
     * Sums every layout shift from now on. The test gives no real input (only synthetic clicks), so none is excused
     * by "recent input" (Chromium may still flag entries so after real key presses in earlier tests).
     */
    function shifts() {
      const entries: Array<{ value: number; hadRecentInput: boolean }> = [];
      const observer = new PerformanceObserver((list) => entries.push(...(list.getEntries() as never[])));
      observer.observe({ type: 'layout-shift', buffered: false });
      return {
        total: () => entries.reduce((sum, entry) => sum + entry.value, 0),
        stop: () => observer.disconnect(),
      };
    }

    it('reserves the space of the results while loading: no layout shift from placeholders to results, or on a new search', async () => {
      await setViewport({ width: 800, height: 900 });
      let delay = 400;
      const net = groupsFetch({
        list: async (url) => {
          await sleep(delay);
          const count = url.searchParams.getAll('day').length ? 3 : 20;
          return json(groupPage(ids(`g${count}`, count).map((id) => groupSummary(id))));
        },
      });
      const measure = shifts();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <peer-group-finder api-base=${API} time-zone=${ZONE} .fetch=${net.fetch}></peer-group-finder>
          <p id="below">The page goes on below the finder.</p>
        </div>`,
      );
      const el = wrapper.querySelector<Finder>('peer-group-finder')!;
      await el.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const placeholders = $$(el, '[part="placeholder"]');
      expect(placeholders.length).to.equal(3);
      const placeholderTop = placeholders[0]!.getBoundingClientRect().top;
      const belowTop = wrapper.querySelector('#below')!.getBoundingClientRect().top;
      await until(() => $$(el, '[part="card"]').length === 20, 3000, 'the results');
      await sleep(300);
      expect($(el, '[part="card"]')!.getBoundingClientRect().top, 'results start where the placeholders were').to.equal(
        placeholderTop,
      );
      expect(belowTop, 'what follows the finder started below the screen').to.be.greaterThan(900);
      // A new search well after the click (past the 500 ms that excuse shifts after input) keeps the old list in
      // place, marked busy, until the new one replaces it.
      delay = 900;
      $<HTMLInputElement>(el, 'input[name="day"][value="mon"]')!.click();
      await until(() => $(el, '[part="results"]')?.getAttribute('aria-busy') === 'true');
      expect(text($(el, '[part="status"]'))).to.equal('Updating the list…');
      expect($$(el, '[part="card"]').length, 'the old list stays while loading').to.equal(20);
      await until(() => $$(el, '[part="card"]').length === 3, 3000, 'the new results');
      await sleep(300); // entries reach the observer in a later task
      measure.stop();
      expect(measure.total(), 'cumulative layout shift').to.equal(0);
    });
  });
});
