import type { PeerCrisisResources } from '../../src/elements/peer-crisis-resources/peer-crisis-resources.js';
import type { RequestController } from '../../src/core/request/request-controller.js';

/** Resolves when the panel's data request has settled and the panel has re-rendered with its outcome. */
export async function settled(el: PeerCrisisResources): Promise<void> {
  await el.updateComplete;
  await (el as unknown as { remote: RequestController<readonly unknown[], unknown> }).remote.settled();
  await el.updateComplete;
}

/** Crisis data for tests, in the contract's CrisisResourceList format. */
export function campusService(overrides: Record<string, unknown> = {}) {
  return {
    id: 'test-campus-counselling',
    name: 'Test Campus Counselling',
    description: 'Talk to a counsellor on campus.',
    country: 'US',
    subdivisions: ['US-MA'],
    scope: 'campus',
    topics: ['general'],
    audiences: ['students'],
    languages: ['en'],
    humanSupport: 'professional',
    free: true,
    anonymous: false,
    isEmergency: false,
    priority: 500,
    pairedWith: [],
    verifiedAt: '2026-11-01',
    source: { name: 'Test campus', url: 'https://campus.example/help' },
    contactMethods: [
      {
        type: 'phone',
        value: '+15555550140',
        displayValue: '555-555-0140',
        hours: {
          timeZone: 'America/New_York',
          alwaysOpen: false,
          weekly: ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, opens: '09:00', closes: '17:00' })),
        },
      },
    ],
    ...overrides,
  };
}

export function listOf(items: unknown[], extra: Record<string, unknown> = {}) {
  return { items, generatedAt: '2026-11-24T00:00:00Z', ...extra };
}

/** A replacement fetch that answers every request with the given body and status, and records the URLs. */
export function answering(body: unknown, init: { status?: number; contentType?: string } = {}) {
  const urls: string[] = [];
  const fetcher: typeof fetch = async (input) => {
    urls.push(String(input));
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status: init.status ?? 200,
      headers: { 'content-type': init.contentType ?? 'application/json' },
    });
  };
  return { fetch: fetcher, urls };
}

/** A fetch that never answers (until aborted): a backend slower than any time limit. */
export const neverAnswers: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () =>
      reject(init.signal?.reason ?? new DOMException('aborted', 'AbortError')),
    );
  });
