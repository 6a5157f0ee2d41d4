import type { ApiError } from '../api/errors.js';

/** 4xx statuses that refuse a later attempt only, or say the server is still working on this key. */
const NOT_A_REFUSAL = [408, 409, 429];

/**
 * Whether a write (`POST` with an Idempotency-Key) may be on the server though its last answer was not a success, so
 * a widget says "we could not confirm" rather than "not sent". Telling a student their request was not sent when it
 * sits in the queue makes them give up or ask twice.
 *
 * Only an answer that proves the server did not take it is a "no": a 4xx that refuses the request itself (invalid
 * answers, a missing route or group, a key reused with another body), and no backend configured (nothing was sent).
 * Everything else may have landed:
 * - A timeout or network error can come after the commit (the reply was lost on the way back).
 * - The ApiClient tries up to three times with one key, so an earlier attempt may have landed even when the last did
 *   not. That is why 408 and 429 (refusals of a later attempt) prove nothing.
 * - 409 is the contract's answer while the server still works on this key. An endpoint whose 409 can also be a
 *   final refusal (a full group, a request someone else claimed) tells that apart before asking this.
 * - Every 5xx: a 500 may come after the commit, a 502 or 504 from a gateway whose server went on, a 503 after an
 *   earlier attempt that landed.
 * - `aborted` (the element left mid-send) and `invalid-response` (a 2xx whose body could not be read).
 *
 * Saying "could not confirm" costs nothing: the retry reuses the key (see `IdempotentSender`), so the server replays
 * the first outcome instead of acting twice.
 */
export function mayHaveArrived(error: ApiError): boolean {
  if (error.kind !== 'http') return error.kind !== 'not-configured';
  return error.status >= 500 || NOT_A_REFUSAL.includes(error.status);
}
