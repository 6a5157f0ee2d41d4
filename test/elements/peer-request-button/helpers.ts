import { fixture, html } from '@open-wc/testing';
import '../../../src/elements/peer-request-button/define.js';
import { PeerRequestButton } from '../../../src/elements/peer-request-button/peer-request-button.js';

export type Button = PeerRequestButton;
export const API = 'https://backend.example/v1';

export { $, $$, announced, sleep, text, until } from '../../helpers/shadow-dom.js';
import { $, sleep, text, until } from '../../helpers/shadow-dom.js';

/** The element that has focus inside the element's shadow root. */
export const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

const HOURS = {
  timeZone: 'America/New_York',
  alwaysOpen: false,
  weekly: [{ day: 'mon', opens: '10:00', closes: '22:00' }],
};

export function availability(overrides: Record<string, unknown> = {}) {
  return {
    open: true,
    withinHours: true,
    supportersOnShift: 2,
    queueLength: 1,
    expectedWaitMinutes: 10,
    channels: ['chat', 'call'],
    hours: HOURS,
    nextOpenAt: null,
    acceptsScheduled: true,
    asOf: new Date().toISOString(),
    ...overrides,
  };
}

export const nobodyOnShift = () =>
  availability({ open: false, supportersOnShift: 0, queueLength: 0, expectedWaitMinutes: null, channels: [] });

export const SECRET = '4kQ9-TzM2-8wXa-Pb7Lq3Zr';

export function created(overrides: Record<string, unknown> = {}) {
  return {
    requestId: 'pr_5HV2C9',
    secret: SECRET,
    status: 'queued',
    position: 2,
    expectedWaitMinutes: 15,
    createdAt: new Date().toISOString(),
    availability: availability(),
    ...overrides,
  };
}

export function status(overrides: Record<string, unknown> = {}) {
  return {
    requestId: 'pr_5HV2C9',
    status: 'queued',
    position: 2,
    expectedWaitMinutes: 15,
    topic: 'loneliness',
    supportKind: 'listen',
    channel: 'chat',
    when: { mode: 'asap' },
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    availability: availability(),
    ...overrides,
  };
}

export function json(value: unknown, code = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(value), {
    status: code,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function problem(code: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: '/problems/x', title: 'Problem', status: code }), {
    status: code,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

export interface Call {
  url: URL;
  method: string;
  key: string | null;
  secret: string | null;
  ifNoneMatch: string | null;
  body: unknown;
  at: number;
}

type Handler = (call: Call) => Response | Promise<Response>;

/** A recording `fetch` for the peer-request endpoints. Unhandled paths fail like a network error. */
export function requestFetch(handlers: {
  availability?: Handler;
  create?: Handler;
  status?: Handler;
  cancel?: Handler;
}) {
  const calls: Call[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.method === 'POST' ? await request.clone().text() : '';
    const call: Call = {
      url,
      method: request.method,
      key: request.headers.get('Idempotency-Key'),
      secret: request.headers.get('Request-Secret'),
      ifNoneMatch: request.headers.get('If-None-Match'),
      body: body ? JSON.parse(body) : undefined,
      at: performance.now(),
    };
    calls.push(call);
    const path = url.pathname.replace(/^\/v1/, '');
    if (path === '/availability' && handlers.availability) return handlers.availability(call);
    if (path === '/peer-requests' && request.method === 'POST' && handlers.create) return handlers.create(call);
    if (/^\/peer-requests\/[^/]+\/cancel$/.test(path) && handlers.cancel) return handlers.cancel(call);
    if (/^\/peer-requests\/[^/]+$/.test(path) && request.method === 'GET' && handlers.status)
      return handlers.status(call);
    throw new TypeError('Failed to fetch');
  };
  return {
    fetch: fetchImpl,
    calls,
    posts: () => calls.filter((call) => call.method === 'POST' && call.url.pathname.endsWith('/peer-requests')),
    polls: () => calls.filter((call) => call.method === 'GET' && /\/peer-requests\/[^/]+$/.test(call.url.pathname)),
  };
}

/** Mounts a button on a fake backend (inside an element with `lang`) and waits for its availability line. */
export async function mount(
  net: { fetch: typeof fetch },
  attributes: Partial<Record<'groups-href' | 'wait-limit' | 'consent-version' | 'lang', string>> = {},
): Promise<Button> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${attributes.lang ?? 'en'}>
      <peer-request-button
        api-base=${API}
        country="US"
        groups-href=${attributes['groups-href'] ?? ''}
        wait-limit=${attributes['wait-limit'] ?? '45'}
        consent-version=${attributes['consent-version'] ?? 'peer-request-2026-12-01'}
        .fetch=${net.fetch}
        .pollInterval=${0.05}
      ></peer-request-button>
    </div>`,
  );
  const el = wrapper.querySelector<Button>('peer-request-button')!;
  await el.updateComplete;
  await until(() => text($(el, '[part="availability"]')) !== '', 3000, 'the availability line').catch(() => {});
  return el;
}

/** Lets tests poll every 50 ms instead of 15 s. */
export function fastPolling(): void {
  before(() => {
    PeerRequestButton.minPollMs = 20;
  });
  after(() => {
    PeerRequestButton.minPollMs = 15_000;
  });
}

export async function openDialog(el: Button): Promise<HTMLDialogElement> {
  $<HTMLButtonElement>(el, '#open')!.click();
  const dialog = $<HTMLDialogElement>(el, 'dialog')!;
  await until(() => dialog.open, 2000, 'the dialog');
  await el.updateComplete;
  return dialog;
}

export async function choose(el: Button, selector: string): Promise<void> {
  const input = $<HTMLInputElement>(el, selector)!;
  if (!input) throw new Error(`no ${selector}`);
  input.click();
  await el.updateComplete;
}

export async function type(el: Button, selector: string, value: string): Promise<void> {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(el, selector)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function select(el: Button, selector: string, value: string): Promise<void> {
  const field = $<HTMLSelectElement>(el, selector)!;
  field.value = value;
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function next(el: Button): Promise<void> {
  $<HTMLButtonElement>(el, '[part="next"], [part="send"]')!.click();
  await el.updateComplete;
  await sleep(0);
  await el.updateComplete;
}

export const stepText = (el: Button) => text($(el, '[part="step-count"]'));

/** Walks the form from the danger question to the consent step (not ticked), with a topic and a note. */
export async function fillToConsent(el: Button, note = 'I feel a bit lost this term.'): Promise<void> {
  await choose(el, 'input[name="safety"][value="no"]');
  await next(el);
  await select(el, '#topic', 'loneliness');
  await type(el, '#note', note);
  await next(el); // topic → kind
  await next(el); // kind → channel
  await next(el); // channel → when
  await next(el); // when → language
  await next(el); // language → contact
  await next(el); // contact → consent
}

/** Fills everything, ticks consent and sends. */
export async function sendRequest(el: Button): Promise<void> {
  await fillToConsent(el);
  await choose(el, '#consent');
  await next(el);
}
