import { fixture, html } from '@open-wc/testing';
import '../../../src/elements/peer-check-in/define.js';
import type { PeerCheckIn } from '../../../src/elements/peer-check-in/peer-check-in.js';

export type CheckIn = PeerCheckIn;

/** The check-in's shadow root, for queries. */
export const shadow = (el: Element) => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

/** Clicks the answer labelled `text` (a radio or checkbox), as a student would. */
export async function choose(el: CheckIn, name: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `input[name="${name}"][value="${value}"]`);
  if (!input) throw new Error(`no input ${name}=${value}`);
  input.click();
  await el.updateComplete;
}

/** Submits the form with its button. */
export async function submit(el: CheckIn): Promise<void> {
  $<HTMLButtonElement>(el, '[part="submit"]')!.click();
  await el.updateComplete;
}

/** The element's polite live region text. */
export async function announced(el: CheckIn): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 80));
  return $(el, '[part="live-region"]')?.textContent?.trim() ?? '';
}

/** A recording fetch that answers `/config` and `/check-ins` with the given handlers. */
export function recordingFetch(handlers: {
  config?: () => Response | Promise<Response>;
  checkIns?: (request: Request, body: unknown) => Response | Promise<Response>;
}) {
  const calls: Array<{ url: string; method: string; key: string | null; body: unknown }> = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const body = request.method === 'POST' ? await request.clone().json() : undefined;
    calls.push({ url: request.url, method: request.method, key: request.headers.get('Idempotency-Key'), body });
    if (request.url.endsWith('/config')) {
      return handlers.config ? handlers.config() : Promise.reject(new TypeError('Failed to fetch'));
    }
    if (request.url.endsWith('/check-ins') && handlers.checkIns) return handlers.checkIns(request, body);
    throw new TypeError('Failed to fetch');
  };
  return { fetch: fetchImpl, calls, posts: () => calls.filter((call) => call.method === 'POST') };
}

export function json(value: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(value), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export const campusConfig = (checkIn: Record<string, unknown> = {}) => ({
  campusName: 'Test University',
  timeZone: 'America/New_York',
  defaultLocale: 'en',
  locales: ['en', 'es'],
  country: 'US',
  features: { checkIn: true, groups: true, peerRequests: true, crisisResources: true },
  peerSupportHours: { timeZone: 'America/New_York', alwaysOpen: false, weekly: [] },
  retentionDays: 30,
  counsellingUrl: 'https://counselling.example.edu/',
  checkIn: {
    topics: ['exams', 'sleep', 'money'],
    emotions: ['tired', 'anxious'],
    followUp: true,
    followUpWorkingDays: 2,
    ...checkIn,
  },
});

export const checkInResult = (suggestions: unknown[] = [{ kind: 'peer', reason: 'general', urgent: false }]) => ({
  id: 'ci_test_1',
  receivedAt: '2026-11-30T12:00:00Z',
  instrument: 'mood',
  suggestions,
});

export async function mount(template = html`<peer-check-in></peer-check-in>`): Promise<CheckIn> {
  const el = await fixture<CheckIn>(template);
  await el.updateComplete;
  return el;
}

/** Waits until `predicate` holds (polling each frame), or fails after `ms`. */
export async function until(predicate: () => boolean, ms = 3000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
