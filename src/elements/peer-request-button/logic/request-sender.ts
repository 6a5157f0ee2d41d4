import { newIdempotencyKey, type ApiResult } from '../../../core/api/api-client.js';
import type { ApiError } from '../../../core/api/errors.js';

export type SendState<R> =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'failed'; error: ApiError }
  | { status: 'done'; result: R; recovered: boolean };

type Send<R> = (body: unknown, idempotencyKey: string, signal: AbortSignal) => Promise<ApiResult<R>>;

/**
 * Sends one peer request, at most once. One Idempotency-Key for the request's whole life: the first submit makes it,
 * every retry ("Try again", or sending again after changing an answer) reuses it, so a server that queued an
 * earlier attempt whose answer was lost replays that request instead of queueing a second one.
 *
 * When the answers changed after such a lost answer, the server refuses the new body under the old key (422), which
 * proves the earlier attempt went through; the sender then asks again with the body it first sent and gets that
 * request back (`recovered: true`), so the student holds the code of the request that is really in the queue.
 */
export class RequestSender<R> {
  private key = '';
  /** Bodies sent whose outcome is unknown (no answer, or a failure after which the server may have acted). */
  private unsettled: string[] = [];
  private inFlight?: AbortController;
  private sending = '';
  private current: SendState<R> = { status: 'idle' };

  constructor(
    private readonly send: Send<R>,
    private readonly onChange: (state: SendState<R>) => void,
  ) {}

  get state(): SendState<R> {
    return this.current;
  }

  /** The key of this request ("" before the first submit). */
  get idempotencyKey(): string {
    return this.key;
  }

  /** Sends `body`. Ignored while a send is in flight or once the request is made. */
  submit(body: unknown): void {
    if (this.inFlight || this.current.status === 'done') return;
    if (!this.key) this.key = newIdempotencyKey();
    void this.run(JSON.stringify(body));
  }

  /** A new request (after the last one ended): the next submit has a new key. */
  reset(): void {
    this.abort();
    this.key = '';
    this.unsettled = [];
    this.set({ status: 'idle' });
  }

  /** The element left the page: the attempt stops; its outcome is unknown, so the key is kept. */
  abort(): void {
    if (!this.inFlight) return;
    this.inFlight.abort();
    this.inFlight = undefined;
    if (!this.unsettled.includes(this.sending)) this.unsettled.push(this.sending);
    if (this.current.status === 'sending') this.set({ status: 'failed', error: { kind: 'aborted' } });
  }

  private async run(text: string): Promise<void> {
    const controller = new AbortController();
    this.inFlight = controller;
    this.sending = text;
    this.set({ status: 'sending' });
    let result = await this.send(JSON.parse(text), this.key, controller.signal);
    let recovered = false;
    for (const earlier of this.unsettled) {
      if (result.ok || !keyReused(result.error) || this.inFlight !== controller || earlier === text) continue;
      result = await this.send(JSON.parse(earlier), this.key, controller.signal);
      recovered = result.ok;
    }
    if (this.inFlight !== controller) return;
    this.inFlight = undefined;
    if (result.ok) {
      this.unsettled = [];
      this.set({ status: 'done', result: result.data, recovered });
      return;
    }
    if (mayHaveActed(result.error) && !this.unsettled.includes(text)) this.unsettled.push(text);
    this.set({ status: 'failed', error: result.error });
  }

  private set(state: SendState<R>): void {
    this.current = state;
    this.onChange(state);
  }
}

function keyReused(error: ApiError): boolean {
  return error.kind === 'http' && error.status === 422;
}

function mayHaveActed(error: ApiError): boolean {
  return (
    error.kind === 'network' ||
    error.kind === 'timeout' ||
    error.kind === 'aborted' ||
    error.kind === 'invalid-response' ||
    (error.kind === 'http' && error.status >= 500)
  );
}
