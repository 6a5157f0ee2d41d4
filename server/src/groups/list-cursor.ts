import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { validationProblem } from '../http/validation-problem.ts';

/**
 * GET /groups pages are in order of each group's next session after one instant, `asOf`, fixed when the first
 * page is asked for and carried by every cursor. Ordered by (next session after asOf, id), each group has one
 * place in one total order for the whole walk: a session starting between two pages moves nobody, ties are broken
 * by id, and a group added or removed between pages neither shifts the others nor makes them repeat or vanish.
 */
export interface ListPosition {
  /** The instant the walk's order is taken at. */
  asOf: Date;
  /** The last group's next session after asOf, and its id. */
  nextAt: Date;
  id: string;
}

/** After this, a cursor is refused (the contract lets cursors expire): its order would be a day out of date. */
export const CURSOR_LIFETIME_MS = 24 * 60 * 60 * 1000;

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const VERSION = 'g1';
/** 128 bits of HMAC-SHA-256: enough that a changed cursor cannot be made to pass. */
const MAC_BYTES = 16;

/** A short fingerprint of a question's filters: a cursor only continues the question it came from. */
export function filtersKey(filters: unknown): string {
  return createHash('sha256').update(JSON.stringify(filters)).digest('base64url').slice(0, 16);
}

function mac(key: Buffer, payload: string, filters: string): Buffer {
  return createHmac('sha256', key).update(`${payload}|${filters}`).digest().subarray(0, MAC_BYTES);
}

/** A cursor: base64url of "g1.<asOf ms>.<nextAt ms>.<id>.<mac>", its MAC also covering the filters. */
export function encodeListCursor(position: ListPosition, filters: string, key: Buffer): string {
  const payload = `${VERSION}.${position.asOf.getTime()}.${position.nextAt.getTime()}.${position.id}`;
  return Buffer.from(`${payload}.${mac(key, payload, filters).toString('base64url')}`, 'utf8').toString('base64url');
}

function refuse(message: string): never {
  throw validationProblem([{ field: '/query/cursor', message }]);
}

/**
 * The position in a cursor made by encodeListCursor for these filters with this key. Anything else (changed,
 * truncated, from another question, made up) and a cursor older than CURSOR_LIFETIME_MS is a 400 on /query/cursor.
 */
export function decodeListCursor(cursor: string, filters: string, key: Buffer, now: Date = new Date()): ListPosition {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const parts = text.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION || Buffer.from(text, 'utf8').toString('base64url') !== cursor) {
    refuse('is not a cursor from this list');
  }
  const [, asOfText, nextText, id, sent] = parts as [string, string, string, string, string];
  const expected = mac(key, parts.slice(0, 4).join('.'), filters);
  const given = Buffer.from(sent, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    refuse('is not a cursor from this list with these filters');
  }
  const asOf = Number(asOfText);
  const nextAt = Number(nextText);
  if (!Number.isSafeInteger(asOf) || !Number.isSafeInteger(nextAt) || !ID.test(id)) {
    refuse('is not a cursor from this list');
  }
  if (now.getTime() - asOf > CURSOR_LIFETIME_MS) refuse('has expired: start again from the first page');
  return { asOf: new Date(asOf), nextAt: new Date(nextAt), id };
}
