import { expect, html } from '@open-wc/testing';
import { $, campusConfig, checkInResult, choose, json, mount, recordingFetch, submit, until } from './helpers.js';

const KEY = 'peer-support-widgets:check-in-history:v1';
const API = 'https://backend.example/v1';

/** Everything this origin keeps in localStorage, as text. */
function stored(): string {
  return Object.keys(localStorage)
    .map((key) => `${key}=${localStorage.getItem(key)}`)
    .join('\n');
}

/** A check-in with `remember`, once its history part (loaded on demand) has rendered. */
async function mountRemembering() {
  const el = await mount(html`<peer-check-in remember></peer-check-in>`);
  await until(() => $(el, '[part="history-remember"]') !== null);
  return el;
}

describe('<peer-check-in> history on this device', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it('writes nothing to the browser unless the page opts in and the student turns it on', async () => {
    const net = recordingFetch({ config: () => json(campusConfig()), checkIns: () => json(checkInResult(), 201) });
    const plain = await mount(html`<peer-check-in api-base=${API} .fetch=${net.fetch}></peer-check-in>`);
    expect($(plain, '[part="history-choice"]') === null).to.equal(true);
    await choose(plain, 'mood', '2');
    await submit(plain);
    await until(() => $(plain, '[part="result"]') !== null);

    const offered = await mountRemembering();
    expect($<HTMLInputElement>(offered, '[part="history-remember"]')?.checked).to.equal(false);
    await choose(offered, 'mood', '2');
    await submit(offered);
    await until(() => $(offered, '[part="result"]') !== null);
    expect(stored()).to.equal('');
    expect(sessionStorage.length).to.equal(0);
  });

  it('offers keeping check-ins before the send button, in the tab order and on screen, with what it means', async () => {
    for (const width of ['320px', '640px']) {
      const el = await mount(html`<peer-check-in remember style="display: block; width: ${width}"></peer-check-in>`);
      await until(() => $(el, '[part="history-remember"]') !== null);
      const remember = $<HTMLInputElement>(el, '[part="history-remember"]')!;
      const send = $<HTMLButtonElement>(el, '[part="submit"]')!;
      const before = remember.compareDocumentPosition(send) & Node.DOCUMENT_POSITION_FOLLOWING;
      expect(before !== 0, `${width}: the choice comes before Send in the tab order`).to.equal(true);
      expect(
        remember.getBoundingClientRect().bottom <= send.getBoundingClientRect().top,
        `${width}: above Send`,
      ).to.equal(true);
      const about = $(el, `#${remember.getAttribute('aria-describedby')}`);
      expect(about?.textContent ?? '', 'its explanation stays with it').to.contain('only');
      const choice = $(el, '[part="history-choice"]')!.getBoundingClientRect();
      expect(choice.height).to.be.greaterThan(0);
      expect(choice.right - el.getBoundingClientRect().right, `${width}: no overflow`).to.be.at.most(1);
      expect(el.scrollWidth <= el.clientWidth + 1, `${width}: no horizontal scroll`).to.equal(true);
      await expect(el).to.be.accessible();
      el.remove();
    }
  });

  it('keeps a check-in once turned on, never with its note, and shows it in the table', async () => {
    const el = await mountRemembering();
    $<HTMLInputElement>(el, '[part="history-remember"]')!.click();
    await el.updateComplete;
    await choose(el, 'mood', '4');
    await choose(el, 'emotions', 'calm');
    const note = $<HTMLTextAreaElement>(el, '#note')!;
    note.value = 'a private sentence';
    note.dispatchEvent(new Event('input'));
    await submit(el);
    await until(() => $(el, '[part="result"]') !== null);
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '[]') as Array<Record<string, unknown>>;
    const entries = Array.isArray(saved) ? saved : ((saved as { entries?: unknown[] }).entries ?? []);
    expect(entries).to.have.length(1);
    expect(entries[0]).to.include({ instrument: 'mood', level: 4 });
    expect(stored()).not.to.contain('private sentence');
    await until(() => $(el, '[part="history-table"]') !== null);
    expect($(el, '[part="history-table"]')!.textContent).to.contain('calm');
    await expect(el).to.be.accessible();
  });

  it('still sends the check-in when storage throws, and says it could not be kept here', async () => {
    const el = await mountRemembering();
    $<HTMLInputElement>(el, '[part="history-remember"]')!.click();
    await el.updateComplete;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      const net = recordingFetch({ config: () => json(campusConfig()), checkIns: () => json(checkInResult(), 201) });
      el.apiBase = API;
      el.fetch = net.fetch;
      await el.updateComplete;
      await choose(el, 'mood', '3');
      await submit(el);
      await until(() => $(el, '[part="result"]') !== null);
      expect(net.posts()).to.have.length(1);
      expect($(el, '[part="not-kept"]')?.textContent).to.contain('could not keep this check-in');
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });

  it('never breaks when localStorage itself cannot be reached', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    try {
      const el = await mountRemembering();
      $<HTMLInputElement>(el, '[part="history-remember"]')?.click();
      await el.updateComplete;
      await choose(el, 'mood', '3');
      await submit(el);
      await until(() => $(el, '[part="result"]') !== null);
      expect($(el, '[part="message"]') !== null).to.equal(true);
    } finally {
      Object.defineProperty(window, 'localStorage', descriptor);
    }
  });
});
