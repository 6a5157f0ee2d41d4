import { validationProblem } from '../http/validation-problem.ts';

/** Where a page of the supporter queue ended: the last request's due time and id. */
export interface QueuePosition {
  dueAt: Date;
  id: string;
}

/**
 * The queue's page cursor: the last request's due time (to the millisecond) and id, base64url. It is not signed:
 * only signed-in supporters page the queue, and any position they could forge only starts a page elsewhere.
 */
export function encodeQueueCursor(position: QueuePosition): string {
  return Buffer.from(`${position.dueAt.toISOString()}|${position.id}`, 'utf8').toString('base64url');
}

const DECODED = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|(pr_[A-Za-z0-9_-]{1,61})$/;

/** The position in a cursor; a cursor this server did not write is a 400 naming the field. */
export function decodeQueueCursor(cursor: string): QueuePosition {
  const match = DECODED.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const dueAt = match ? new Date(match[1]!) : undefined;
  if (!match || !dueAt || Number.isNaN(dueAt.getTime())) {
    throw validationProblem([{ field: '/query/cursor', message: 'is not a cursor of this list' }]);
  }
  return { dueAt, id: match[2]! };
}
