import { createHash } from 'node:crypto';
import type { Schemas } from '../contract/api-types.ts';
import type { AvailabilityPicture } from './availability.ts';
import type { NoteRow, RequestRow } from './request-repository.ts';

export type PeerRequestStatus = Schemas['PeerRequestStatus'];
export type SupporterRequest = Schemas['SupporterRequest'];

/**
 * The request as its student sees it: where it is, the place and the honest wait, what they asked for, and the
 * first name of the supporter who took it. Never the note or the contact they gave, whoever asks with the code.
 */
export function statusView(row: RequestRow, picture: AvailabilityPicture): PeerRequestStatus {
  const view: PeerRequestStatus = {
    requestId: row.id,
    status: row.status,
    position: row.position,
    expectedWaitMinutes: row.position === null ? null : picture.waitFor(row.position),
    topic: row.topic,
    supportKind: row.support_kind,
    channel: row.channel,
    when: row.timing,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    availability: picture.availability,
  };
  if (row.claimer_name !== null) view.supporterName = row.claimer_name;
  return view;
}

/**
 * A weak entity tag over everything the student sees but the moment it was worked out (availability.asOf), so a
 * poll that finds nothing new gets 304.
 */
export function statusTag(status: PeerRequestStatus): string {
  const { asOf: _asOf, ...availability } = status.availability;
  const digest = createHash('sha256')
    .update(JSON.stringify({ ...status, availability }))
    .digest('base64url')
    .slice(0, 22);
  return `W/"${digest}"`;
}

/** Whether an If-None-Match header names `tag` (weak comparison, RFC 9110 §13.1.2; "*" matches anything). */
export function matchesTag(ifNoneMatch: string | undefined, tag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const opaque = (value: string) => value.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((candidate) => candidate.trim() === '*' || opaque(candidate) === opaque(tag));
}

/** Who is looking at a request in the inbox, and whether they may read its private parts. */
export interface Viewer {
  supporterId: string;
  supervisor: boolean;
}

/** The supporter holding a request, and supervisors, may read its note, contact and notes; nobody else. */
export function mayReadPrivate(row: Pick<RequestRow, 'claimed_by'>, viewer: Viewer): boolean {
  return viewer.supervisor || (row.claimed_by !== null && row.claimed_by === viewer.supporterId);
}

/** The request as supporters see it: the note, the contact and the note count only for those who may read them. */
export function supporterView(row: RequestRow, viewer: Viewer): SupporterRequest {
  const view: SupporterRequest = {
    requestId: row.id,
    status: row.status,
    topic: row.topic,
    supportKind: row.support_kind,
    channel: row.channel,
    when: row.timing,
    language: row.language,
    contactMethod: row.contact_method,
    position: row.position,
    claimedBy: row.claimed_by === null ? null : { id: row.claimed_by, displayName: row.claimer_name ?? '' },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
  if (row.preferences) view.preferences = row.preferences;
  if (row.claimed_at) view.claimedAt = row.claimed_at.toISOString();
  if (row.escalation_id !== null) {
    view.escalation = {
      id: row.escalation_id,
      reason: row.escalation_reason!,
      createdAt: row.escalated_at!.toISOString(),
      createdBy: { id: row.escalated_by_id!, displayName: row.escalated_by_name ?? '' },
      acknowledgedAt: row.escalation_acknowledged_at?.toISOString() ?? null,
    };
  }
  if (row.outcome !== null) view.outcome = row.outcome;
  if (row.status === 'closed' && row.ended_at) view.closedAt = row.ended_at.toISOString();
  if (mayReadPrivate(row, viewer)) {
    if (row.note !== null) view.note = row.note;
    if (row.contact !== null) view.contact = row.contact;
    view.noteCount = row.note_count;
  }
  return view;
}

export function noteView(row: NoteRow): Schemas['SupporterNote'] {
  return {
    id: row.id,
    requestId: row.request_id,
    kind: row.kind,
    text: row.body,
    author: { id: row.author_id, displayName: row.author_name },
    createdAt: row.created_at.toISOString(),
  };
}
