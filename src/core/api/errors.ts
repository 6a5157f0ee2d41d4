import { obj, str, type Check } from './shape.js';

/** One invalid field, as the contract's validation problems list them. */
export interface ProblemFieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, as read from an `application/problem+json` error response. */
export interface Problem {
  /** A URI naming the kind of problem; "about:blank" when the server sent none. */
  type: string;
  /** A short summary for developers; "" when the server sent none. Widgets show their own translated text. */
  title: string;
  /** The HTTP status of the response (authoritative; the body's copy is only advisory). */
  status: number;
  detail?: string;
  instance?: string;
  errors?: ProblemFieldError[];
}

/** Why a request gave no data. Widgets render an error state from this; nothing is thrown. */
export type ApiError =
  /** No `api-base` was configured; no request was made. */
  | { kind: 'not-configured' }
  /** The request never got a response (offline, DNS, CORS, connection reset). */
  | { kind: 'network'; message: string }
  /** An attempt took longer than the configured time limit. */
  | { kind: 'timeout' }
  /** The caller's signal aborted (usually the element left the page). */
  | { kind: 'aborted' }
  /** The server answered with a non-2xx status. `retryAfterSeconds` says when trying again makes sense. */
  | { kind: 'http'; status: number; problem?: Problem; retryAfterSeconds?: number }
  /**
   * The response could not be used: "too-large", "invalid-json", or "shape at <path>: expected <what>" with the
   * JSON Pointer of the first bad value (also given as `path`).
   */
  | { kind: 'invalid-response'; reason: string; path?: string };

/** Statuses that say "try again" whatever the method (the request did not take effect, or is safe to replay). */
const RETRYABLE_STATUSES = [429, 502, 503, 504];

/**
 * Whether trying again may succeed: network errors, timeouts, 429 and gateway or availability errors. A 500 counts
 * only for GET: for a write it may mean the server acted before failing. A 409 counts only with `Retry-After`: the
 * server is still processing a request with the same Idempotency-Key, and a retry with that key gets its outcome;
 * a 409 without it is a real conflict that waiting will not resolve.
 */
export function isRetryable(error: ApiError, method = 'GET'): boolean {
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  if (error.kind !== 'http') return false;
  if (error.status === 409) return error.retryAfterSeconds !== undefined;
  return RETRYABLE_STATUSES.includes(error.status) || (error.status === 500 && method.toUpperCase() === 'GET');
}

/** `application/problem+json`, with or without parameters. */
export function isProblemJson(contentType: string | null): boolean {
  return /^\s*application\/problem\+json\s*(;|$)/i.test(contentType ?? '');
}

const member = <T>(check: Check<T>, value: unknown): T | undefined => {
  const result = check(value);
  return result.ok ? result.value : undefined;
};

const uri = str({ max: 2048 });
const fieldError = obj({ field: str({ max: 200 }), message: str({ max: 1000 }) });

/**
 * Reads problem details leniently: a member with the wrong type is left out instead of discarding the whole
 * problem, and invalid entries of `errors` are skipped. Returns undefined when the body is not a JSON object.
 */
export function parseProblem(body: string, status: number): Problem | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof raw != 'object' || raw === null || Array.isArray(raw)) return undefined;
  const source = raw as Record<string, unknown>;
  const problem: Problem = {
    type: member(uri, source.type) ?? 'about:blank',
    title: member(str({ max: 500 }), source.title) ?? '',
    status,
  };
  const detail = member(str({ max: 4000 }), source.detail);
  if (detail !== undefined) problem.detail = detail;
  const instance = member(uri, source.instance);
  if (instance !== undefined) problem.instance = instance;
  const list = Array.isArray(source.errors) ? source.errors.slice(0, 100) : [];
  const errors = list.flatMap((entry: unknown) => member(fieldError, entry) ?? []);
  if (errors.length > 0) problem.errors = errors;
  return problem;
}
