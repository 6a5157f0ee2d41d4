import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/peer-supporter-inbox/define.js';
import type { PeerSupporterInbox } from '../../../src/elements/peer-supporter-inbox/peer-supporter-inbox.js';
import { FakeFetch, json } from '../../helpers/fake-fetch.js';
import { $, text, until } from './helpers.js';

/**
 * Backends the reference server cannot be made to be: one that sends more than it should, one that fails, one
 * that never answers. The rest of the inbox is tested against the real server.
 */
const API = 'https://backend.example/v1';
const session = (roles = ['supporter']) =>
  json(
    {
      token: 'token-0123456789abcdef',
      tokenType: 'Bearer',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      supporter: { id: 'sup_me', displayName: 'Sam', roles, training: { current: true, expiresOn: '2030-01-01' } },
    },
    201,
  );
const request = (overrides: Record<string, unknown> = {}) => ({
  requestId: 'pr_1',
  status: 'claimed',
  topic: 'stress',
  supportKind: 'listen',
  channel: 'chat',
  when: { mode: 'asap' },
  language: 'en',
  contactMethod: 'email',
  position: null,
  claimedBy: { id: 'sup_other', displayName: 'Alex' },
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
  ...overrides,
});

async function signedIn(fake: FakeFetch, timeout?: number): Promise<PeerSupporterInbox> {
  const el = await fixture<PeerSupporterInbox>(
    html`<peer-supporter-inbox
      api-base=${API}
      .fetch=${fake.fetch}
      timeout=${timeout ?? 10000}
    ></peer-supporter-inbox>`,
  );
  $<HTMLInputElement>(el, '#login')!.value = 'sam';
  $<HTMLInputElement>(el, '#password')!.value = 'secret words';
  $<HTMLButtonElement>(el, '[part="sign-in-submit"]')!.click();
  await until(() => $(el, '[part="queue"]') !== null, 5000, 'the queue');
  return el;
}

describe('<peer-supporter-inbox> against scripted backends', () => {
  it('never shows a note or contact on a request someone else holds, even when a backend sends them', async () => {
    const leaky = request({
      note: 'LEAKED student note',
      contact: { method: 'email', email: 'leaked@example.edu' },
      noteCount: 2,
    });
    const fake = new FakeFetch(session(), json({ items: [leaky], nextCursor: null }));
    const el = await signedIn(fake);
    await until(() => $(el, '[data-request="pr_1"]') !== null, 5000, 'the request');
    $<HTMLButtonElement>(el, '[part~="toggle"]')!.click();
    await until(() => $(el, '[part="work"]') !== null);
    expect(text(el.shadowRoot!)).not.to.contain('LEAKED');
    expect(text(el.shadowRoot!)).not.to.contain('leaked@example.edu');
    expect($(el, '[part="notes-section"]')).to.equal(null);
    expect(
      fake.requests.map((r) => r.url).filter((url) => url.includes('/notes')),
      'notes never asked for',
    ).to.deep.equal([]);
    expect(fake.requests[1]!.headers['authorization']).to.equal('Bearer token-0123456789abcdef');
  });

  it('says the queue failed in words and loads it again with Try again', async () => {
    const fake = new FakeFetch(
      session(),
      json({ type: 'about:blank', title: 'Server error', status: 500 }, 500, {
        'Content-Type': 'application/problem+json',
      }),
      json({ type: 'about:blank', title: 'Server error', status: 500 }, 500, {
        'Content-Type': 'application/problem+json',
      }),
      json({ type: 'about:blank', title: 'Server error', status: 500 }, 500, {
        'Content-Type': 'application/problem+json',
      }),
      json({ items: [request({ status: 'queued', claimedBy: null, position: 1 })], nextCursor: null }),
    );
    const el = await signedIn(fake);
    await until(() => $(el, '[part="problem"]') !== null, 15000, 'the problem');
    expect(text($(el, '[part="problem"]'))).to.contain('We could not load the requests.');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await until(() => $(el, '[data-request="pr_1"]') !== null, 5000, 'the request');
    expect($(el, '[part="problem"]')).to.equal(null);
  });

  it('says the backend is taking too long when the queue never answers', async () => {
    const fake = new FakeFetch(session(), 'hang', 'hang', 'hang');
    const el = await signedIn(fake, 1000);
    await until(() => $(el, '[part="problem"]') !== null, 15000, 'the timeout');
    expect(text($(el, '[part="problem"]'))).to.contain('took too long');
  });

  it('aborts the queue request when the element leaves the page', async () => {
    const fake = new FakeFetch(session(), 'hang');
    const el = await signedIn(fake);
    await until(() => fake.requests.length === 2);
    el.remove();
    expect(fake.requests[1]!.signal?.aborted).to.equal(true);
  });
});
