import { newIdempotencyKey, type ApiResult } from '../api/api-client.js';
import type { ApiError } from '../api/errors.js';
import { mayHaveArrived } from './may-have-arrived.js';

/** Where a write stands. `recovered`: the answer is for a body sent earlier (see `IdempotentSender`). */
export type SendState<R> =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'failed'; error: ApiError }
  | { status: 'done'; result: R; recovered: boolean };

type Send<R> = (body: unknown, idempotencyKey: string, signal: AbortSignal) => Promise<ApiResult<R>>;

/**
 * Sends one write (joining a group, asking for a peer supporter) at most once. The attempt keeps one
 * Idempotency-Key from the first submit until it succeeds: a retry (the student's "Try again", or a submit after
 * fixing a field) reuses it, so a server that committed an earlier attempt whose answer was lost replays it instead
 * of acting twice (a second place, a second request in the queue).
 *
 * When the student changed their answers after such a lost answer, the server refuses the new body under the old
 * key (422: the key was used with another body), which proves the earlier attempt went through; the sender then asks
 * again with the body it first sent and gets that outcome back (`recovered: true`), rather than leaving the student
 * with a place or a request they cannot see or cancel.
 */
export class IdempotentSender<R> {
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

  /** The key of the attempt in progress ("" before the first submit). */
  get idempotencyKey(): string {
    return this.key;
  }

  /** Sends `body`. Ignored while a send is in flight or once it is done. */
  submit(body: unknown): void {
    if (this.inFlight || this.current.status === 'done') return;
    if (!this.key) this.key = newIdempotencyKey();
    void this.run(JSON.stringify(body));
  }

  /** Forgets the attempt (another group, a new request): the next submit has a new key. */
  reset(): void {
    this.abort();
    this.key = '';
    this.unsettled = [];
    this.set({ status: 'idle' });
  }

  /** The element left the page: the attempt in flight stops; its outcome is unknown, so its key is kept. */
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
    // 422: this key already carries another body, so an earlier attempt was committed. Ask for it back.
    for (const earlier of this.unsettled) {
      if (result.ok || !isKeyReused(result.error) || this.inFlight !== controller || earlier === text) continue;
      result = await this.send(JSON.parse(earlier), this.key, controller.signal);
      recovered = result.ok;
    }
    if (this.inFlight !== controller) return; // reset or aborted meanwhile
    this.inFlight = undefined;
    if (result.ok) {
      this.unsettled = [];
      this.set({ status: 'done', result: result.data, recovered });
      return;
    }
    // A 408, 409 or 429 too: the client's earlier attempt with this key may have landed (see `mayHaveArrived`).
    if (mayHaveArrived(result.error) && !this.unsettled.includes(text)) this.unsettled.push(text);
    this.set({ status: 'failed', error: result.error });
  }

  private set(state: SendState<R>): void {
    this.current = state;
    this.onChange(state);
  }
}

function isKeyReused(error: ApiError): boolean {
  return error.kind === 'http' && error.status === 422;
}
