import { fixture, html } from '@open-wc/testing';
import { json } from '../../helpers/fake-fetch.js';
import { referenceServer } from '../../helpers/reference-server.js';
import '../../../src/elements/peer-supporter-inbox/define.js';
import type { PeerSupporterInbox } from '../../../src/elements/peer-supporter-inbox/peer-supporter-inbox.js';

export type Inbox = PeerSupporterInbox;

export { $, $$, announced, sleep, text } from '../../helpers/shadow-dom.js';
import { $, $$, until as waitFor } from '../../helpers/shadow-dom.js';

/** As the shared `until`, with 5 s by default: the inbox's waits include real sign-ins. */
export const until = (predicate: () => boolean, ms = 5000, what = 'a condition') => waitFor(predicate, ms, what);

/**
 * The supporters the browser tests' reference server holds, with their passwords: test.supporter, test.peer
 * (trained), test.supervisor (trained supervisor), test.untrained (no training), test.expired (training expired).
 */
export async function server(): Promise<{ apiBase: string; supporters: Record<string, string> }> {
  const info = (await referenceServer()) as unknown as { apiBase: string; supporters?: Record<string, string> };
  if (!info.supporters) throw new Error('the reference server has no test supporters (see the inbox report)');
  return { apiBase: info.apiBase, supporters: info.supporters };
}

export async function mount(attributes: { lang?: string; fetch?: typeof fetch; externalAuth?: boolean } = {}) {
  const { apiBase } = await referenceServer();
  const el = await fixture<Inbox>(
    html`<peer-supporter-inbox
      api-base=${apiBase}
      lang=${attributes.lang ?? 'en'}
      .fetch=${attributes.fetch}
      ?external-auth=${attributes.externalAuth ?? false}
    ></peer-supporter-inbox>`,
  );
  await el.updateComplete;
  return el;
}

/** Fills in and sends the sign-in form the way a person would (the events a browser fires on typing). */
export async function submitSignIn(el: Inbox, login: string, password: string): Promise<void> {
  await until(() => $(el, '#login') !== null, 5000, 'the sign-in form');
  $<HTMLInputElement>(el, '#login')!.value = login;
  $<HTMLInputElement>(el, '#password')!.value = password;
  $<HTMLButtonElement>(el, '[part="sign-in-submit"]')!.click();
}

export async function signIn(el: Inbox, login: string): Promise<void> {
  const { supporters } = await server();
  await submitSignIn(el, login, supporters[login]!);
  await until(
    () => $(el, '[part="queue"]') !== null && $(el, '[part="queue"]')!.getAttribute('aria-busy') === 'false',
    8000,
    'the queue',
  );
}

/** A token for `login`, straight from the API (for a page that signs in itself). */
export async function tokenFor(login: string): Promise<string> {
  const { apiBase, supporters } = await server();
  const response = await fetch(`${apiBase}/supporter/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password: supporters[login] }),
  });
  if (response.status !== 201) throw new Error(`sign-in for ${login}: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** A student's request, through the public endpoint; answers its id. */
export async function createRequest(body: Record<string, unknown> = {}): Promise<string> {
  const { apiBase } = await server();
  const response = await fetch(`${apiBase}/peer-requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({
      topic: 'stress',
      supportKind: 'listen',
      channel: 'chat',
      when: { mode: 'asap' },
      language: 'en',
      contact: { method: 'email', email: 'student@example.edu' },
      consent: { accepted: true, noticeVersion: 'peer-2025-09' },
      ...body,
    }),
  });
  if (response.status !== 201) throw new Error(`peer request: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { requestId: string }).requestId;
}

export const card = (el: Inbox, id: string) => $(el, `[data-request="${id}"]`);

/** Shows more of the queue until the request is listed (other test files add requests to the same server). */
export async function findCard(el: Inbox, id: string): Promise<HTMLElement> {
  for (let page = 0; page < 50; page++) {
    const found = card(el, id);
    if (found) return found;
    const more = $<HTMLButtonElement>(el, '[part="more"]');
    if (!more) break;
    const before = $$(el, '[part="request"]').length;
    more.click();
    await until(() => $$(el, '[part="request"]').length > before || !$(el, '[part="more"]'), 8000, 'more requests');
  }
  throw new Error(`request ${id} is not in the queue`);
}

export async function openCard(el: Inbox, id: string): Promise<HTMLElement> {
  const found = await findCard(el, id);
  found.querySelector<HTMLButtonElement>('[part~="toggle"]')!.click();
  await until(() => found.querySelector('[part="work"]') !== null, 3000, 'the open request');
  return found;
}

export async function press(found: HTMLElement, part: string): Promise<void> {
  const button = found.querySelector<HTMLButtonElement>(`[part~="${part}"]`);
  if (!button) throw new Error(`no ${part} button`);
  button.click();
}

export function recordEvents(el: Element, names: string[]): Array<{ type: string; detail: unknown }> {
  const events: Array<{ type: string; detail: unknown }> = [];
  for (const name of names)
    el.addEventListener(name, (event) => events.push({ type: name, detail: (event as CustomEvent).detail }));
  return events;
}

/** A scripted sign-in answer (201) for a trained supporter with these roles, for tests of backends the server cannot be. */
export const scriptedSession = (roles: string[] = ['supporter'], supporter = { id: 'sup_me', displayName: 'Sam' }) =>
  json(
    {
      token: 'token-0123456789abcdef',
      tokenType: 'Bearer',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      supporter: { ...supporter, roles, training: { current: true, expiresOn: '2030-01-01' } },
    },
    201,
  );

/** A scripted queue item as the contract's `PeerRequestForSupporter` has it: claimed by another supporter by default. */
export const scriptedRequest = (overrides: Record<string, unknown> = {}) => ({
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
