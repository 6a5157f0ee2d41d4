import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { Schemas } from '../contract/api-types.ts';
import { HttpProblem } from '../http/problem.ts';
import { validationProblem } from '../http/validation-problem.ts';
import type { StoredResponse } from '../idempotency/idempotency-store.ts';
import { newRequestSecret, secretHash } from '../peer-requests/request-ids.ts';
import {
  applyAction,
  findRequest,
  findRequestInQueue,
  insertRequest,
  lockRequest,
  type PeerRequestCreate,
} from '../peer-requests/request-repository.ts';
import { canTake } from '../peer-requests/request-states.ts';
import { matchesTag, statusTag, statusView } from '../peer-requests/request-views.ts';
import { clientAddress } from '../rate-limit/client-address.ts';
import type { HandlerMap } from './handler-types.ts';

/** The contract's answer while the campus does not take peer requests through this service (GET /config features). */
export async function requirePeerRequestsFeature(c: Context<AppEnv>): Promise<void> {
  const campus = await c.var.deps.campusConfig.get();
  if (!campus.features.peerRequests) {
    throw new HttpProblem(501, { detail: 'This campus does not take peer support requests through this service.' });
  }
}

/** The contract's window for a request at a chosen time: at least 15 minutes and at most 30 days ahead. */
const SCHEDULE_MIN_MS = 15 * 60_000;
const SCHEDULE_MAX_MS = 30 * 86_400_000;

function timingErrors(request: PeerRequestCreate, now: Date) {
  if (request.when.mode !== 'scheduled') return [];
  const ahead = Date.parse(request.when.at) - now.getTime();
  if (Number.isNaN(ahead) || ahead < SCHEDULE_MIN_MS || ahead > SCHEDULE_MAX_MS) {
    return [{ field: '/body/when/at', message: 'must be at least 15 minutes and at most 30 days from now' }];
  }
  return [];
}

const NOT_FOUND = 'No request matches this id and code. Requests are deleted some time after they end.';

/** Whether `secret` is the request's code, compared in constant time. */
function secretMatches(stored: string, secret: string): boolean {
  return timingSafeEqual(Buffer.from(stored, 'hex'), Buffer.from(secretHash(secret), 'hex'));
}

export const peerRequestHandlers: HandlerMap = {
  /** Public and the same for everyone, so shared caches may keep it briefly (the contract allows 30 s). */
  'GET /availability': async (c) => {
    await requirePeerRequestsFeature(c);
    const { db, peerRequests } = c.var.deps;
    const picture = await (await peerRequests.availability.prepare())(db, new Date());
    return c.json(picture.availability, 200, { 'Cache-Control': 'public, max-age=15' });
  },

  /**
   * Queues the request, its first audit-log entry and the answer to replay for its Idempotency-Key in one
   * transaction. The answer carries the secret, shown this once, and the honest availability, also when nobody is
   * on shift. Nothing from the body is logged, and the client's address only counts toward its rate limit.
   */
  'POST /peer-requests': async (c, input) => {
    await requirePeerRequestsFeature(c);
    const { db, peerRequests, contract } = c.var.deps;
    const request = input.body as PeerRequestCreate;
    const errors = timingErrors(request, new Date());
    if (errors.length > 0) throw validationProblem(errors);
    if (peerRequests.rateLimiter) {
      const outcome = await peerRequests.rateLimiter.hit(clientAddress(c, c.var.deps.clientAddress));
      if (!outcome.allowed) {
        throw new HttpProblem(429, {
          detail: 'Many requests have come from this network in a short time. Please try again a little later.',
          headers: { 'Retry-After': String(outcome.retryAfterSeconds) },
        });
      }
    }
    const pictureAt = await peerRequests.availability.prepare();
    const secret = newRequestSecret();
    const answer = await db.transaction(async (tx) => {
      const id = await insertRequest(tx, request, secret);
      const { row, queueLength } = (await findRequestInQueue(tx, id))!;
      const picture = await pictureAt(tx, new Date(), queueLength);
      const created: Schemas['PeerRequestCreated'] = {
        requestId: row.id,
        secret,
        status: row.status,
        position: row.position,
        expectedWaitMinutes: row.position === null ? null : picture.waitFor(row.position),
        createdAt: row.created_at.toISOString(),
        availability: picture.availability,
      };
      const stored: StoredResponse = {
        status: 201,
        headers: {
          'content-type': 'application/json',
          location: `${contract.basePath}/peer-requests/${encodeURIComponent(id)}`,
        },
        body: JSON.stringify(created),
      };
      await c.var.idempotencyClaim?.completeWithin(tx, stored);
      return stored;
    });
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  },

  /** The status for the student who holds the code; 304 when it has not changed since their last poll. */
  'GET /peer-requests/{requestId}': async (c, input) => {
    await requirePeerRequestsFeature(c);
    const { db, peerRequests } = c.var.deps;
    const pictureAt = await peerRequests.availability.prepare();
    const found = await findRequestInQueue(db, input.path.requestId as string);
    if (!found || !secretMatches(found.row.secret_hash, input.headers['request-secret'] as string)) {
      throw new HttpProblem(404, { detail: NOT_FOUND });
    }
    const status = statusView(found.row, await pictureAt(db, new Date(), found.queueLength));
    const tag = statusTag(status);
    if (matchesTag(input.headers['if-none-match'] as string | undefined, tag)) {
      return c.body(null, 304, { ETag: tag });
    }
    return c.json(status, 200, { ETag: tag });
  },

  /**
   * Cancels by the student, with the code: the contact details go at once, the note with the rest after the
   * retention period. Cancelling again answers the same; a closed or escalated request is not theirs to cancel.
   */
  'POST /peer-requests/{requestId}/cancel': async (c, input) => {
    await requirePeerRequestsFeature(c);
    const { db, peerRequests } = c.var.deps;
    const pictureAt = await peerRequests.availability.prepare();
    const id = input.path.requestId as string;
    const row = await db.transaction(async (tx) => {
      const locked = await lockRequest(tx, id);
      if (!locked || !secretMatches(locked.secret_hash, input.headers['request-secret'] as string)) {
        throw new HttpProblem(404, { detail: NOT_FOUND });
      }
      if (locked.status !== 'cancelled') {
        if (!canTake('cancel', locked.status)) {
          throw new HttpProblem(409, {
            detail:
              locked.status === 'closed'
                ? 'This request is already closed.'
                : 'A professional has taken this request over, so it cannot be cancelled here.',
          });
        }
        await applyAction(tx, locked, 'cancel', 'cancelled', { kind: 'student' });
      }
      return (await findRequest(tx, id))!;
    });
    return c.json(statusView(row, await pictureAt(db, new Date())), 200);
  },
};
