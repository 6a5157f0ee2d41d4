import type { JsonBodyOf, Schemas } from '../contract/api-types.ts';
import type { Queryable } from '../db/database.ts';
import { newEscalationId, newNoteId, newRequestId, secretHash } from './request-ids.ts';
import type { PeerRequestState, RequestAction } from './request-states.ts';

export type PeerRequestCreate = JsonBodyOf<'createPeerRequest'>;
export type RequestTiming = Schemas['RequestTiming'];

/** A request as stored, with what the views join to it. Personal columns (note, contact) are for views to filter. */
export interface RequestRow {
  [column: string]: unknown;
  id: string;
  secret_hash: string;
  status: PeerRequestState;
  topic: Schemas['SupportTopic'];
  support_kind: Schemas['SupportKind'];
  channel: Schemas['PeerChannel'];
  timing: RequestTiming;
  due_at: Date;
  language: string;
  preferences: Schemas['PeerPreferences'] | null;
  note: string | null;
  contact_method: 'anonymous-code' | 'email' | 'phone';
  contact: Schemas['PeerContact'] | null;
  consent_version: string;
  claimed_by: string | null;
  claimed_at: Date | null;
  outcome: Schemas['CloseOutcome'] | null;
  created_at: Date;
  updated_at: Date;
  ended_at: Date | null;
  claimer_name: string | null;
  escalation_id: string | null;
  escalation_reason: Schemas['EscalationReason'] | null;
  escalated_at: Date | null;
  escalation_acknowledged_at: Date | null;
  escalated_by_id: string | null;
  escalated_by_name: string | null;
  /** Queued and due: it has a place in the queue. */
  waiting: boolean;
  /** Place in the queue (1 = next) while waiting; null otherwise. Filled in by findRequest and queuePage. */
  position: number | null;
  note_count: number;
}

/** Milliseconds, so that times round-trip through JavaScript and page cursors stay exact. */
const NOW = `date_trunc('milliseconds', now())`;

/**
 * A request with its claimer, its escalation, whether it is waiting (queued and due) and its note count. Places are
 * counted apart (queueCounts), once per answer rather than once per row.
 */
const VIEW_SELECT = `
  SELECT r.*,
         c.display_name AS claimer_name,
         e.id AS escalation_id, e.reason AS escalation_reason, e.created_at AS escalated_at,
         e.acknowledged_at AS escalation_acknowledged_at, e.created_by AS escalated_by_id,
         es.display_name AS escalated_by_name,
         (r.status = 'queued' AND r.due_at <= now()) AS waiting,
         (SELECT count(*) FROM peer_request_notes n WHERE n.request_id = r.id) AS note_count
    FROM peer_requests r
    LEFT JOIN supporters c ON c.id = r.claimed_by
    LEFT JOIN peer_request_escalations e ON e.request_id = r.id
    LEFT JOIN supporters es ON es.id = e.created_by`;

/**
 * The due queue in one pass: how many requests wait (queued and due), and how many of them come up to and including
 * the one at `key` in queue order (when due, then id), which is its place.
 */
export async function queueCounts(
  db: Queryable,
  key?: { dueAt: Date; id: string },
): Promise<{ queueLength: number; upTo: number }> {
  const [row] = await db.query<{ queue_length: number; up_to: number }>(
    `SELECT count(*) AS queue_length,
            count(*) FILTER (WHERE (due_at, id) <= ($1::timestamptz, $2::text)) AS up_to
       FROM peer_requests WHERE status = 'queued' AND due_at <= now()`,
    [key?.dueAt ?? null, key?.id ?? null],
  );
  return { queueLength: row?.queue_length ?? 0, upTo: row?.up_to ?? 0 };
}

/** Who changed a request, for the audit log. */
export type Actor = { kind: 'student' } | { kind: 'supporter'; supporterId: string };

async function recordEvent(
  tx: Queryable,
  requestId: string,
  from: PeerRequestState | null,
  to: PeerRequestState,
  actor: Actor,
): Promise<void> {
  await tx.query(
    `INSERT INTO peer_request_events (request_id, actor, supporter_id, from_status, to_status)
     VALUES ($1, $2, $3, $4, $5)`,
    [requestId, actor.kind, actor.kind === 'supporter' ? actor.supporterId : null, from, to],
  );
}

/** Stores a new request (queued) and its first audit-log entry; returns its id. */
export async function insertRequest(tx: Queryable, request: PeerRequestCreate, secret: string): Promise<string> {
  const id = newRequestId();
  const contact = request.contact.method === 'anonymous-code' ? null : request.contact;
  await tx.query(
    `INSERT INTO peer_requests (id, secret_hash, status, topic, support_kind, channel, timing, due_at, language,
                                preferences, note, contact_method, contact, consent_version)
     VALUES ($1, $2, 'queued', $3, $4, $5, $6::jsonb, coalesce($7::timestamptz, ${NOW}), $8, $9::jsonb, $10, $11,
             $12::jsonb, $13)`,
    [
      id,
      secretHash(secret),
      request.topic,
      request.supportKind,
      request.channel,
      JSON.stringify(request.when),
      request.when.mode === 'scheduled' ? new Date(request.when.at) : null,
      request.language,
      request.preferences ? JSON.stringify(request.preferences) : null,
      request.note ?? null,
      request.contact.method,
      contact ? JSON.stringify(contact) : null,
      request.consent.noticeVersion,
    ],
  );
  await recordEvent(tx, id, null, 'queued', { kind: 'student' });
  return id;
}

/** The request for a view with its place, and the length of the due queue; undefined when there is none. */
export async function findRequestInQueue(
  db: Queryable,
  id: string,
): Promise<{ row: RequestRow; queueLength: number } | undefined> {
  const [row] = await db.query<RequestRow>(`${VIEW_SELECT} WHERE r.id = $1`, [id]);
  if (!row) return undefined;
  const counts = await queueCounts(db, { dueAt: row.due_at, id: row.id });
  return { row: { ...row, position: row.waiting ? counts.upTo : null }, queueLength: counts.queueLength };
}

/** The request for a view with its place, or undefined. */
export async function findRequest(db: Queryable, id: string): Promise<RequestRow | undefined> {
  const [row] = await db.query<RequestRow>(`${VIEW_SELECT} WHERE r.id = $1`, [id]);
  if (!row) return undefined;
  const position = row.waiting ? (await queueCounts(db, { dueAt: row.due_at, id: row.id })).upTo : null;
  return { ...row, position };
}

/** Locks the request's row for the rest of the transaction and returns it, so a change is decided on its current state. */
export async function lockRequest(
  tx: Queryable,
  id: string,
): Promise<Pick<RequestRow, 'id' | 'status' | 'claimed_by' | 'secret_hash' | 'outcome'> | undefined> {
  const [row] = await tx.query<RequestRow>(
    `SELECT id, status, claimed_by, secret_hash, outcome FROM peer_requests WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return row;
}

/** What each action changes besides the state, given the actor's supporter id (`$3`) and the outcome (`$3`). */
function changesOf(action: RequestAction, actor: Actor, outcome: string | undefined): { set: string; value?: unknown } {
  switch (action) {
    case 'claim':
      return {
        set: `claimed_by = $3, claimed_at = ${NOW}`,
        value: actor.kind === 'supporter' ? actor.supporterId : null,
      };
    case 'hand-back':
      return { set: 'claimed_by = NULL, claimed_at = NULL' };
    case 'close':
      return { set: `outcome = $3, ended_at = ${NOW}, contact = NULL`, value: outcome };
    case 'cancel':
      return { set: `ended_at = ${NOW}, contact = NULL` };
    case 'start':
    case 'escalate':
      return { set: '' };
  }
}

/**
 * Makes one change of state (already checked against the state machine and the caller's rights) and records it in
 * the audit log, in the caller's transaction. The log keeps who, when, from and to: never a note or a contact.
 */
export async function applyAction(
  tx: Queryable,
  request: { id: string; status: PeerRequestState },
  action: RequestAction,
  to: PeerRequestState,
  actor: Actor,
  outcome?: Schemas['CloseOutcome'],
): Promise<void> {
  const changes = changesOf(action, actor, outcome);
  await tx.query(
    `UPDATE peer_requests SET status = $2, updated_at = ${NOW}${changes.set ? `, ${changes.set}` : ''} WHERE id = $1`,
    changes.set.includes('$3') ? [request.id, to, changes.value] : [request.id, to],
  );
  await recordEvent(tx, request.id, request.status, to, actor);
}

/** Records an escalation (the alert goes out after the transaction commits). */
export async function insertEscalation(
  tx: Queryable,
  requestId: string,
  reason: Schemas['EscalationReason'],
  supporterId: string,
): Promise<void> {
  await tx.query(`INSERT INTO peer_request_escalations (id, request_id, reason, created_by) VALUES ($1, $2, $3, $4)`, [
    newEscalationId(),
    requestId,
    reason,
    supporterId,
  ]);
}

export interface NoteRow {
  [column: string]: unknown;
  id: string;
  request_id: string;
  kind: 'note' | 'handoff' | 'safety';
  body: string;
  author_id: string;
  author_name: string;
  created_at: Date;
}

const NOTE_SELECT = `
  SELECT n.id, n.request_id, n.kind, n.body, n.author_id, s.display_name AS author_name, n.created_at
    FROM peer_request_notes n JOIN supporters s ON s.id = n.author_id`;

export async function insertNote(
  tx: Queryable,
  requestId: string,
  kind: NoteRow['kind'],
  body: string,
  authorId: string,
): Promise<NoteRow> {
  const id = newNoteId();
  await tx.query(`INSERT INTO peer_request_notes (id, request_id, kind, body, author_id) VALUES ($1, $2, $3, $4, $5)`, [
    id,
    requestId,
    kind,
    body,
    authorId,
  ]);
  const [row] = await tx.query<NoteRow>(`${NOTE_SELECT} WHERE n.id = $1`, [id]);
  return row!;
}

/** A request's notes, oldest first. */
export async function listNotes(db: Queryable, requestId: string): Promise<NoteRow[]> {
  return db.query<NoteRow>(`${NOTE_SELECT} WHERE n.request_id = $1 ORDER BY n.seq`, [requestId]);
}

/** Requests queued and due now: the load that expected waits are worked out from. */
export async function countDueQueue(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM peer_requests WHERE status = 'queued' AND due_at <= now()`,
  );
  return row?.n ?? 0;
}

export interface QueueQuery {
  statuses: readonly PeerRequestState[];
  /** Only requests claimed by this supporter. */
  claimedBy?: string;
  /** The last request of the previous page. */
  after?: { dueAt: Date; id: string };
  limit: number;
}

/**
 * One page of requests in queue order (when due, then id), with one more row to tell whether another page follows.
 * Places: the waiting requests before the page, counted once, then one more for each waiting request on it (every
 * waiting request between the page's ends is on it whenever the filter shows queued ones).
 */
export async function queuePage(db: Queryable, query: QueueQuery): Promise<RequestRow[]> {
  const params: unknown[] = [query.statuses];
  const conditions = ['r.status = ANY($1::text[])'];
  // Lets the planner walk the index of open requests when the filter asks for none that have ended.
  if (!query.statuses.includes('closed') && !query.statuses.includes('cancelled'))
    conditions.push('r.ended_at IS NULL');
  if (query.claimedBy !== undefined) {
    params.push(query.claimedBy);
    conditions.push(`r.claimed_by = $${params.length}`);
  }
  if (query.after) {
    params.push(query.after.dueAt, query.after.id);
    conditions.push(`(r.due_at, r.id) > ($${params.length - 1}::timestamptz, $${params.length}::text)`);
  }
  params.push(query.limit + 1);
  const rows = await db.query<RequestRow>(
    `${VIEW_SELECT} WHERE ${conditions.join(' AND ')} ORDER BY r.due_at, r.id LIMIT $${params.length}`,
    params,
  );
  let place = 0;
  if (rows.some((row) => row.waiting) && query.after) place = (await queueCounts(db, query.after)).upTo;
  return rows.map((row) => ({ ...row, position: row.waiting ? (place += 1) : null }));
}
