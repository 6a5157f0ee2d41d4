// <peer-supporter-inbox> after an action whose outcome is unknown (no answer, a server error): the claim, note,
// alert or close may have been saved, so the inbox says so and reads the list again, rather than a bare "try again"
// that has the supporter act twice on a request that already moved on.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/peer-supporter-inbox/define.js';
import type { PeerSupporterInbox } from '../../../src/elements/peer-supporter-inbox/peer-supporter-inbox.js';
import { json } from '../../helpers/fake-fetch.js';
import { LOST_ANSWERS } from '../../helpers/lost-answers.js';
import {
  $,
  announced,
  createRequest,
  openCard,
  mount,
  scriptedRequest as request,
  scriptedSession as session,
  signIn,
  text,
  until,
} from './helpers.js';

const API = 'https://backend.example/v1';
const UNCONFIRMED = 'This may already have been saved.';

const problem = (status: number, headers: Record<string, string> = {}) =>
  json({ type: 'about:blank', title: 'Problem', status }, status, {
    'Content-Type': 'application/problem+json',
    ...headers,
  });

/** How a claim fails, after the client's own retries, and what is said. A claim takes no key, so no 409 means
 * "still working on it": any 409 is someone else's action. */
const FAILURES: Array<readonly [string, () => Response | Promise<Response>, string]> = [
  ...LOST_ANSWERS.filter(([name]) => !name.startsWith('a 409')).map(
    ([name, answer]) => [name, answer, UNCONFIRMED] as const,
  ),
  ['a 409 (someone else acted)', () => problem(409), 'Someone else may have acted on this request.'],
  ['a 400', () => problem(400), 'Something went wrong on our side.'],
  ['a 403', () => problem(403), 'Only supporters whose training is complete and up to date can claim requests.'],
  ['a 404', () => problem(404), 'This request is no longer in the queue.'],
];

/** A backend whose sign-in and queue work and whose claim answers `claim`; it counts queue reads. */
function backend(claim: () => Response | Promise<Response>) {
  const calls: string[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${url.pathname}`);
    if (url.pathname.endsWith('/supporter/sessions')) return session();
    if (url.pathname.endsWith('/supporter/queue')) {
      return json({ items: [request({ status: 'queued', claimedBy: null, position: 1 })], nextCursor: null });
    }
    if (url.pathname.endsWith('/claim')) return claim();
    throw new TypeError('Failed to fetch');
  };
  return { fetch: fetchImpl, queueReads: () => calls.filter((call) => call.endsWith('/supporter/queue')).length };
}

async function signedIn(fetchImpl: typeof fetch): Promise<PeerSupporterInbox> {
  const el = await fixture<PeerSupporterInbox>(
    html`<peer-supporter-inbox api-base=${API} timeout="1000" .fetch=${fetchImpl}></peer-supporter-inbox>`,
  );
  $<HTMLInputElement>(el, '#login')!.value = 'sam';
  $<HTMLInputElement>(el, '#password')!.value = 'secret words';
  $<HTMLButtonElement>(el, '[part="sign-in-submit"]')!.click();
  await until(() => $(el, '[part~="toggle"]') !== null, 5000, 'the request');
  $<HTMLButtonElement>(el, '[part~="toggle"]')!.click();
  await until(() => $(el, '[part~="claim"]') !== null, 5000, 'the claim button');
  return el;
}

describe('<peer-supporter-inbox> an action that could not be confirmed', () => {
  for (const [name, answer, said] of FAILURES) {
    it(`a claim that gets ${name} says "${said}"`, async () => {
      const net = backend(answer);
      const el = await signedIn(net.fetch);
      const reads = net.queueReads();
      $<HTMLButtonElement>(el, '[part~="claim"]')!.click();
      await until(() => text($(el, '[part="message"]')) !== '', 15000, 'the message');
      expect(text($(el, '[part="message"]'))).to.contain(said);
      expect(await announced(el)).to.contain(said);
      if (said === UNCONFIRMED) {
        expect(text($(el, '[part="message"]'))).to.contain('Check the request and its notes before trying again.');
        await until(() => net.queueReads() > reads, 3000, 'the list read again');
      }
      await expect(el).to.be.accessible();
    });
  }

  // A 429 that names its wait: "before trying again" alone would send the supporter straight back into the limit.
  for (const [seconds, wait] of [
    ['1', 'Please try again in 1 second.'],
    ['30', 'Please try again in 30 seconds.'],
    ['508', 'Please try again in 9 minutes.'],
  ] as const) {
    it(`a claim refused with 429 and Retry-After: ${seconds} says the wait after "${UNCONFIRMED}"`, async () => {
      const net = backend(() => problem(429, { 'Retry-After': seconds }));
      const el = await signedIn(net.fetch);
      $<HTMLButtonElement>(el, '[part~="claim"]')!.click();
      await until(() => text($(el, '[part="message"]')) !== '', 15000, 'the message');
      const said = text($(el, '[part="message"]'));
      expect(said).to.contain(UNCONFIRMED);
      expect(said).to.contain(wait);
      expect(await announced(el)).to.contain(wait);
      await expect(el).to.be.accessible();
    });
  }

  it('with the reference server: a claim whose answers are all lost is shown as claimed after the list is read', async () => {
    const id = await createRequest();
    let lose = true;
    // The claim reaches the real server and is saved; while `lose`, its answer never comes back.
    const lossy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (lose && (init?.method ?? 'GET') === 'POST' && String(input).endsWith(`/${id}/claim`)) {
        throw new TypeError('Failed to fetch');
      }
      return response;
    };
    const el = await mount({ fetch: lossy });
    await signIn(el, 'test.peer');
    const found = await openCard(el, id);
    found.querySelector<HTMLButtonElement>('[part~="claim"]')!.click();
    await until(() => text(found.querySelector('[part="message"]')) !== '', 15000, 'the message');
    expect(text(found.querySelector('[part="message"]'))).to.contain(UNCONFIRMED);
    lose = false;
    // The list read again shows what the server holds: claimed, so there is nothing to try again.
    await until(() => (findCardNow(el, id)?.querySelector('[part~="claim"]') ?? null) === null, 8000, 'claimed');
    expect(text(findCardNow(el, id)?.querySelector('[part="claimed-by"]'))).not.to.equal('');
    await expect(el).to.be.accessible();
  });
});

const findCardNow = (el: PeerSupporterInbox, id: string) => $(el, `[data-request="${id}"]`);
