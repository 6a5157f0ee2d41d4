/**
 * A made-up backend for the peer request button's stories, served as the contract's `GET /availability`,
 * `POST /peer-requests`, `GET /peer-requests/{id}` (with ETags and 304s) and `POST …/cancel`, for the fictional
 * Northfield University. Each story picks how busy the service is and how the request moves along. Nothing here is
 * kept anywhere but in this module's memory.
 */

export const STORY_API = 'https://northfield.example/api/v1';

const HOURS = {
  timeZone: 'America/New_York',
  alwaysOpen: false,
  weekly: ['mon', 'tue', 'wed', 'thu', 'sun'].map((day) => ({ day, opens: '10:00', closes: '22:00' })),
};

export type Busyness = 'on-shift' | 'nobody' | 'closed' | 'long-wait';

export function storyAvailability(busyness: Busyness) {
  const open = busyness === 'on-shift' || busyness === 'long-wait';
  const tomorrow = new Date(Date.now() + 86_400_000);
  tomorrow.setHours(10, 0, 0, 0);
  return {
    open,
    withinHours: busyness !== 'closed',
    supportersOnShift: open ? 2 : 0,
    queueLength: busyness === 'long-wait' ? 14 : open ? 1 : 0,
    expectedWaitMinutes: busyness === 'long-wait' ? 75 : open ? 10 : null,
    channels: open ? ['chat', 'call'] : [],
    hours: HOURS,
    nextOpenAt: busyness === 'closed' ? tomorrow.toISOString() : null,
    acceptsScheduled: true,
    asOf: new Date().toISOString(),
  };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** A promise that never settles until `signal` aborts (a request that hangs). */
export const never = (signal: AbortSignal | null | undefined) =>
  new Promise<Response>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));

export interface RequestBackendOptions {
  busyness?: Busyness;
  /** The status the request moves to on the first poll after it is made (default: it stays waiting). */
  then?: { status: string; supporterName?: string; joinUrl?: string };
  /** Every POST fails like a dropped connection. */
  failPost?: boolean;
  /** Every POST is refused with this status (e.g. 400: the server did not take the request). */
  refusePost?: number;
  /** `GET /availability` never answers. */
  hangAvailability?: boolean;
}

/** A `fetch` that answers the peer-request endpoints of the contract. */
export function requestBackend(options: RequestBackendOptions = {}): typeof fetch {
  const availability = () => storyAvailability(options.busyness ?? 'on-shift');
  let request: Record<string, unknown> | undefined;
  let polls = 0;
  const etag = () => `W/"${String(request?.['status'])}-${polls > 0 && options.then ? 'then' : 'now'}"`;
  return async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const path = url.pathname.replace(/^\/api\/v1/, '');
    if (path === '/availability') {
      if (options.hangAvailability) return never(init?.signal);
      return json(availability());
    }
    if (path === '/peer-requests' && method === 'POST') {
      if (options.failPost) throw new TypeError('Failed to fetch');
      if (options.refusePost) {
        const status = options.refusePost;
        return json({ type: '/problems/validation', title: 'Invalid', status }, status, {
          'Content-Type': 'application/problem+json',
        });
      }
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      const now = availability();
      request = {
        requestId: 'pr_story1',
        status: 'queued',
        position: now.queueLength + 1,
        expectedWaitMinutes: now.expectedWaitMinutes,
        topic: body['topic'],
        supportKind: body['supportKind'],
        channel: body['channel'],
        when: body['when'],
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
        availability: now,
      };
      return json({ ...request, secret: 'Story-Code-4kQ9TzM28wXa' }, 201);
    }
    const match = path.match(/^\/peer-requests\/([^/]+)(\/cancel)?$/);
    // A request made earlier (another day, another device), for the "I have a code" stories.
    if (match?.[1] === 'pr_story1' && !request) {
      const now = availability();
      request = {
        requestId: 'pr_story1',
        status: 'queued',
        position: 2,
        expectedWaitMinutes: now.expectedWaitMinutes,
        topic: 'loneliness',
        supportKind: 'listen',
        channel: 'chat',
        when: { mode: 'asap' },
        createdAt: new Date(Date.now() - 600_000).toISOString(),
        updatedAt: new Date().toISOString(),
        availability: now,
      };
    }
    if (match && request) {
      if (match[2]) {
        request = { ...request, status: 'cancelled', position: null, expectedWaitMinutes: null };
        return json(request);
      }
      if (polls++ === 0 && options.then && request['status'] === 'queued') {
        request = { ...request, ...options.then, position: null, expectedWaitMinutes: null };
      }
      const tag = etag();
      const sent = new Headers(init?.headers).get('If-None-Match');
      if (sent === tag) return new Response(null, { status: 304, headers: { ETag: tag } });
      return json(request, 200, { ETag: tag });
    }
    return json({ type: 'about:blank', title: 'Not Found', status: 404 }, 404);
  };
}
