import { expect, html } from '@open-wc/testing';
import {
  $,
  $$,
  API,
  groupPage,
  groupSummary,
  groupsFetch,
  json,
  mount,
  sleep,
  text,
  type,
  until,
  ZONE,
  type Finder,
} from './helpers.js';

/** A backend whose groups are named after the topics asked for, so the results show which filters ran. */
function namedByFilters() {
  return groupsFetch({
    list: (url) => {
      const label = [...url.searchParams.getAll('topic'), url.searchParams.get('q') ?? ''].filter(Boolean).join('+');
      const cursor = url.searchParams.get('cursor');
      return json(
        groupPage(
          [
            groupSummary(cursor ? 'more' : (label || 'all').replace(/\W/g, '_'), {
              name: cursor ? 'More' : `For ${label || 'all'}`,
            }),
          ],
          cursor ? null : 'next',
        ),
      );
    },
  });
}

const ourParams = () => {
  const params = new URLSearchParams(location.search);
  params.delete('wtr-session-id');
  return params.toString();
};

async function mountSynced(net: { fetch: typeof fetch }, attributes: Record<string, string> = {}) {
  const el = await mount(
    html`<peer-group-finder
      api-base=${API}
      time-zone=${ZONE}
      sync-url
      topic=${attributes.topic ?? ''}
      .fetch=${net.fetch}
    ></peer-group-finder>`,
  );
  await until(() => $$(el, '[part="card"]').length > 0);
  return el;
}

const names = (el: Finder) => $$(el, '[part="card-name"]').map(text);

/** history.back/forward and the popstate that follows. */
async function go(step: 'back' | 'forward') {
  const moved = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
  history[step]();
  await moved;
}

describe('<peer-group-finder sync-url>', () => {
  let original: string;
  beforeEach(() => {
    original = location.href;
  });
  afterEach(() => {
    history.replaceState(history.state, '', original);
  });

  it('reads the page’s query on load (the check-in’s "find a group" link), over the attributes', async () => {
    const url = new URL(location.href);
    url.searchParams.append('topic', 'stress');
    url.searchParams.append('topic', 'sleep');
    url.searchParams.append('keep', 'me');
    history.replaceState(history.state, '', url);
    const net = namedByFilters();
    const el = await mountSynced(net, { topic: 'grief' });
    expect(net.lists()[0]!.url.searchParams.getAll('topic')).to.deep.equal(['stress', 'sleep']);
    expect($<HTMLInputElement>(el, 'input[name="topic"][value="sleep"]')!.checked).to.equal(true);
    expect($<HTMLInputElement>(el, 'input[name="topic"][value="grief"]')!.checked).to.equal(false);
    expect(new URLSearchParams(location.search).get('keep'), 'the page’s own parameters stay').to.equal('me');
  });

  it('without sync-url neither reads nor writes the URL', async () => {
    const url = new URL(location.href);
    url.searchParams.append('topic', 'stress');
    history.replaceState(history.state, '', url);
    const before = location.href;
    const length = history.length;
    const net = namedByFilters();
    const el = await mount(
      html`<peer-group-finder api-base=${API} topic="grief" .fetch=${net.fetch}></peer-group-finder>`,
    );
    await until(() => net.lists().length === 1);
    expect(net.lists()[0]!.url.searchParams.getAll('topic')).to.deep.equal(['grief']);
    $<HTMLInputElement>(el, 'input[name="topic"][value="sleep"]')!.click();
    await until(() => net.lists().length === 2);
    expect(location.href).to.equal(before);
    expect(history.length).to.equal(length);
  });

  it('adds a history entry for a ticked box, replaces it while typing, and adds none for "Show more"', async () => {
    const net = namedByFilters();
    const el = await mountSynced(net);
    const start = history.length;
    $<HTMLInputElement>(el, 'input[name="topic"][value="grief"]')!.click();
    await el.updateComplete;
    expect(history.length).to.equal(start + 1);
    expect(ourParams()).to.equal('topic=grief');
    await type(el, '#search-input', 'evening');
    await until(() => ourParams().includes('q=evening'), 2000, 'the typed text in the URL');
    expect(history.length, 'typing replaced the entry').to.equal(start + 1);
    await until(() => names(el)[0] === 'For grief+evening');
    $<HTMLButtonElement>(el, '[part="more"]')!.click();
    await until(() => names(el).includes('More'));
    expect(history.length, 'Show more adds no entry').to.equal(start + 1);
    expect(ourParams()).to.equal('q=evening&topic=grief');
  });

  it('Back and Forward restore the filters, the controls, the search text and the results', async () => {
    const net = namedByFilters();
    const el = await mountSynced(net);
    await type(el, '#search-input', 'calm');
    await until(() => names(el)[0] === 'For calm', 2000, 'the typed search');
    $<HTMLInputElement>(el, 'input[name="topic"][value="grief"]')!.click();
    await until(() => names(el)[0] === 'For grief+calm');
    await type(el, '#search-input', 'quiet'); // replaces this entry's text
    await until(() => names(el)[0] === 'For grief+quiet', 2000, 'the second typed search');
    $<HTMLInputElement>(el, 'input[name="topic"][value="sleep"]')!.click();
    await until(() => names(el)[0] === 'For grief+sleep+quiet');

    await go('back');
    await until(() => names(el)[0] === 'For grief+quiet', 2000, 'the results of the entry before');
    expect($<HTMLInputElement>(el, 'input[name="topic"][value="sleep"]')!.checked).to.equal(false);
    expect($<HTMLInputElement>(el, 'input[name="topic"][value="grief"]')!.checked).to.equal(true);
    expect($<HTMLInputElement>(el, '#search-input')!.value).to.equal('quiet');

    await go('back');
    await until(() => names(el)[0] === 'For calm', 2000, 'the first entry');
    expect($<HTMLInputElement>(el, 'input[name="topic"][value="grief"]')!.checked).to.equal(false);
    expect($<HTMLInputElement>(el, '#search-input')!.value, 'the text of that entry').to.equal('calm');
    expect(text($(el, '[part="filter-summary"]'))).to.equal('Topic');

    await go('forward');
    await until(() => names(el)[0] === 'For grief+quiet', 2000, 'forward again');
    expect($<HTMLInputElement>(el, 'input[name="topic"][value="grief"]')!.checked).to.equal(true);
    expect($<HTMLInputElement>(el, '#search-input')!.value).to.equal('quiet');
    await sleep(50);
    expect(history.length).to.be.greaterThan(2); // nothing was added by moving
  });

  it('unticking a preset is remembered in the URL, so a reload does not bring the preset back', async () => {
    const net = namedByFilters();
    const el = await mountSynced(net, { topic: 'grief' });
    expect(names(el)[0]).to.equal('For grief');
    $<HTMLInputElement>(el, 'input[name="topic"][value="grief"]')!.click();
    await until(() => names(el)[0] === 'For all');
    expect(ourParams()).to.equal('q=');
    el.remove();
    const reloaded = await mountSynced(namedByFilters(), { topic: 'grief' });
    expect(names(reloaded)[0]).to.equal('For all');
  });
});
