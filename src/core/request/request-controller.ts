import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiResult } from '../api/api-client.js';
import type { ApiError } from '../api/errors.js';

/** How long a request may run before the widget says it is taking longer than usual, in milliseconds. */
export const SLOW_AFTER_MS = 3000;

/** A request's state, for rendering. `previous` is the last good value, kept while loading again or after an error. */
export type RequestState<T> =
  | { status: 'idle' }
  | { status: 'loading'; slow: boolean; previous: T | undefined }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: ApiError; previous: T | undefined };

export interface RequestOptions<A extends readonly unknown[], T> {
  /** The inputs; a change runs the request again (the one in flight is aborted and its answer ignored). */
  args: () => A;
  /**
   * Makes the request. Return `undefined` for "nothing to ask" (the state goes back to idle); `signal` aborts when
   * the arguments change, the host leaves the page, or `abort()` is called.
   */
  request: (args: A, signal: AbortSignal) => Promise<ApiResult<T> | undefined>;
  /** Milliseconds before `slow` turns true. Default `SLOW_AFTER_MS`. */
  slowAfterMs?: number;
}

/** Carries the typed error through @lit/task, which only knows `unknown` errors. */
class RequestFailure extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.kind);
  }
}

/**
 * Loading, slow, error with a way forward, and retry, the same in every widget: a controller over `@lit/task` that
 * runs a request when its arguments change, aborts it when the host leaves the page (and runs it again when the
 * host comes back), ignores stale answers, keeps the last good value through later failures, and reports errors as
 * typed `ApiError`s.
 *
 * @example
 * ```ts
 * private readonly groups = new RequestController(this, {
 *   args: () => [this.config.apiBase, this.topic] as const,
 *   request: ([, topic], signal) => this.api.get('/groups', { query: { topic }, check: groupListCheck, signal }),
 * });
 * ```
 */
export class RequestController<A extends readonly unknown[], T> implements ReactiveController {
  private readonly task: Task<A, T | undefined>;
  private readonly slowAfterMs: number;
  private slowTimer: ReturnType<typeof setTimeout> | undefined;
  private slowNow = false;
  /** Counts runs, so that a superseded run's end does not stop the current run's slow timer. */
  private runs = 0;
  private lastGood: T | undefined;
  private abortedByLeaving = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    options: RequestOptions<A, T>,
  ) {
    this.slowAfterMs = options.slowAfterMs ?? SLOW_AFTER_MS;
    host.addController(this);
    this.task = new Task<A, T | undefined>(host, {
      args: options.args,
      task: async (args, { signal }) => {
        const run = ++this.runs;
        this.startSlowTimer();
        try {
          const result = await options.request(args, signal);
          if (result === undefined) return undefined;
          if (!result.ok) throw new RequestFailure(result.error);
          if (run === this.runs) this.lastGood = result.data; // a stale answer never becomes the last good one
          return result.data;
        } finally {
          if (run === this.runs) this.stopSlowTimer();
        }
      },
    });
  }

  /** The state to render. */
  get state(): RequestState<T> {
    switch (this.task.status) {
      case TaskStatus.PENDING:
        return { status: 'loading', slow: this.slowNow, previous: this.lastGood };
      case TaskStatus.COMPLETE: {
        const value = this.task.value;
        return value === undefined ? { status: 'idle' } : { status: 'ready', value };
      }
      case TaskStatus.ERROR:
        return { status: 'error', error: this.error!, previous: this.lastGood };
      default:
        return { status: 'idle' };
    }
  }

  /** The latest good value: the current one, or the last before a failure or a new load. */
  get value(): T | undefined {
    return this.task.status === TaskStatus.COMPLETE ? this.task.value : this.lastGood;
  }

  /** The typed error of the latest run, if it failed. */
  get error(): ApiError | undefined {
    if (this.task.status !== TaskStatus.ERROR) return undefined;
    const failure = this.task.error;
    return failure instanceof RequestFailure ? failure.apiError : { kind: 'network', message: String(failure) };
  }

  /** True while the latest run is in flight. */
  get pending(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** Runs the request again with the current arguments (the "Try again" button). */
  retry(): Promise<void> {
    return this.task.run();
  }

  /** Aborts the request in flight, if any. */
  abort(reason?: unknown): void {
    this.task.abort(reason);
  }

  /** Resolves when the latest run settles, whatever its outcome. */
  async settled(): Promise<void> {
    await this.task.taskComplete.catch(() => undefined);
  }

  hostConnected(): void {
    // Back on the page after a move: the request was aborted when the host left, so run it again.
    if (this.abortedByLeaving) {
      this.abortedByLeaving = false;
      void this.task.run();
    }
  }

  hostDisconnected(): void {
    if (this.task.status === TaskStatus.PENDING) this.abortedByLeaving = true;
    this.task.abort();
    this.stopSlowTimer();
  }

  private startSlowTimer(): void {
    this.stopSlowTimer();
    this.slowTimer = setTimeout(() => {
      this.slowNow = true;
      this.host.requestUpdate();
    }, this.slowAfterMs);
  }

  private stopSlowTimer(): void {
    clearTimeout(this.slowTimer);
    this.slowTimer = undefined;
    this.slowNow = false;
  }
}
