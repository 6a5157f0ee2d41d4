import { expect, fixtureCleanup } from '@open-wc/testing';
import '../../../src/elements/peer-crisis-resources/define.js';
import type { PeerCrisisResources } from '../../../src/elements/peer-crisis-resources/peer-crisis-resources.js';
import { answering, campusService, listOf, settled } from '../../helpers/crisis-fixtures.js';

type Crisis = PeerCrisisResources;

const shadow = (el: Element) => el.shadowRoot!;
const renderedIds = (el: Element) =>
  [...shadow(el).querySelectorAll<HTMLElement>('[part~="resource"]')].map((li) => li.dataset.id!);
const BUNDLED_US = ['us-988-lifeline', 'us-crisis-text-line', 'us-trevor-lifeline', 'us-veterans-crisis-line'];

/** Adds a panel to the page, as a CMS page would, and gives it back without waiting for any update. */
function place(attributes: Record<string, string>, fallback = ''): Crisis {
  const el = document.createElement('peer-crisis-resources') as Crisis;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.innerHTML = fallback;
  document.body.append(el);
  return el;
}

/** Waits through microtasks only (never a task) until the element's first update has run. */
async function firstUpdate(el: Crisis): Promise<void> {
  for (let i = 0; i < 100 && !el.hasUpdated; i++) await Promise.resolve();
  expect(el.hasUpdated, 'first update ran within the task').to.equal(true);
}

afterEach(() => {
  fixtureCleanup();
  for (const el of document.querySelectorAll('peer-crisis-resources')) el.remove();
});

// Following a tel:/sms:/https: link would leave the test page.
before(() => document.addEventListener('click', (event) => event.preventDefault(), true));

describe('<peer-crisis-resources> first render (issue 7 §3.2)', () => {
  it('has the emergency call link and the bundled lines after its first update, within the same task', async () => {
    let aTaskRan = false;
    setTimeout(() => (aTaskRan = true), 0);
    const el = place({ country: 'US' });
    await firstUpdate(el);
    expect(aTaskRan, 'no task ran in between').to.equal(false);
    const call = shadow(el).querySelector('a[part~="emergency-call"]');
    expect(call?.getAttribute('href'), 'emergency link').to.equal('tel:911');
    // The bundled floor is complete at once, so the panel has its height from the start: nothing below it moves.
    expect(renderedIds(el)).to.have.members(BUNDLED_US);
  });

  it('adds services that arrive later one per update, never taking one back', async () => {
    const campus = [1, 2, 3].map((n) =>
      campusService({
        id: `test-campus-${n}`,
        contactMethods: [
          {
            type: 'phone',
            value: `+1555555014${n}`,
            hours: { timeZone: 'America/New_York', alwaysOpen: true, weekly: [] },
          },
        ],
      }),
    );
    const { fetch } = answering(listOf(campus));
    const el = document.createElement('peer-crisis-resources') as Crisis;
    el.setAttribute('country', 'US');
    el.setAttribute('region', 'US-MA');
    el.setAttribute('src', '/crisis.json');
    el.fetch = fetch;
    document.body.append(el);
    await firstUpdate(el);
    // Every change to the panel is seen (a mutation observer runs after each commit).
    const problems: string[] = [];
    let before = renderedIds(el);
    const observer = new MutationObserver(() => {
      const after = renderedIds(el);
      for (const id of before) if (!after.includes(id)) problems.push(`${id} taken back`);
      if (after.length - before.length > 1) problems.push(`${after.length - before.length} services at once`);
      before = after;
    });
    observer.observe(shadow(el), { subtree: true, childList: true });
    await settled(el);
    observer.disconnect();
    expect(problems).to.deep.equal([]);
    expect(renderedIds(el)).to.have.members([...BUNDLED_US, 'test-campus-1', 'test-campus-2', 'test-campus-3']);
  });

  it('keeps the pasted fallback visible until the campus service that covers it is on screen', async () => {
    const { fetch } = answering(listOf([campusService()]));
    const el = document.createElement('peer-crisis-resources') as Crisis;
    el.setAttribute('country', 'US');
    el.setAttribute('region', 'US-MA');
    el.setAttribute('src', '/crisis.json');
    el.fetch = fetch;
    el.innerHTML = '<p>Campus counselling: <a href="tel:+15555550140">555-555-0140</a></p>';
    // Checked after every change to the panel: a hidden fallback needs its number rendered as a call link.
    const violations: string[] = [];
    let fallbackHidden = false;
    const check = () => {
      const box = shadow(el).querySelector<HTMLElement>('[part~="fallback"]');
      if (!box?.hidden) return;
      fallbackHidden = true;
      if (!shadow(el).querySelector('[part~="resource"] a[href="tel:+15555550140"]')) violations.push('hidden early');
    };
    const observer = new MutationObserver(check);
    const attachShadow = el.attachShadow.bind(el);
    el.attachShadow = (init) => {
      const root = attachShadow(init);
      observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
      return root;
    };
    document.body.append(el);
    await settled(el);
    check();
    observer.disconnect();
    expect(fallbackHidden, 'the campus service covers the fallback in the end').to.equal(true);
    expect(violations).to.deep.equal([]);
  });
});
