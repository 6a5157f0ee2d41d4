import { expect, html } from '@open-wc/testing';
import { $, announced, campusConfig, checkInResult, choose, json, mount, recordingFetch, until } from './helpers.js';
import type { CheckIn } from './helpers.js';

const API = 'https://backend.example/v1';

/** The first tel: link inside the inline crisis panel, if any. */
function crisisCallLink(el: CheckIn): HTMLAnchorElement | null {
  const panel = $(el, 'peer-crisis-resources');
  return panel?.shadowRoot?.querySelector<HTMLAnchorElement>('a[href^="tel:"]') ?? null;
}

/** The element focus is on, looking through shadow roots. */
function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A PHQ-4 with "yes" to the safety question, sent with its button (as a keyboard user would: focus on it). */
async function phq4WithRisk(el: CheckIn): Promise<void> {
  for (const index of [0, 1, 2, 3]) await choose(el, `item-${index}`, '2');
  await choose(el, 'safety', 'yes');
  await until(() => crisisCallLink(el) !== null);
  const send = $<HTMLButtonElement>(el, '[part="submit"]')!;
  send.focus();
  send.click();
  await el.updateComplete;
}

describe('<peer-check-in> focus when a send ends', () => {
  it('offline, then online: a student who went to "Call 988" stays there when the check-in is sent', async () => {
    let online = false;
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => online });
    try {
      const net = recordingFetch({
        config: () => json(campusConfig()),
        checkIns: () => json({ ...checkInResult(), instrument: 'phq4' }, 201),
      });
      const el = await mount(
        html`<peer-check-in instrument="phq4" country="US" api-base=${API} .fetch=${net.fetch}></peer-check-in>`,
      );
      await phq4WithRisk(el);
      await until(() => $(el, '[part="status"]')?.textContent?.includes('offline') === true);
      const call = crisisCallLink(el)!;
      call.focus();
      expect(deepActive() === call, 'on the call link').to.equal(true);

      online = true;
      window.dispatchEvent(new Event('online'));
      await until(() => $(el, '[part="result"]') !== null);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(crisisCallLink(el) === call, 'the same crisis panel, not a new one').to.equal(true);
      expect(deepActive() === call, 'focus stays on the call link').to.equal(true);
      expect(await announced(el)).to.equal('Check-in sent.');
      await expect(el).to.be.accessible();
    } finally {
      Object.defineProperty(Navigator.prototype, 'onLine', onLine);
    }
  });

  it('a failure that comes late is announced but leaves focus on the call link', async () => {
    let answer: (response: Response) => void = () => {};
    const net = recordingFetch({
      config: () => json(campusConfig()),
      checkIns: () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    const el = await mount(
      html`<peer-check-in instrument="phq4" country="US" api-base=${API} .fetch=${net.fetch}></peer-check-in>`,
    );
    await phq4WithRisk(el);
    await until(() => net.posts().length === 1);
    const call = crisisCallLink(el)!;
    call.focus();
    answer(json({ type: 'about:blank', title: 'Bad request', status: 400 }, 400));
    await until(() => $(el, '[part="retry"]') !== null);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(deepActive() === call, 'focus stays on the call link').to.equal(true);
    expect(await announced(el)).to.contain('has not been sent');
  });

  it('a focus on another part of the page stays there; focus left on Send moves to the result', async () => {
    let answer: (response: Response) => void = () => {};
    const net = recordingFetch({
      config: () => json(campusConfig()),
      checkIns: () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    const outside = document.createElement('button');
    outside.textContent = 'Elsewhere';
    document.body.append(outside);
    try {
      const away = await mount(html`<peer-check-in country="US" api-base=${API} .fetch=${net.fetch}></peer-check-in>`);
      await choose(away, 'mood', '3');
      $<HTMLButtonElement>(away, '[part="submit"]')!.click();
      await until(() => net.posts().length === 1);
      outside.focus();
      answer(json(checkInResult(), 201));
      await until(() => $(away, '[part="result"]') !== null);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(document.activeElement === outside, 'focus stays outside').to.equal(true);

      const el = await mount(html`<peer-check-in country="US" api-base=${API} .fetch=${net.fetch}></peer-check-in>`);
      await choose(el, 'mood', '3');
      const send = $<HTMLButtonElement>(el, '[part="submit"]')!;
      send.focus();
      send.click();
      await until(() => net.posts().length === 2);
      answer(json(checkInResult(), 201));
      await until(() => $(el, '[part="result"]') !== null);
      await until(() => el.shadowRoot!.activeElement?.id === 'heading');
    } finally {
      outside.remove();
    }
  });
});
