import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiResult, NotModified } from '../../../core/api/api-client.js';
import type { ApiError } from '../../../core/api/errors.js';

/** The contract asks widgets to poll a request's status every 15 seconds or more. */
export const POLL_INTERVAL_MS = 15_000;
/** The longest wait between polls after failures. */
export const MAX_POLL_INTERVAL_MS = 5 * 60_000;

export interface PollerOptions<T> {
  /** One conditional GET with the last ETag. */
  fetch: (etag: string | undefined, signal: AbortSignal) => Promise<ApiResult<T> | NotModified>;
  /** A changed status arrived. Return true when it is final (polling then stops). */
  onStatus: (value: T) => boolean;
  /** A poll failed (`error`), or the next poll succeeded after failures (`undefined`). 404 ends polling. */
  onError: (error: ApiError | undefined) => void;
  /** Milliseconds between polls while all is well. */
  intervalMs: () => number;
}

interface Run {
  key: string;
  etag: string | undefined;
  controller: AbortController;
}

/**
 * Polls one request's status for one element, politely: conditional requests (If-None-Match, so an unchanged
 * status costs a 304), never while the page is hidden (a tab in the background, or one opened in the background
 * and not yet seen), backoff after failures, `Retry-After` honoured, stopped at a final state, on 404 and when the
 * element leaves the page (and resumed when it comes back). There is never more than one loop per element: starting
 * the same request again is a no-op, starting another replaces the loop.
 */
export class StatusPoller<T> implements ReactiveController {
  private run?: Run;
  private paused?: { key: string; etag: string | undefined };
  private failures = 0;
  private lastPollAt = -Infinity;
  /** How many requests this poller has made (for tests and support questions). */
  polls = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: PollerOptions<T>,
  ) {
    host.addController(this);
  }

  /** Whether a loop is running. */
  get running(): boolean {
    return this.run !== undefined;
  }

  /**
   * Starts polling the request `key` names (its id): after one interval when a status is already shown (`etag` is
   * its tag, if known), or at once (`immediately`, a code typed in). A second call for the same request does nothing.
   */
  start(
    key: string,
    { etag, immediately = false, resume = false }: { etag?: string; immediately?: boolean; resume?: boolean } = {},
  ): void {
    if (this.run?.key === key) return;
    this.stop();
    const run: Run = { key, etag, controller: new AbortController() };
    this.run = run;
    // Back on the page after a move: the next poll comes when it was due, not at once (a page that moves the element
    // around would otherwise poll on every move).
    const sinceLast = performance.now() - this.lastPollAt;
    const interval = this.options.intervalMs() * 2 ** this.failures;
    if (!resume) this.failures = 0;
    void this.loop(run, immediately ? 0 : resume ? Math.max(0, interval - sinceLast) : this.options.intervalMs());
  }

  stop(): void {
    this.run?.controller.abort();
    this.run = undefined;
    this.paused = undefined;
  }

  hostConnected(): void {
    const paused = this.paused;
    this.paused = undefined;
    if (paused) this.start(paused.key, { etag: paused.etag, resume: true });
  }

  hostDisconnected(): void {
    const run = this.run;
    this.stop();
    if (run) this.paused = { key: run.key, etag: run.etag };
  }

  private async loop(run: Run, firstDelay: number): Promise<void> {
    const { signal } = run.controller;
    let delay = firstDelay;
    while (!signal.aborted) {
      try {
        if (delay > 0) await wait(delay, signal);
        await whileHidden(signal);
      } catch {
        return; // stopped
      }
      this.polls++;
      this.lastPollAt = performance.now();
      const result = await this.options.fetch(run.etag, signal);
      if (signal.aborted || this.run !== run) return;
      if (result.ok) {
        if (this.failures) this.options.onError(undefined);
        this.failures = 0;
        delay = this.options.intervalMs();
        if ('notModified' in result) continue;
        run.etag = result.etag;
        if (this.options.onStatus(result.data)) return this.finish(run);
        continue;
      }
      const { error } = result;
      this.options.onError(error);
      if (error.kind === 'aborted') return;
      if (error.kind === 'http' && (error.status === 404 || error.status === 410 || error.status === 501)) {
        return this.finish(run);
      }
      this.failures++;
      const backoff = Math.min(MAX_POLL_INTERVAL_MS, this.options.intervalMs() * 2 ** this.failures);
      const retryAfter = error.kind === 'http' ? (error.retryAfterSeconds ?? 0) * 1000 : 0;
      // Retry-After is honoured up to the same cap: a server asking for a day must not silence a waiting student.
      delay = Math.min(MAX_POLL_INTERVAL_MS, Math.max(backoff, retryAfter));
    }
  }

  private finish(run: Run): void {
    if (this.run === run) this.run = undefined;
  }
}

/** Resolves after `ms`, or rejects when `signal` aborts. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Resolves at once when the page is visible, else when it becomes visible; rejects when `signal` aborts. */
function whileHidden(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  if (document.visibilityState !== 'hidden') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onChange = () => {
      if (document.visibilityState === 'hidden') return;
      done();
      resolve();
    };
    const onAbort = () => {
      done();
      reject(signal.reason);
    };
    const done = () => {
      document.removeEventListener('visibilitychange', onChange);
      signal.removeEventListener('abort', onAbort);
    };
    document.addEventListener('visibilitychange', onChange);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
