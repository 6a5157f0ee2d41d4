import { fixture, html } from '@open-wc/testing';
import { zonedWallTimeToInstant } from '../../../src/core/hours/zoned-time.js';
import '../../../src/elements/peer-group-finder/define.js';
import type { PeerGroupFinder } from '../../../src/elements/peer-group-finder/peer-group-finder.js';

export type Finder = PeerGroupFinder;
export const API = 'https://backend.example/v1';
export const ZONE = 'America/New_York';

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
export const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Waits until `predicate` holds (polling each frame), or fails after `ms`. */
export async function until(predicate: () => boolean, ms = 3000, what = 'a condition'): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The element's polite live region text, after the announcer's tick. */
export async function announced(el: Element): Promise<string> {
  await sleep(80);
  return text($(el, '[part="live-region"]'));
}

/** The next weekly sessions on `isoDay` (1 = Monday) at `hour`:`minute` in `zone`, from now. */
export function weeklySessions(isoDay: number, hour: number, minute: number, count = 5, zone = ZONE, minutes = 90) {
  const sessions: Array<{ startsAt: string; endsAt: string }> = [];
  const today = new Date();
  for (let offset = 0; sessions.length < count && offset < 60; offset++) {
    const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset));
    if (((day.getUTCDay() + 6) % 7) + 1 !== isoDay) continue;
    const start = zonedWallTimeToInstant(
      zone,
      day.getUTCFullYear(),
      day.getUTCMonth() + 1,
      day.getUTCDate(),
      hour,
      minute,
    );
    if (+start < Date.now()) continue;
    sessions.push({ startsAt: start.toISOString(), endsAt: new Date(+start + minutes * 60_000).toISOString() });
  }
  return sessions;
}

/** A group as `GET /groups` lists it: a Thursday evening group in New York unless told otherwise. */
export function groupSummary(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    name: `Group ${id}`,
    summary: 'A friendly group for students.',
    topics: ['stress'],
    audiences: ['students'],
    format: 'in-person',
    languages: ['en'],
    facilitator: { type: 'trained-peer' },
    dropIn: false,
    accessibility: ['step-free'],
    schedule: {
      timeZone: ZONE,
      startLocal: '2026-01-08T18:00',
      durationMinutes: 90,
      rrule: 'FREQ=WEEKLY;BYDAY=TH;UNTIL=20300601T180000',
    },
    nextOccurrences: weeklySessions(4, 18, 0),
    capacity: 12,
    spotsLeft: 5,
    waitlistEnabled: true,
    registrationStatus: 'open',
    locationHidden: false,
    location: { venue: { name: 'Wellbeing Centre', room: 'Room 2.14' } },
    ...overrides,
  };
}

/** A group as `GET /groups/{id}` gives it. */
export function groupDetail(id: string, overrides: Record<string, unknown> = {}) {
  return {
    ...groupSummary(id),
    description: 'We meet every week to talk about what is on our minds.',
    agreements: ['What is shared here stays here.', 'Speak for yourself.'],
    firstSessionInfo: 'Come a few minutes early. You can just listen.',
    attendanceRecorded: false,
    accessibilityNote: 'The room has a step-free entrance from the car park.',
    ...overrides,
  };
}

export const groupPage = (items: unknown[], nextCursor: string | null = null) => ({ items, nextCursor });

export function json(value: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function problem(status: number, title = 'Problem'): Response {
  return new Response(JSON.stringify({ type: '/problems/x', title, status }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

export interface Call {
  url: URL;
  method: string;
  key: string | null;
  token: string | null;
  body: unknown;
  signal: AbortSignal | null | undefined;
}

type Handler<A extends unknown[]> = (...args: A) => Response | Promise<Response>;

/** A recording `fetch` that answers the group endpoints with the given handlers. */
export function groupsFetch(handlers: {
  list?: Handler<[URL, Call]>;
  detail?: Handler<[string, Call]>;
  register?: Handler<[string, unknown, Call]>;
  cancel?: Handler<[string, string, Call]>;
}) {
  const calls: Call[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.method === 'POST' ? await request.clone().json() : undefined;
    const call: Call = {
      url,
      method: request.method,
      key: request.headers.get('Idempotency-Key'),
      token: request.headers.get('Registration-Token'),
      body,
      signal: init?.signal,
    };
    calls.push(call);
    const path = url.pathname.replace(/^\/v1/, '');
    let match: RegExpMatchArray | null;
    if (path === '/groups' && request.method === 'GET' && handlers.list) return handlers.list(url, call);
    if ((match = path.match(/^\/groups\/([^/]+)$/)) && handlers.detail) return handlers.detail(match[1]!, call);
    if ((match = path.match(/^\/groups\/([^/]+)\/registrations$/)) && request.method === 'POST' && handlers.register) {
      return handlers.register(match[1]!, body, call);
    }
    if ((match = path.match(/^\/groups\/([^/]+)\/registrations\/([^/]+)$/)) && handlers.cancel) {
      return handlers.cancel(match[1]!, match[2]!, call);
    }
    throw new TypeError('Failed to fetch');
  };
  return {
    fetch: fetchImpl,
    calls,
    lists: () => calls.filter((call) => call.url.pathname.endsWith('/groups') && call.method === 'GET'),
    posts: () => calls.filter((call) => call.method === 'POST'),
  };
}

/** A registration answer. */
export function registration(groupId: string, overrides: Record<string, unknown> = {}) {
  return {
    registrationId: 'reg_1',
    groupId,
    status: 'registered',
    waitlistPosition: null,
    cancelToken: 'Zx8Kq2vN0pLm4Rt7Yw1Bc6Df',
    createdAt: '2026-12-01T14:03:00Z',
    ...overrides,
  };
}

export async function mount(template: ReturnType<typeof html>): Promise<Finder> {
  const el = await fixture<Finder>(template);
  await el.updateComplete;
  return el;
}

/** Mounts a finder on the fake backend and waits for the first results. */
export async function mountWith(net: { fetch: typeof fetch }, attributes = html``): Promise<Finder> {
  const el = await mount(
    html`<peer-group-finder api-base=${API} time-zone=${ZONE} .fetch=${net.fetch}>${attributes}</peer-group-finder>`,
  );
  await until(
    () => $$(el, '[part="card"]').length > 0 || $(el, '[part="empty"]') !== null || $(el, '[part="problem"]') !== null,
    3000,
    'results',
  );
  return el;
}

/** Opens the details dialog of the card at `index` with its button, as a student would. */
export async function openCard(el: Finder, index = 0): Promise<HTMLDialogElement> {
  $$<HTMLButtonElement>(el, '[part="card-details"]')[index]!.click();
  await el.updateComplete;
  const dialog = $<HTMLDialogElement>(el, 'dialog')!;
  await until(() => dialog.open, 2000, 'the dialog');
  return dialog;
}

/** Types into a field and fires `input`, as typing would. */
export async function type(el: Finder, selector: string, value: string): Promise<void> {
  const field = $<HTMLInputElement>(el, selector)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}
