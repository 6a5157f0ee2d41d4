import { backoffDelay, parseRetryAfter, sleep as defaultSleep } from './backoff.js';
import { isProblemJson, isRetryable, parseProblem, type ApiError, type Problem } from './errors.js';
import type { Check } from './shape.js';

export interface ApiClientOptions {
  /** Base URL including the contract's version path: "https://peer.example.edu/api/v1", or "/api/v1" on the page's origin. */
  apiBase: string | null | undefined;
  /** Time limit for each attempt (connecting and reading the body), in milliseconds. */
  timeoutMs: number;
  /** A replacement transport, e.g. one that adds auth headers. It receives an absolute URL and a plain-object `headers`. */
  fetch?: typeof fetch;
  /** Retries after the first attempt, for failures that may pass (see `isRetryable`). Default 2. */
  retries?: number;
  /** Largest response body read, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Jitter source in [0, 1); injectable for tests. Default `Math.random`. */
  random?: () => number;
  /** Waits between attempts and should stop early when `signal` aborts; injectable for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Backoff base and cap in milliseconds. Defaults 300 and 5000. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /**
   * The longest `Retry-After` the client waits out itself, in seconds. Default 10: past that, a spinner serves a
   * person worse than the error state saying when to try again (`retryAfterSeconds`).
   */
  maxRetryAfterSeconds?: number;
}

type QueryValue = string | number | boolean | null | undefined;
/** Query parameters: values are encoded, arrays repeat the name, null and undefined are left out. */
export type Query = Record<string, QueryValue | readonly QueryValue[]>;

export interface RequestOptions<T> {
  /** Checks the response body; its result is `data`. A 204 or empty body is checked as `undefined`. */
  check: Check<T>;
  query?: Query;
  /** The element's signal: aborting it ends the call at once, between attempts too. */
  signal?: AbortSignal;
  /**
   * Headers for this request only, e.g. `Authorization` or `Registration-Token`. The client's own `Accept`,
   * `Content-Type` and `Idempotency-Key` are set after these and win.
   */
  headers?: Readonly<Record<string, string>>;
}

export interface WriteOptions<T> extends RequestOptions<T> {
  /**
   * Sent as `Idempotency-Key`; generated once per call when omitted. Pass your own (see `newIdempotencyKey`) to
   * make a user's repeated submission of the same form one request as far as the server is concerned.
   */
  idempotencyKey?: string;
}

/** `etag` is the response's `ETag` header, when it has one, for a later `getIfChanged`. */
export type ApiResult<T> = { ok: true; data: T; status: number; etag?: string } | { ok: false; error: ApiError };

/** A conditional GET's answer when the resource still has the ETag sent (HTTP 304): keep what you have. */
export interface NotModified {
  ok: true;
  notModified: true;
  status: 304;
}

interface CallOptions<T> extends WriteOptions<T> {
  /** Sent as `If-None-Match`; a 304 then answers `NotModified`. Without it a 304 is an error like any other. */
  etag?: string;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

const failed = (error: ApiError): { ok: false; error: ApiError } => ({ ok: false, error });
const aborted = () => failed({ kind: 'aborted' });
const invalid = (reason: string, path?: string) =>
  failed(path === undefined ? { kind: 'invalid-response', reason } : { kind: 'invalid-response', reason, path });

/**
 * The one way widgets talk to a backend. Every method resolves with data or a typed error and never rejects, so an
 * element can render its error state straight from the result.
 *
 * @example
 * const api = new ApiClient({ apiBase: 'https://peer.example.edu/api/v1', timeoutMs: 10_000 });
 * const result = await api.get('/groups', { query: { topic: ['stress', 'sleep'] }, check: groupList, signal });
 * if (result.ok) render(result.data); else renderError(result.error);
 */
export class ApiClient {
  private readonly apiBase: string;
  private readonly timeoutMs: number;
  private readonly transport: typeof fetch;
  private readonly retries: number;
  private readonly maxBodyBytes: number;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly backoffBaseMs: number;
  private readonly backoffCapMs: number;
  private readonly maxRetryAfterSeconds: number;

  constructor(options: ApiClientOptions) {
    this.apiBase = (options.apiBase ?? '').trim().replace(/\/+$/, '');
    this.timeoutMs = positive(options.timeoutMs, 10_000);
    // Called through a wrapper so the page's own `fetch` always runs with the window as `this`.
    this.transport = options.fetch ?? ((input, init) => fetch(input, init));
    this.retries = Number.isInteger(options.retries) && options.retries! >= 0 ? options.retries! : 2;
    this.maxBodyBytes = positive(options.maxBodyBytes, 1 << 20);
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? defaultSleep;
    this.backoffBaseMs = positive(options.backoffBaseMs, 300);
    this.backoffCapMs = positive(options.backoffCapMs, 5000);
    this.maxRetryAfterSeconds = positive(options.maxRetryAfterSeconds, 10);
  }

  get<T>(path: string, options: RequestOptions<T>): Promise<ApiResult<T>> {
    return this.call('GET', path, options) as Promise<ApiResult<T>>;
  }

  /**
   * A conditional GET (RFC 9110 §13.1.2): sends `If-None-Match: etag` when one is given, and answers `NotModified`
   * on 304, so polling an unchanged resource costs no body and no re-render. Pass the `etag` of the last result.
   */
  getIfChanged<T>(
    path: string,
    etag: string | undefined,
    options: RequestOptions<T>,
  ): Promise<ApiResult<T> | NotModified> {
    return this.call('GET', path, etag ? { ...options, etag } : options);
  }

  post<T>(path: string, body: unknown, options: WriteOptions<T>): Promise<ApiResult<T>> {
    return this.call('POST', path, options, body) as Promise<ApiResult<T>>;
  }

  patch<T>(path: string, body: unknown, options: WriteOptions<T>): Promise<ApiResult<T>> {
    return this.call('PATCH', path, options, body) as Promise<ApiResult<T>>;
  }

  delete<T>(path: string, options: WriteOptions<T>): Promise<ApiResult<T>> {
    return this.call('DELETE', path, options) as Promise<ApiResult<T>>;
  }

  /** The absolute URL for a path and query, or undefined when no usable `apiBase` is configured. */
  url(path: string, query: Query = {}): string | undefined {
    if (!this.apiBase) return undefined;
    let href: string;
    try {
      href = new URL(`${this.apiBase}/${path.replace(/^\/+/, '')}`, globalThis.document?.baseURI).href;
    } catch {
      return undefined;
    }
    const pairs: string[] = [];
    for (const [name, value] of Object.entries(query)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item != null) pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(item))}`);
      }
    }
    return pairs.length ? `${href}${href.includes('?') ? '&' : '?'}${pairs.join('&')}` : href;
  }

  private async call<T>(
    method: Method,
    path: string,
    options: CallOptions<T>,
    body?: unknown,
  ): Promise<ApiResult<T> | NotModified> {
    try {
      return await this.attempts(method, path, options, body);
    } catch (error) {
      // Only a broken replacement transport or an unserializable body gets here; the promise still resolves.
      return failed({ kind: 'network', message: messageOf(error) });
    }
  }

  private async attempts<T>(
    method: Method,
    path: string,
    options: CallOptions<T>,
    body?: unknown,
  ): Promise<ApiResult<T> | NotModified> {
    const url = this.url(path, options.query);
    if (url === undefined) return failed({ kind: 'not-configured' });
    const caller = options.signal;
    const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
    if (options.etag) headers['If-None-Match'] = options.etag;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
    // One key per call, reused by every retry: the server replays the first outcome instead of acting twice.
    if (method !== 'GET') headers['Idempotency-Key'] = options.idempotencyKey ?? newIdempotencyKey();

    for (let attempt = 0; ; attempt++) {
      if (caller?.aborted) return aborted();
      const result = await this.attempt(method, url, headers, payload, options.check, caller);
      if (result.ok || attempt >= this.retries || !isRetryable(result.error, method)) return result;
      const retryAfter = result.error.kind === 'http' ? result.error.retryAfterSeconds : undefined;
      if (retryAfter !== undefined && retryAfter > this.maxRetryAfterSeconds) return result;
      const wait =
        retryAfter === undefined
          ? backoffDelay(attempt, this.random, this.backoffBaseMs, this.backoffCapMs)
          : retryAfter * 1000;
      try {
        // Raced with the signal too, so an injected sleep that ignores it still cannot hold up an abort.
        await (caller ? untilAborted(this.sleep(wait, caller), caller) : this.sleep(wait));
      } catch {
        // An abort is reported below; a failing sleep just means "retry now".
      }
    }
  }

  private async attempt<T>(
    method: Method,
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
    check: Check<T>,
    caller: AbortSignal | undefined,
  ): Promise<ApiResult<T> | NotModified> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = caller ? anySignal([caller, timeout]) : timeout;
    const why = (error: unknown): ApiError =>
      caller?.aborted
        ? { kind: 'aborted' }
        : timeout.aborted
          ? { kind: 'timeout' }
          : { kind: 'network', message: messageOf(error) };

    let response: Response;
    try {
      const request = this.transport(url, {
        method,
        headers: { ...headers },
        body,
        signal,
        // Anonymous by default: a student looking for help is not identified to the backend by the campus
        // site's cookies. A page that needs sign-in (the supporter inbox) adds credentials in its own `fetch`.
        credentials: 'omit',
        // Always revalidate: availability and open slots must be current, yet an unchanged list costs only a 304.
        cache: 'no-cache',
        // The page's address (e.g. ".../counselling/suicide-prevention") is nobody else's business.
        referrerPolicy: 'no-referrer',
      });
      // Raced with the signal, so a replacement transport that ignores the signal still times out.
      response = await untilAborted(request, signal);
    } catch (error) {
      return failed(why(error));
    }

    const { status } = response;
    if (status === 304 && headers['If-None-Match']) {
      discard(response);
      return { ok: true, notModified: true, status: 304 };
    }
    if (status < 200 || status > 299) {
      const error: ApiError = { kind: 'http', status };
      // 429 and 503 define Retry-After; the contract adds 409 while the server still runs a request with this key.
      if (status === 429 || status === 503 || status === 409) {
        const seconds = parseRetryAfter(response.headers.get('retry-after'), Date.now());
        if (seconds !== undefined) error.retryAfterSeconds = seconds;
      }
      if (isProblemJson(response.headers.get('content-type'))) {
        try {
          const text = await readText(response, this.maxBodyBytes, signal);
          const problem: Problem | undefined = text === undefined ? undefined : parseProblem(text, status);
          if (problem) error.problem = problem;
        } catch {
          // The status alone is still a useful answer, unless the caller has gone.
          if (caller?.aborted) return aborted();
        }
      } else {
        discard(response);
      }
      return failed(error);
    }

    let text: string | undefined;
    try {
      text = status === 204 ? '' : await readText(response, this.maxBodyBytes, signal);
    } catch (error) {
      return failed(why(error));
    }
    if (text === undefined) return invalid('too-large');
    let data: unknown;
    try {
      data = text === '' ? undefined : JSON.parse(text);
    } catch {
      return invalid('invalid-json');
    }
    const checked = check(data);
    if (!checked.ok) return invalid(`shape at ${checked.path || '(root)'}: expected ${checked.expected}`, checked.path);
    const etag = response.headers.get('etag');
    return etag ? { ok: true, data: checked.value, status, etag } : { ok: true, data: checked.value, status };
  }
}

/**
 * A fresh random v4 UUID. `crypto.randomUUID` exists only in secure contexts, so a campus page still served over
 * plain http gets one built from `crypto.getRandomValues`.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID == 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Reads the body as UTF-8 text, or returns undefined once it is known to exceed `maxBytes`: at once from
 * Content-Length, or while streaming, so an endless or huge body is never held in memory.
 */
async function readText(response: Response, maxBytes: number, signal: AbortSignal): Promise<string | undefined> {
  if (Number(response.headers.get('content-length')) > maxBytes) {
    discard(response);
    return undefined;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) return text + decoder.decode();
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        reader.cancel().catch(() => {});
        return undefined;
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  }
}

/** Lets go of a body we will not read, so the connection is freed. */
function discard(response: Response): void {
  response.body?.cancel().catch(() => {});
}

/** Settles like `promise`, or rejects with the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** `AbortSignal.any`, with a fallback for browsers before 2024 (Safari < 17.4) that some students still carry. */
function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any == 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.ceil(value) : fallback;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
