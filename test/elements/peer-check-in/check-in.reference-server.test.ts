// <peer-check-in> against the real reference server on loopback (started by web-test-runner): the contract's
// POST /check-ins end to end, and a response lost after the server committed never making a second record.
import { expect, html } from '@open-wc/testing';
import { referenceServer } from '../../helpers/reference-server.js';
import { $, choose, mount, submit, until } from './helpers.js';

describe('<peer-check-in> with the reference server', () => {
  let apiBase: string;
  before(async () => {
    ({ apiBase } = await referenceServer());
  });

  it('reads the campus settings and sends a WHO-5 check-in, showing the backend’s next steps', async () => {
    const el = await mount(
      html`<peer-check-in
        instrument="who5"
        api-base=${apiBase}
        peer-href="https://campus.example/peer"
      ></peer-check-in>`,
    );
    await until(() => /kept for \d+ days/.test($(el, '[part="privacy"]')?.textContent ?? ''), 8000);
    for (const index of [0, 1, 2, 3, 4]) await choose(el, `item-${index}`, '2'); // raw 10 → 40 → low
    await choose(el, 'safety', 'no');
    await submit(el);
    await until(() => $(el, '[part="result"]') !== null, 8000);
    expect($(el, '[part="message"]')?.textContent).to.contain('may have been hard');
    expect($(el, '[part~="next-step-peer"]') !== null).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('a response lost after the server committed: the retry with the same key replays the same record', async () => {
    const seen: Array<{ key: string | null; replayed: string | null; id?: string }> = [];
    let dropNext = true;
    const lossy: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const response = await fetch(request);
      if (request.method !== 'POST') return response;
      const body = (await response.clone().json()) as { id?: string };
      seen.push({
        key: request.headers.get('Idempotency-Key'),
        replayed: response.headers.get('Idempotent-Replayed'),
        id: body.id,
      });
      if (dropNext) {
        dropNext = false;
        throw new TypeError('Failed to fetch'); // the server committed; the answer never reached the page
      }
      return response;
    };
    const el = await mount(html`<peer-check-in api-base=${apiBase} .fetch=${lossy}></peer-check-in>`);
    await until(() => /kept for/.test($(el, '[part="privacy"]')?.textContent ?? ''), 8000);
    await choose(el, 'mood', '3');
    await submit(el);
    await until(() => $(el, '[part="result"]') !== null || $(el, '[part="retry"]') !== null, 15_000);
    if (!$(el, '[part="result"]')) {
      window.dispatchEvent(new Event('online'));
      await until(() => $(el, '[part="result"]') !== null, 8000);
    }
    expect(seen.length).to.be.at.least(2);
    expect(new Set(seen.map((s) => s.key)).size, 'one key').to.equal(1);
    expect(new Set(seen.map((s) => s.id)).size, 'one record').to.equal(1);
    expect(seen.at(-1)!.replayed).to.equal('true');
  });
});
