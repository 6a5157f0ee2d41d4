/**
 * A made-up backend for the supporter inbox's stories: the contract's supporter endpoints over three requests from
 * students of the fictional Northfield University, in memory. Any password signs in; the sign-in name picks the
 * account: `sam` (a trained supporter), `jordan` (a supervisor), `riley` (training not recorded), `morgan` (training
 * expired); `wrong` is refused as wrong details. Nothing is kept after the story; every address is on .example.
 */

export const STORY_INBOX_API = 'https://northfield.example/api/v1';

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

/** Never answers, until the caller aborts. */
export const never = (signal?: AbortSignal | null) =>
  new Promise<Response>((_resolve, reject) =>
    signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
  );

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

const ACCOUNTS: Record<string, { id: string; displayName: string; roles: string[]; training: unknown }> = {
  sam: {
    id: 'sup_sam',
    displayName: 'Sam',
    roles: ['supporter'],
    training: { current: true, expiresOn: '2027-09-01' },
  },
  jordan: {
    id: 'sup_jordan',
    displayName: 'Jordan',
    roles: ['supporter', 'supervisor'],
    training: { current: true, expiresOn: '2027-09-01' },
  },
  riley: { id: 'sup_riley', displayName: 'Riley', roles: ['supporter'], training: { current: false, expiresOn: null } },
  morgan: {
    id: 'sup_morgan',
    displayName: 'Morgan',
    roles: ['supporter'],
    training: { current: false, expiresOn: '2026-09-01' },
  },
};

interface Options {
  /** What the queue answers; the default is the three requests. */
  queue?: (signal?: AbortSignal | null) => Promise<Response>;
  /** The requests, instead of the default three. */
  requests?: Array<Record<string, unknown>>;
  /**
   * Actions the server saves but whose every answer is lost on the way back, as a dropped connection loses it (for
   * example `'POST /claim'`): the element cannot know whether they landed.
   */
  lose?: Action[];
}

/** Actions whose retries (one lost answer each) change nothing more: not notes, which this backend keeps no key for. */
type Action = 'POST /claim' | 'PATCH ' | 'POST /escalate' | 'POST /close';

function defaultRequests(): Array<Record<string, unknown>> {
  const base = { supportKind: 'listen', language: 'en', position: null, claimedBy: null, noteCount: 0 };
  return [
    {
      ...base,
      requestId: 'pr_NF1001',
      status: 'escalated-to-professional',
      topic: 'low-mood',
      channel: 'chat',
      when: { mode: 'asap' },
      contactMethod: 'anonymous-code',
      escalation: {
        id: 'esc_1',
        reason: 'risk-to-life',
        createdAt: minutesAgo(5),
        createdBy: { id: 'sup_alex', displayName: 'Alex' },
        acknowledgedAt: null,
      },
      createdAt: minutesAgo(40),
      updatedAt: minutesAgo(5),
    },
    {
      ...base,
      requestId: 'pr_NF1002',
      status: 'queued',
      topic: 'loneliness',
      channel: 'chat',
      when: { mode: 'asap' },
      contactMethod: 'email',
      position: 1,
      note: 'I moved here this term and I do not really know anyone yet.',
      contact: { method: 'email', email: 'river@northfield.example' },
      createdAt: minutesAgo(12),
      updatedAt: minutesAgo(12),
    },
    {
      ...base,
      requestId: 'pr_NF1003',
      status: 'queued',
      topic: 'studies',
      supportKind: 'finding-services',
      channel: 'call',
      when: { mode: 'scheduled', at: inHours(3) },
      language: 'es',
      contactMethod: 'phone',
      position: 2,
      contact: { method: 'phone', phone: '+15555550123', textOk: true },
      createdAt: minutesAgo(90),
      updatedAt: minutesAgo(90),
    },
  ];
}

/** The supporter endpoints as a `fetch`. */
export function inboxBackend(options: Options = {}): typeof fetch {
  const requests = options.requests ?? defaultRequests();
  const notes = new Map<string, Array<Record<string, unknown>>>();
  let me = ACCOUNTS['sam']!;
  const supervisor = () => me.roles.includes('supervisor');
  const view = (request: Record<string, unknown>) => {
    const holder = (request['claimedBy'] as { id: string } | null)?.id;
    if (supervisor() || holder === me.id) return request;
    const { note: _note, contact: _contact, ...rest } = request;
    return rest;
  };
  return async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : (input as Request).url);
    const path = url.pathname.replace('/api/v1', '');
    const method = init?.method ?? 'GET';
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
    if (path === '/supporter/sessions' && method === 'POST') {
      const account = ACCOUNTS[String(body['login'])];
      if (!account) return json({ type: 'about:blank', title: 'Please sign in', status: 401 }, 401);
      me = account;
      return json(
        { token: 'story-token-0123456789abcdef', tokenType: 'Bearer', expiresAt: inHours(8), supporter: account },
        201,
      );
    }
    if (path === '/supporter/sessions/current' && method === 'DELETE') return new Response(null, { status: 204 });
    if (path === '/supporter/profile') return json(me);
    if (path === '/supporter/queue') {
      if (options.queue) return options.queue(init?.signal);
      const statuses = url.searchParams.getAll('status');
      const shown = requests.filter((request) =>
        (statuses.length ? statuses : ['queued', 'claimed', 'in-progress']).includes(String(request['status'])),
      );
      return json({ items: shown.map(view), nextCursor: null });
    }
    const match = /^\/supporter\/requests\/([^/]+)(\/\w+)?$/.exec(path);
    const request = match && requests.find((item) => item['requestId'] === match[1]);
    if (!match || !request) return json({ type: 'about:blank', title: 'Not found', status: 404 }, 404);
    const action = `${method} ${match[2] ?? ''}`;
    const answer = act(request, match[1]!, action, body);
    // Saved first, then the answer lost: what the element meets when a connection drops after the server's commit.
    if (options.lose?.includes(action as Action)) throw new TypeError('Failed to fetch');
    return answer;
  };

  function act(request: Record<string, unknown>, id: string, action: string, body: Record<string, unknown>) {
    const now = new Date().toISOString();
    switch (action) {
      case 'POST /claim': {
        if (!(me.training as { current: boolean }).current) {
          return json({ type: 'about:blank', title: 'Not allowed', status: 403 }, 403);
        }
        Object.assign(request, { status: 'claimed', claimedBy: { id: me.id, displayName: me.displayName } });
        Object.assign(request, { claimedAt: now, position: null, updatedAt: now });
        return json(view(request));
      }
      case 'PATCH ':
        Object.assign(request, { status: body['status'], updatedAt: now });
        return json(view(request));
      case 'POST /escalate':
        Object.assign(request, {
          status: 'escalated-to-professional',
          updatedAt: now,
          escalation: { id: 'esc_2', reason: body['reason'], createdAt: now, createdBy: me, acknowledgedAt: null },
        });
        return json(view(request), 201);
      case 'POST /close': {
        const { contact: _contact, ...rest } = request;
        Object.keys(request).forEach((key) => delete request[key]);
        Object.assign(request, rest, { status: 'closed', outcome: body['outcome'], closedAt: now, updatedAt: now });
        return json(view(request));
      }
      case 'GET /notes':
        return json({ items: notes.get(id) ?? [] });
      case 'POST /notes': {
        const note = {
          id: `note_${Date.now()}`,
          requestId: id,
          kind: body['kind'] ?? 'note',
          text: body['text'],
          author: { id: me.id, displayName: me.displayName },
          createdAt: now,
        };
        notes.set(id, [...(notes.get(id) ?? []), note]);
        return json(note, 201);
      }
      default:
        return json({ type: 'about:blank', title: 'Not found', status: 404 }, 404);
    }
  }
}
