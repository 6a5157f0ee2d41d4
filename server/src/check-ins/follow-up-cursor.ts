import { validationProblem } from '../http/validation-problem.ts';

/** Where the previous page of open follow-ups ended: the last one's time (to the millisecond) and id. */
export interface FollowUpPosition {
  receivedAt: Date;
  id: string;
}

const ID = /^fu_[A-Za-z0-9_-]{1,61}$/;

/** Opaque to clients (base64url of "<epoch ms>.<id>"), so that its form may change. */
export function encodeFollowUpCursor(position: FollowUpPosition): string {
  return Buffer.from(`${position.receivedAt.getTime()}.${position.id}`, 'utf8').toString('base64url');
}

/** The position inside a cursor; a cursor this server did not make is a 400 on /query/cursor. */
export function decodeFollowUpCursor(cursor: string): FollowUpPosition {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const dot = text.indexOf('.');
  const millis = Number(text.slice(0, dot));
  const id = text.slice(dot + 1);
  const position = { receivedAt: new Date(millis), id };
  if (dot < 1 || !Number.isSafeInteger(millis) || !ID.test(id) || encodeFollowUpCursor(position) !== cursor) {
    throw validationProblem([{ field: '/query/cursor', message: 'is not a cursor from this list' }]);
  }
  return position;
}
