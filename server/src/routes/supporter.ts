import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { JsonBodyOf, Schemas } from '../contract/api-types.ts';
import type { Queryable } from '../db/database.ts';
import { sendInBackground } from '../email/send-in-background.ts';
import { todayIn } from '../hours/time-zones.ts';
import { HttpProblem } from '../http/problem.ts';
import type { StoredResponse } from '../idempotency/idempotency-store.ts';
import { escalationEmail } from '../peer-requests/escalation-email.ts';
import { decodeQueueCursor, encodeQueueCursor } from '../peer-requests/queue-cursor.ts';
import {
  applyAction,
  findRequest,
  insertEscalation,
  insertNote,
  listNotes,
  lockRequest,
  queuePage,
  type RequestRow,
} from '../peer-requests/request-repository.ts';
import {
  canTake,
  OPEN_STATES,
  TRANSITIONS,
  type PeerRequestState,
  type RequestAction,
} from '../peer-requests/request-states.ts';
import { mayReadPrivate, noteView, supporterView, type Viewer } from '../peer-requests/request-views.ts';
import { clientAddress } from '../rate-limit/client-address.ts';
import type { Supporter } from '../supporters/supporter-repository.ts';
import { profileView } from '../supporters/profile-view.ts';
import { endSession } from '../supporters/sessions.ts';
import { trainingIsCurrent } from '../supporters/training.ts';
import type { HandlerMap } from './handler-types.ts';
import { requirePeerRequestsFeature } from './peer-requests.ts';

/** The signed-in supporter (403 for an account that cannot work on requests) and how they see requests. */
async function signedIn(c: Context<AppEnv>): Promise<{ supporter: Supporter; viewer: Viewer }> {
  await requirePeerRequestsFeature(c);
  const supporter = c.var.deps.peerRequests.auth.supporterOf(c.req.raw);
  return { supporter, viewer: { supporterId: supporter.id, supervisor: supporter.roles.includes('supervisor') } };
}

async function campusToday(c: Context<AppEnv>): Promise<string> {
  return todayIn((await c.var.deps.campusConfig.get()).timeZone);
}

const conflict = (detail: string) => new HttpProblem(409, { detail });

const NOT_FOUND = 'No request has this id.';

type Locked = NonNullable<Awaited<ReturnType<typeof lockRequest>>>;

/** What a change asks for: an action to take, nothing (a harmless repeat), or a refusal thrown by the decider. */
type Decision = { action: RequestAction; outcome?: Schemas['CloseOutcome'] } | 'unchanged';

/**
 * Decides and makes one change under the request's row lock, so two supporters acting at once are served one after
 * the other: the second sees the first one's result.
 */
async function change(
  c: Context<AppEnv>,
  supporter: Supporter,
  id: string,
  decide: (locked: Locked) => Decision,
): Promise<RequestRow> {
  return c.var.deps.db.transaction(async (tx) => {
    const locked = await lockRequest(tx, id);
    if (!locked) throw new HttpProblem(404, { detail: NOT_FOUND });
    const decision = decide(locked);
    if (decision !== 'unchanged') {
      const actor = { kind: 'supporter', supporterId: supporter.id } as const;
      await applyAction(tx, locked, decision.action, TRANSITIONS[decision.action].to, actor, decision.outcome);
    }
    return (await findRequest(tx, id))!;
  });
}

/** 409 for a state the action cannot start from, worded for the inbox. */
function refuseState(status: PeerRequestState): never {
  const words: Record<PeerRequestState, string> = {
    queued: 'This request is waiting in the queue: claim it first.',
    claimed: 'This request has been claimed.',
    'in-progress': 'This conversation is already under way.',
    closed: 'This request is closed.',
    cancelled: 'The student cancelled this request.',
    'escalated-to-professional': 'This request has been handed to the on-call professional.',
  };
  throw conflict(words[status]);
}

const isHolder = (locked: Locked, supporter: Supporter) => locked.claimed_by === supporter.id;

export const supporterHandlers: HandlerMap = {
  /**
   * Signs a supporter in. The rate limit is counted before any password work, so a flood of guesses costs the
   * server one upsert each. Every failure is the same 401.
   */
  'POST /supporter/sessions': async (c, input) => {
    await requirePeerRequestsFeature(c);
    const { db, peerRequests } = c.var.deps;
    if (peerRequests.signInRateLimiter) {
      const outcome = await peerRequests.signInRateLimiter.hit(clientAddress(c, c.var.deps.clientAddress));
      if (!outcome.allowed) {
        throw new HttpProblem(429, {
          detail: 'Too many sign-in attempts from this network. Please wait and try again.',
          headers: { 'Retry-After': String(outcome.retryAfterSeconds) },
        });
      }
    }
    const body = input.body as JsonBodyOf<'createSupporterSession'>;
    const signed = await peerRequests.signIn.attempt(db, body.login, body.password);
    if (!signed) {
      throw new HttpProblem(401, {
        detail: 'That sign-in name and password do not match an account.',
        headers: { 'WWW-Authenticate': 'Bearer realm="peer-support"' },
      });
    }
    const session: Schemas['SupporterSession'] = {
      token: signed.token,
      tokenType: 'Bearer',
      expiresAt: signed.expiresAt.toISOString(),
      supporter: profileView(signed.supporter, await campusToday(c)),
    };
    return c.json(session, 201);
  },

  /**
   * Signs out: deletes the session of the token that authorised this request, so its next use answers 401. A token
   * that has already ended never gets here (the security check answers 401). No feature check: a session can always
   * be ended, even after the campus stops taking requests.
   */
  'DELETE /supporter/sessions/current': async (c) => {
    const { token } = c.var.deps.peerRequests.auth.accountOf(c.req.raw);
    await endSession(c.var.deps.db, token);
    return c.body(null, 204);
  },

  /** Who is signed in, for a page that signed the supporter in itself: any account, whatever its roles. */
  'GET /supporter/profile': async (c) => {
    await requirePeerRequestsFeature(c);
    const { supporter } = c.var.deps.peerRequests.auth.accountOf(c.req.raw);
    return c.json(profileView(supporter, await campusToday(c)), 200);
  },

  /** Requests in queue order (when due, then id); the note and contact only on those the caller may read. */
  'GET /supporter/queue': async (c, input) => {
    const { supporter, viewer } = await signedIn(c);
    const query = input.query as { status?: PeerRequestState[]; mine?: boolean; cursor?: string; limit?: number };
    const limit = query.limit!;
    const rows = await queuePage(c.var.deps.db, {
      statuses: query.status ?? OPEN_STATES,
      ...(query.mine ? { claimedBy: supporter.id } : {}),
      ...(query.cursor ? { after: decodeQueueCursor(query.cursor) } : {}),
      limit,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const queue: Schemas['SupporterQueue'] = {
      items: page.map((row) => supporterView(row, viewer)),
      nextCursor: rows.length > limit && last ? encodeQueueCursor({ dueAt: last.due_at, id: last.id }) : null,
    };
    return c.json(queue, 200);
  },

  /**
   * Starts the conversation (claimed -> in-progress, the holder only) or hands the request back to the queue (the
   * holder, or a supervisor when a supporter has left it). The student keeps their place: it goes by due time.
   */
  'PATCH /supporter/requests/{requestId}': async (c, input) => {
    const { supporter, viewer } = await signedIn(c);
    const wanted = (input.body as Schemas['SupporterStatusChange']).status;
    const row = await change(c, supporter, input.path.requestId as string, (locked) => {
      if (wanted === 'in-progress') {
        if (locked.status === 'in-progress' && isHolder(locked, supporter)) return 'unchanged';
        if (!canTake('start', locked.status)) refuseState(locked.status);
        if (!isHolder(locked, supporter)) throw conflict('Someone else has claimed this request.');
        return { action: 'start' };
      }
      if (locked.status === 'queued') return 'unchanged';
      if (!canTake('hand-back', locked.status)) refuseState(locked.status);
      if (!isHolder(locked, supporter) && !viewer.supervisor) throw conflict('Someone else has claimed this request.');
      return { action: 'hand-back' };
    });
    return c.json(supporterView(row, viewer), 200);
  },

  /**
   * Claims a queued request. Only supporters whose training is recorded as complete and not expired (on the
   * campus's calendar) may: anyone else gets 403, whatever the request's state.
   */
  'POST /supporter/requests/{requestId}/claim': async (c, input) => {
    const { supporter, viewer } = await signedIn(c);
    if (!trainingIsCurrent(supporter.training, await campusToday(c))) {
      throw new HttpProblem(403, {
        detail: 'Only supporters whose training is complete and up to date can claim requests.',
      });
    }
    const row = await change(c, supporter, input.path.requestId as string, (locked) => {
      const held = locked.status === 'claimed' || locked.status === 'in-progress';
      if (held && isHolder(locked, supporter)) return 'unchanged';
      if (held) throw conflict('Someone else has already claimed this request.');
      if (!canTake('claim', locked.status)) refuseState(locked.status);
      return { action: 'claim' };
    });
    return c.json(supporterView(row, viewer), 200);
  },

  /**
   * Hands an open request to the on-call professional. Any signed-in supporter may, trained or not: risk to life is
   * never left with a peer alone. The alert is emailed once the change has committed; a retry with the same
   * Idempotency-Key is answered from the stored response and alerts nobody again.
   */
  'POST /supporter/requests/{requestId}/escalate': async (c, input) => {
    const { supporter, viewer } = await signedIn(c);
    const body = input.body as Schemas['EscalationCreate'];
    const { db, peerRequests, mailer, logger, campusConfig } = c.var.deps;
    const { response, row } = await db.transaction(async (tx) => {
      const locked = await lockRequest(tx, input.path.requestId as string);
      if (!locked) throw new HttpProblem(404, { detail: NOT_FOUND });
      if (!canTake('escalate', locked.status)) refuseState(locked.status);
      await applyAction(tx, locked, 'escalate', 'escalated-to-professional', {
        kind: 'supporter',
        supporterId: supporter.id,
      });
      await insertEscalation(tx, locked.id, body.reason, supporter.id);
      if (body.note) await insertNote(tx, locked.id, 'safety', body.note, supporter.id);
      const escalated = (await findRequest(tx, locked.id))!;
      const stored: StoredResponse = {
        status: 201,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(supporterView(escalated, viewer)),
      };
      await c.var.idempotencyClaim?.completeWithin(tx, stored);
      return { response: stored, row: escalated };
    });
    logger.warn('peer request escalated', { requestId: row.id, reason: body.reason });
    if (peerRequests.onCallEmail) {
      const campus = await campusConfig.get();
      void sendInBackground(
        mailer,
        escalationEmail({
          to: peerRequests.onCallEmail,
          campusName: campus.campusName,
          timeZone: campus.timeZone,
          requestId: row.id,
          reason: body.reason,
          escalatedAt: row.escalated_at!,
          escalatedBy: supporter.displayName,
          channel: row.channel,
          language: row.language,
          contactMethod: row.contact_method,
          ...(peerRequests.inboxUrl ? { inboxUrl: peerRequests.inboxUrl } : {}),
        }),
        logger,
        'escalation',
      );
    } else {
      logger.error('escalation alert not sent: ON_CALL_EMAIL is not set', { requestId: row.id });
    }
    return new Response(response.body, { status: response.status, headers: response.headers });
  },

  /**
   * Closes with an outcome: a claimed or in-progress request by its holder (or a supervisor), an escalated one by a
   * supervisor, its holder or the supporter who escalated it. The contact details are deleted as it closes; the
   * optional note is kept as a note. Closing again with the same outcome changes nothing.
   */
  'POST /supporter/requests/{requestId}/close': async (c, input) => {
    const { supporter, viewer } = await signedIn(c);
    const body = input.body as Schemas['CloseRequest'];
    const { db } = c.var.deps;
    const id = input.path.requestId as string;
    const escalatedBy = async (tx: Queryable) =>
      (
        await tx.query<{ created_by: string }>(
          `SELECT created_by FROM peer_request_escalations WHERE request_id = $1`,
          [id],
        )
      )[0]?.created_by;
    const { row } = await db.transaction(async (tx) => {
      const locked = await lockRequest(tx, id);
      if (!locked) throw new HttpProblem(404, { detail: NOT_FOUND });
      if (locked.status === 'closed') {
        if (locked.outcome === body.outcome) return { row: (await findRequest(tx, id))! };
        throw conflict('This request is already closed with another outcome.');
      }
      if (!canTake('close', locked.status)) refuseState(locked.status);
      if (locked.status === 'escalated-to-professional') {
        const involved = isHolder(locked, supporter) || (await escalatedBy(tx)) === supporter.id;
        if (!viewer.supervisor && !involved) {
          throw new HttpProblem(403, { detail: 'A supervisor closes escalated requests.' });
        }
      } else if (!isHolder(locked, supporter) && !viewer.supervisor) {
        throw conflict('Someone else has claimed this request.');
      }
      const actor = { kind: 'supporter', supporterId: supporter.id } as const;
      await applyAction(tx, locked, 'close', 'closed', actor, body.outcome);
      if (body.note) await insertNote(tx, id, 'note', body.note, supporter.id);
      return { row: (await findRequest(tx, id))! };
    });
    return c.json(supporterView(row, viewer), 200);
  },

  /** The notes, oldest first, for the holder and supervisors only. */
  'GET /supporter/requests/{requestId}/notes': async (c, input) => {
    const { viewer } = await signedIn(c);
    const { db } = c.var.deps;
    const row = await findRequest(db, input.path.requestId as string);
    if (!row) throw new HttpProblem(404, { detail: NOT_FOUND });
    if (!mayReadPrivate(row, viewer)) {
      throw new HttpProblem(403, {
        detail: 'Only the supporter who claimed this request, and supervisors, read its notes.',
      });
    }
    const notes: Schemas['SupporterNoteList'] = { items: (await listNotes(db, row.id)).map(noteView) };
    return c.json(notes, 200);
  },

  /** Adds a note (never edited, never logged), stored with its answer for the Idempotency-Key in one transaction. */
  'POST /supporter/requests/{requestId}/notes': async (c, input) => {
    const { supporter, viewer } = await signedIn(c);
    const body = input.body as Schemas['SupporterNoteCreate'];
    const answer = await c.var.deps.db.transaction(async (tx) => {
      const locked = await lockRequest(tx, input.path.requestId as string);
      if (!locked) throw new HttpProblem(404, { detail: NOT_FOUND });
      if (!mayReadPrivate(locked, viewer)) {
        throw new HttpProblem(403, {
          detail: 'Only the supporter who claimed this request, and supervisors, add notes.',
        });
      }
      const note = await insertNote(tx, locked.id, body.kind ?? 'note', body.text, supporter.id);
      const stored: StoredResponse = {
        status: 201,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(noteView(note)),
      };
      await c.var.idempotencyClaim?.completeWithin(tx, stored);
      return stored;
    });
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  },
};
