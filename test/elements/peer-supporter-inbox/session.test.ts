import { expect, fixture, html } from '@open-wc/testing';
import type { PeerSupporterInbox } from '../../../src/elements/peer-supporter-inbox/peer-supporter-inbox.js';
import { FakeFetch, json } from '../../helpers/fake-fetch.js';
import { supporterInboxEn } from '../../../src/elements/peer-supporter-inbox/i18n/en.js';
import { supporterInboxEs } from '../../../src/elements/peer-supporter-inbox/i18n/es.js';
import {
  $,
  $$,
  announced,
  createRequest,
  findCard,
  mount,
  openCard,
  press,
  scriptedRequest,
  server,
  signIn,
  text,
  tokenFor,
  until,
} from './helpers.js';

/** What went through the element's transport: each request's method, path and token, and each answer's status. */
interface Exchange {
  method: string;
  path: string;
  token: string | undefined;
  status?: number;
}

/** A page's `fetch` that passes everything to the real server and keeps a record (tokens only in this test). */
function recordingTransport(answer?: (exchange: Exchange) => Promise<Response> | undefined) {
  const exchanges: Exchange[] = [];
  const transport: typeof fetch = async (input, init) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const exchange: Exchange = {
      method: init?.method ?? 'GET',
      path: new URL(String(input)).pathname.replace(/^.*\/api\/v1/, ''),
      token: headers.Authorization?.replace(/^Bearer /, ''),
    };
    exchanges.push(exchange);
    const response = await (answer?.(exchange) ?? fetch(input, init));
    exchange.status = response.status;
    return response;
  };
  return { exchanges, transport };
}

/** The page's transport for external-auth: every request carries `token`, as a campus sign-in's would. */
function withToken(token: string, answer?: (input: RequestInfo | URL) => Response | undefined): typeof fetch {
  return (input, init) =>
    Promise.resolve(
      answer?.(input) ??
        fetch(input, {
          ...init,
          headers: { ...(init?.headers as Record<string, string>), Authorization: `Bearer ${token}` },
        }),
    );
}

async function queueWith(token: string): Promise<number> {
  const { apiBase } = await server();
  return (await fetch(`${apiBase}/supporter/queue`, { headers: { Authorization: `Bearer ${token}` } })).status;
}

const queueReady = (el: Element) => $(el, '[part="queue"]')?.getAttribute('aria-busy') === 'false';

describe('<peer-supporter-inbox> sessions (reference server)', function () {
  // Whole journeys against the real server (sign-ins hash passwords with scrypt): a loaded CI machine needs more
  // than the default 10 s for some.
  this.timeout(30_000);
  it('signing out ends the session on the server: the old token no longer opens the queue', async () => {
    const { exchanges, transport } = recordingTransport();
    const el = await mount({ fetch: transport });
    await signIn(el, 'test.supporter');
    const token = exchanges.find((exchange) => exchange.path === '/supporter/queue')?.token;
    expect(token, 'the session token went to the queue').to.be.a('string');
    expect(await queueWith(token!), 'the token works before signing out').to.equal(200);

    $<HTMLButtonElement>(el, '[part="sign-out"]')!.click();
    await until(
      () => exchanges.some((exchange) => exchange.method === 'DELETE' && exchange.status !== undefined),
      6000,
      'the answer to sign-out',
    );
    const ending = exchanges.find((exchange) => exchange.method === 'DELETE')!;
    expect(ending.path).to.equal('/supporter/sessions/current');
    expect(ending.token === token, 'sign-out is authorised by the token it ends').to.equal(true);
    expect(ending.status).to.equal(204);
    expect(await queueWith(token!), 'the token after signing out').to.equal(401);
    await el.updateComplete;
    expect(text($(el, '[part="notice"]'))).to.equal(supporterInboxEn['inbox.signedOut']);
    await expect(el).to.be.accessible();
  });

  it('a session that had already ended on the server signs out quietly (401 means the token is dead too)', async () => {
    const { apiBase } = await server();
    const { exchanges, transport } = recordingTransport();
    const el = await mount({ fetch: transport });
    await signIn(el, 'test.supporter');
    const token = exchanges.find((exchange) => exchange.path === '/supporter/queue')!.token!;
    const elsewhere = await fetch(`${apiBase}/supporter/sessions/current`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(elsewhere.status).to.equal(204);
    $<HTMLButtonElement>(el, '[part="sign-out"]')!.click();
    await until(
      () => exchanges.some((exchange) => exchange.method === 'DELETE' && exchange.status !== undefined),
      6000,
      'the answer to sign-out',
    );
    expect(exchanges.find((exchange) => exchange.method === 'DELETE')!.status).to.equal(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(text($(el, '[part="notice"]'))).to.equal(supporterInboxEn['inbox.signedOut']);
  });

  it('says so when the server could not be reached, and forgets the token all the same', async () => {
    const { exchanges, transport } = recordingTransport((exchange) =>
      exchange.method === 'DELETE' ? Promise.reject(new TypeError('Failed to fetch')) : undefined,
    );
    const el = await mount({ fetch: transport });
    await signIn(el, 'test.supporter');
    $<HTMLButtonElement>(el, '[part="sign-out"]')!.click();
    await el.updateComplete;
    expect($(el, '#login') !== null, 'the sign-in form is back at once').to.equal(true);
    await until(
      () => text($(el, '[part="notice"]')).startsWith('You are signed out on this page, but the server could not'),
      6000,
      'the words about the server',
    );
    expect(text($(el, '[part="notice"]'))).to.match(/It ends by itself at .+\. If this is a shared computer/);
    expect(await announced(el)).to.contain('the server could not be reached to end your session');
    expect(exchanges.filter((exchange) => exchange.method === 'DELETE').length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    // The page kept nothing to use: the element sends no token once signed out.
    expect((el as unknown as { token?: string }).token).to.equal(undefined);
  });

  it('says it in Spanish too', async () => {
    const { transport } = recordingTransport((exchange) =>
      exchange.method === 'DELETE' ? Promise.resolve(new Response(null, { status: 503 })) : undefined,
    );
    const el = await mount({ fetch: transport, lang: 'es' });
    await signIn(el, 'test.supporter');
    $<HTMLButtonElement>(el, '[part="sign-out"]')!.click();
    const start = supporterInboxEs['inbox.signOut.unconfirmed'].split('{time}')[0]!;
    await until(() => text($(el, '[part="notice"]')).startsWith(start), 8000, 'the Spanish words');
    await expect(el).to.be.accessible();
  });

  it('with external-auth, an untrained supporter’s inbox reads who they are and hides Claim with the words', async () => {
    const id = await createRequest();
    const el = await mount({ fetch: withToken(await tokenFor('test.untrained')), externalAuth: true });
    await until(() => queueReady(el) && $(el, '[part="training"]') !== null, 8000, 'the queue and the profile');
    expect(text($(el, '[part="training"]'))).to.equal(supporterInboxEn['inbox.training.missing']);
    expect(text($(el, '[part="account"]'))).to.equal('Signed in as Riley.');
    expect($(el, '[part="sign-out"]') === null, 'the page signs out, not the element').to.equal(true);
    const found = await openCard(el, id);
    expect(found.querySelector('[part~="claim"]') === null, 'no Claim').to.equal(true);
    expect(found.querySelector('[part~="escalate"]') !== null, 'escalating is still open to them').to.equal(true);
    await expect(el).to.be.accessible();

    const expired = await mount({ fetch: withToken(await tokenFor('test.expired')), externalAuth: true });
    await until(() => queueReady(expired) && $(expired, '[part="training"]') !== null, 8000, 'the expired profile');
    expect(text($(expired, '[part="training"]'))).to.match(/^Your training expired on .+, so you cannot claim/);
    expect((await openCard(expired, id)).querySelector('[part~="claim"]') === null).to.equal(true);
  });

  it('with external-auth, a supervisor sees supervisor features: the escalated requests, first', async () => {
    const { apiBase } = await server();
    const id = await createRequest();
    const escalated = await fetch(`${apiBase}/supporter/requests/${id}/escalate`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await tokenFor('test.peer')}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': crypto.randomUUID(),
      },
      body: JSON.stringify({ reason: 'other' }),
    });
    expect(escalated.status).to.equal(201);
    const el = await mount({ fetch: withToken(await tokenFor('test.supervisor')), externalAuth: true });
    await until(() => text($(el, '[part="account"]')) !== '', 8000, 'the profile');
    expect(text($(el, '[part="account"]'))).to.equal('Signed in as Jordan, supervisor.');
    await until(() => queueReady(el) && $(el, `[data-request="${id}"]`) !== null, 8000, 'the escalated request');
    expect($(el, '[part="request"]')!.getAttribute('data-status')).to.equal('escalated-to-professional');
    expect(text($(el, '[part="queue"] .hint'))).to.equal(supporterInboxEn['inbox.queue.orderSupervisor']);
    const found = await findCard(el, id);
    found.querySelector<HTMLButtonElement>('[part~="toggle"]')!.click();
    await until(() => found.querySelector('[part~="close"]') !== null, 3000, 'Close, for a supervisor');
    await expect(el).to.be.accessible();
  });

  it('with external-auth and a backend without GET /supporter/profile: Claim is offered and a 403 explained', async () => {
    const id = await createRequest();
    const transport = withToken(await tokenFor('test.untrained'), (input) =>
      String(input).endsWith('/supporter/profile')
        ? new Response(JSON.stringify({ title: 'Not found', status: 404 }), {
            status: 404,
            headers: { 'Content-Type': 'application/problem+json' },
          })
        : undefined,
    );
    const el = await mount({ fetch: transport, externalAuth: true });
    await until(() => queueReady(el), 8000, 'the queue');
    const found = await openCard(el, id);
    await until(() => found.querySelector('[part~="claim"]') !== null, 3000, 'Claim, training unknown');
    await press(found, 'claim');
    await until(() => $(el, `[id="message-${id}"]`) !== null, 5000, 'the refusal');
    expect(text($(el, `[id="message-${id}"]`))).to.equal(supporterInboxEn['inbox.training.refused']);
    expect(found.querySelector('[part~="claim"]') === null, 'Claim no longer offered').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('with external-auth, a supervisor’s queue asked again after the profile wins over a slower first answer', async () => {
    const request = (requestId: string, status: string) =>
      scriptedRequest({ requestId, status, position: status === 'queued' ? 1 : null, claimedBy: null });
    const fake = new FakeFetch(
      // The first queue (asked before anyone knew this is a supervisor) answers last.
      () =>
        new Promise<Response>((resolve) =>
          setTimeout(() => resolve(json({ items: [request('pr_first', 'queued')], nextCursor: null })), 400),
        ),
      json({
        id: 'sup_jo',
        displayName: 'Jordan',
        roles: ['supporter', 'supervisor'],
        training: { current: true, expiresOn: '2030-01-01' },
      }),
      json({
        items: [request('pr_escalated', 'escalated-to-professional'), request('pr_first', 'queued')],
        nextCursor: null,
      }),
    );
    const el = await fixture<PeerSupporterInbox>(
      html`<peer-supporter-inbox
        api-base="https://backend.example/v1"
        external-auth
        .fetch=${fake.fetch}
      ></peer-supporter-inbox>`,
    );
    await until(() => fake.requests.length === 3, 5000, 'the second queue');
    expect(fake.requests[1]!.url).to.match(/\/supporter\/profile$/);
    expect(fake.requests[2]!.url).to.contain('status=escalated-to-professional');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect($$(el, '[part="request"]').map((item) => item.getAttribute('data-request'))).to.deep.equal([
      'pr_escalated',
      'pr_first',
    ]);
  });
});
