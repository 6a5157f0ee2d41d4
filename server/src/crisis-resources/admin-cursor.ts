import { validationProblem } from '../http/validation-problem.ts';

/** Same rule as the contract's Id schema. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** A page cursor names the last id of the previous page (base64url, so it stays opaque and URL-safe). */
export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

/** The id inside a cursor; a cursor this server did not make is a 400 on /query/cursor. */
export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!ID.test(id) || encodeCursor(id) !== cursor) {
    throw validationProblem([{ field: '/query/cursor', message: 'is not a cursor from this list' }]);
  }
  return id;
}
