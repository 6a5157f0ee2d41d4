import { newIdempotencyKey, type ApiResult } from '../../../core/api/api-client.js';
import type { ApiError } from '../../../core/api/errors.js';

/** Where a check-in's sending stands. `waiting`: offline, will send again when the browser is back online. */
export type SendState<R> =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'waiting'; error: ApiError }
  | { status: 'failed'; error: ApiError }
  | { status: 'sent'; result: R };

type Send<R> = (body: unknown, idempotencyKey: string, signal: AbortSignal) => Promise<ApiResult<R>>;

/**
 * Sends one check-in at most once, however often it is asked to. The body gets one Idempotency-Key for its whole
 * life: a retry (the student's, or the browser coming back online) reuses it, so a server that already committed the
 * first attempt answers with that record instead of making a second. While a send is in flight every other call is
 * ignored (two `online` events in quick succession send once), and after success nothing is sent again.
 */
export class CheckInSender<R> {
  private body: unknown;
  private key = '';
  private inFlight?: AbortController;
  private current: SendState<R> = { status: 'idle' };

  constructor(
    private readonly send: Send<R>,
    private readonly onChange: (state: SendState<R>) => void,
    private readonly isOnline: () => boolean = () => globalThis.navigator?.onLine ?? true,
  ) {}

  get state(): SendState<R> {
    return this.current;
  }

  /** The key of the check-in being sent (for tests and for a host that logs it). */
  get idempotencyKey(): string {
    return this.key;
  }

  /** Starts sending a new check-in (a new key). Ignored while one is in flight or once one has been sent. */
  submit(body: unknown): void {
    if (this.inFlight || this.current.status === 'sent') return;
    this.body = body;
    this.key = newIdempotencyKey();
    // The browser knows it is offline: wait for it to come back rather than spend seconds on doomed attempts.
    if (!this.isOnline()) this.set({ status: 'waiting', error: { kind: 'network', message: 'offline' } });
    else void this.attempt();
  }

  /** Sends the same check-in again with the same key, if it has not gone yet and nothing is in flight. */
  retry(): void {
    if (this.inFlight || this.body === undefined) return;
    if (this.current.status === 'waiting' || this.current.status === 'failed') void this.attempt();
  }

  /** The browser is back online: send what is waiting, or what failed to reach the server. */
  online(): void {
    const state = this.current;
    if (state.status === 'waiting' || (state.status === 'failed' && reachFailure(state.error))) this.retry();
  }

  /** Forget the check-in (a new one starts). An attempt in flight is aborted and its answer ignored. */
  reset(): void {
    this.abort();
    this.body = undefined;
    this.key = '';
    this.set({ status: 'idle' });
  }

  /**
   * The element left the page: stop the attempt in flight. What was not sent is left as a failure to reach the
   * server (without telling the element, which is gone), so `online()` sends it again, with the same key, when the
   * element comes back; otherwise it would stay "sending" for ever, with no way to send it.
   */
  abort(): void {
    if (!this.inFlight) return;
    this.inFlight.abort();
    this.inFlight = undefined;
    if (this.current.status === 'sending') this.current = { status: 'failed', error: { kind: 'aborted' } };
  }

  private async attempt(): Promise<void> {
    const controller = new AbortController();
    this.inFlight = controller;
    this.set({ status: 'sending' });
    const result = await this.send(this.body, this.key, controller.signal);
    if (this.inFlight !== controller) return; // reset or aborted meanwhile
    this.inFlight = undefined;
    if (result.ok) {
      this.set({ status: 'sent', result: result.data });
    } else if (result.error.kind === 'invalid-response') {
      // A 2xx nobody can read (a captive portal's page, a proxy's error) may not come from the server at all: never
      // "sent", and never a follow-up promised on it. Sending again with the same key cannot make a second record.
      this.set({ status: 'failed', error: result.error });
    } else if (!this.isOnline()) {
      // Offline: wait for the browser's "online" event. Online, a network error is a failure to show (a server that
      // is down, a proxy, CORS): no "online" event would ever come to send it.
      this.set({ status: 'waiting', error: result.error });
    } else {
      this.set({ status: 'failed', error: result.error });
    }
  }

  private set(state: SendState<R>): void {
    this.current = state;
    this.onChange(state);
  }
}

/** The request never reached the server or got no answer: worth sending again when the connection changes. */
function reachFailure(error: ApiError): boolean {
  return error.kind === 'network' || error.kind === 'timeout' || error.kind === 'aborted';
}
