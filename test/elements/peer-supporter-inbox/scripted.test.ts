import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/peer-supporter-inbox/define.js';
import type { PeerSupporterInbox } from '../../../src/elements/peer-supporter-inbox/peer-supporter-inbox.js';
import { FakeFetch, json } from '../../helpers/fake-fetch.js';
import { $, scriptedRequest as request, scriptedSession as session, text, until } from './helpers.js';

/**
 * Backends the reference server cannot be made to be: one that sends more than it should, one that fails, one
 * that never answers. The rest of the inbox is tested against the real server.
 */
const API = 'https://backend.example/v1';

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
    expect($(el, '[part="notes-section"]') === null).to.equal(true);
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
    expect($(el, '[part="problem"]') === null).to.equal(true);
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

  it('a campus rewrites any string, and its own guide in the guide slot replaces the built-in one', async () => {
    const fake = new FakeFetch(
      session(),
      json({ items: [request({ status: 'queued', claimedBy: null, position: 1 })], nextCursor: null }),
    );
    const el = await fixture<PeerSupporterInbox>(
      html`<peer-supporter-inbox
        api-base=${API}
        .fetch=${fake.fetch}
        .strings=${{ en: { 'inbox.signIn.heading': 'Supporter sign-in' } }}
        ><div slot="guide">Call the duty counsellor on 555-0100 first.</div></peer-supporter-inbox
      >`,
    );
    expect(text($(el, '#sign-in-heading'))).to.equal('Supporter sign-in');
    $<HTMLInputElement>(el, '#login')!.value = 'sam';
    $<HTMLInputElement>(el, '#password')!.value = 'secret words';
    $<HTMLButtonElement>(el, '[part="sign-in-submit"]')!.click();
    await until(() => $(el, '[part~="toggle"]') !== null, 5000, 'the request');
    $<HTMLButtonElement>(el, '[part~="toggle"]')!.click();
    await until(() => $(el, 'slot[name="guide"]') !== null);
    const assigned = $<HTMLSlotElement>(el, 'slot[name="guide"]')!.assignedElements();
    expect(assigned.length).to.equal(1);
    expect(assigned[0]!.textContent).to.contain('duty counsellor');
    await expect(el).to.be.accessible();
  });

  it('returns to sign-in when the session’s time runs out, and says so', async () => {
    const soon = json(
      {
        token: 'token-0123456789abcdef',
        tokenType: 'Bearer',
        expiresAt: new Date(Date.now() + 1500).toISOString(),
        supporter: {
          id: 'sup_me',
          displayName: 'Sam',
          roles: ['supporter'],
          training: { current: true, expiresOn: null },
        },
      },
      201,
    );
    const fake = new FakeFetch(soon, json({ items: [], nextCursor: null }));
    const el = await signedIn(fake);
    const ended: unknown[] = [];
    el.addEventListener('peer-inbox-signed-out', (event) => ended.push(event.detail));
    await until(() => $(el, '#login') !== null, 5000, 'the sign-in form');
    expect(text($(el, '[part="notice"]'))).to.contain('Your session has ended.');
    expect(ended).to.deep.equal([{ reason: 'expired' }]);
  });

  it('reflows at 320 px with a request open: nothing scrolls sideways', async () => {
    const mine = request({
      claimedBy: { id: 'sup_me', displayName: 'Sam' },
      note: 'A long note without spaces: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      contact: { method: 'email', email: 'a.very.long.address.for.testing.reflow@students.northfield.example' },
    });
    const fake = new FakeFetch(session(), json({ items: [mine], nextCursor: null }), json({ items: [] }));
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 320px">
        <peer-supporter-inbox api-base=${API} .fetch=${fake.fetch} lang="es"></peer-supporter-inbox>
      </div>`,
    );
    const el = wrapper.querySelector('peer-supporter-inbox')!;
    $<HTMLInputElement>(el, '#login')!.value = 'sam';
    $<HTMLInputElement>(el, '#password')!.value = 'secret words';
    $<HTMLButtonElement>(el, '[part="sign-in-submit"]')!.click();
    await until(() => $(el, '[part~="toggle"]') !== null, 5000, 'the request');
    $<HTMLButtonElement>(el, '[part~="toggle"]')!.click();
    await until(() => $(el, '[part="note-form"]') !== null);
    $<HTMLButtonElement>(el, '[part~="close"]')!.click();
    await until(() => $(el, '[part="close-form"]') !== null);
    const panel = $(el, '[part="panel"]')!;
    expect(panel.scrollWidth, 'the panel scrolls sideways').to.be.at.most(panel.clientWidth);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
  });

  it('says how long to wait when sign-in attempts are rate limited', async () => {
    const fake = new FakeFetch(
      json({ type: 'about:blank', title: 'Too many', status: 429 }, 429, {
        'Content-Type': 'application/problem+json',
        'Retry-After': '30',
      }),
    );
    const el = await fixture<PeerSupporterInbox>(
      html`<peer-supporter-inbox api-base=${API} .fetch=${fake.fetch}></peer-supporter-inbox>`,
    );
    $<HTMLInputElement>(el, '#login')!.value = 'sam';
    $<HTMLInputElement>(el, '#password')!.value = 'secret words';
    $<HTMLButtonElement>(el, '[part="sign-in-submit"]')!.click();
    await until(() => $(el, '[part="notice"]') !== null, 5000, 'the message');
    expect(text($(el, '[part="notice"]'))).to.equal(
      'Too many sign-in attempts from this network. Please wait 30 seconds, then try again.',
    );
  });

  it('with external-auth: no form, a 401 asks for the campus sign-in, and a new fetch from the page starts again', async () => {
    const unauthorized = () =>
      json({ type: 'about:blank', title: 'Please sign in', status: 401 }, 401, {
        'Content-Type': 'application/problem+json',
      });
    const first = new FakeFetch(unauthorized());
    const el = await fixture<PeerSupporterInbox>(
      html`<peer-supporter-inbox api-base=${API} external-auth .fetch=${first.fetch}></peer-supporter-inbox>`,
    );
    await until(() => $(el, '[part="notice"]') !== null, 5000, 'the message');
    expect(text($(el, '[part="notice"]'))).to.contain('Sign in again through your campus sign-in');
    expect($(el, '#login') === null, 'no sign-in form').to.equal(true);
    await expect(el).to.be.accessible();
    const second = new FakeFetch(
      json({ items: [request({ status: 'queued', claimedBy: null, position: 1 })], nextCursor: null }),
    );
    el.fetch = second.fetch;
    await until(() => $(el, '[data-request="pr_1"]') !== null, 5000, 'the queue again');
    expect(second.requests[0]!.url).to.contain('/supporter/queue');
    expect('authorization' in second.requests[0]!.headers, 'the page’s fetch adds it, not the element').to.equal(false);
  });

  it('a note whose key the server saw with another session: says it may be saved, reloads, and makes a new key', async () => {
    const mine = request({ claimedBy: { id: 'sup_me', displayName: 'Sam' } });
    const reused = () =>
      json({ type: 'about:blank', title: 'Key reused', status: 422 }, 422, {
        'Content-Type': 'application/problem+json',
      });
    const note = {
      id: 'n_1',
      requestId: 'pr_1',
      kind: 'note',
      text: 'Said hello',
      author: { id: 'sup_me', displayName: 'Sam' },
      createdAt: new Date().toISOString(),
    };
    const fake = new FakeFetch(
      session(),
      json({ items: [mine], nextCursor: null }),
      json({ items: [] }),
      reused(),
      json({ items: [mine], nextCursor: null }),
      json({ items: [note] }),
      json(note, 201),
    );
    const el = await signedIn(fake);
    await until(() => $(el, '[part~="toggle"]') !== null, 5000, 'the request');
    $<HTMLButtonElement>(el, '[part~="toggle"]')!.click();
    await until(() => $(el, '[part="note-form"]') !== null);
    const box = $<HTMLTextAreaElement>(el, '[part="note-form"] textarea')!;
    box.value = 'Said hello';
    box.dispatchEvent(new Event('input'));
    $<HTMLFormElement>(el, '[part="note-form"]')!.requestSubmit();
    await until(
      () => text($(el, '[part="message"]')).startsWith('This may already have been saved.'),
      5000,
      'the message',
    );
    await until(() => text($(el, '[part="notes"]')).includes('Said hello'), 5000, 'the notes reloaded');
    $<HTMLFormElement>(el, '[part="note-form"]')!.requestSubmit();
    await until(() => fake.requests.length === 7, 5000, 'the second try');
    const [first, second] = fake.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/notes'));
    expect(first!.headers['idempotency-key']).to.be.a('string');
    expect(second!.headers['idempotency-key'], 'a new key').not.to.equal(first!.headers['idempotency-key']);
  });
});
