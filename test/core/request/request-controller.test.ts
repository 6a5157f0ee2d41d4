import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { ApiResult } from '../../../src/core/api/api-client.js';
import type { ApiError } from '../../../src/core/api/errors.js';
import { emit } from '../../../src/core/emit.js';
import { RequestController } from '../../../src/core/request/request-controller.js';
import '../../../src/elements/peer-crisis-resources/crisis-events.js';

/** `deaf`: answers even after its signal aborted, like a transport that ignores the signal. */
type Reply = { result: ApiResult<string> | undefined; delayMs: number; deaf?: boolean };

/** A host whose request answers from a script, recording the signals it was given. */
class RequestHost extends LitElement {
  query = 'a';
  replies: Reply[] = [];
  signals: AbortSignal[] = [];
  readonly request = new RequestController(this, {
    args: () => [this.query] as const,
    slowAfterMs: 50,
    request: async ([query], signal) => {
      this.signals.push(signal);
      const reply = this.replies.shift() ?? { result: ok(`answer for ${query}`), delayMs: 0 };
      await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      return signal.aborted && !reply.deaf ? { ok: false, error: { kind: 'aborted' } } : reply.result;
    },
  });
  override render() {
    return html`${this.request.state.status}`;
  }
}
customElements.define('request-host', RequestHost);

const ok = (data: string): ApiResult<string> => ({ ok: true, data, status: 200 });
const fail = (error: ApiError): ApiResult<string> => ({ ok: false, error });

async function host(replies: Reply[] = []) {
  const el = document.createElement('request-host') as RequestHost;
  el.replies = replies;
  return fixture<RequestHost>(el);
}

describe('RequestController', () => {
  it('goes from loading to ready with the value', async () => {
    const el = await host([{ result: ok('one'), delayMs: 10 }]);
    expect(el.request.state).to.deep.include({ status: 'loading', slow: false });
    await el.request.settled();
    expect(el.request.state).to.deep.equal({ status: 'ready', value: 'one' });
    expect(el.request.value).to.equal('one');
  });

  it('says slow after its threshold, and stops saying it when the answer comes', async () => {
    const el = await host([{ result: ok('late'), delayMs: 150 }]);
    await waitUntil(() => el.request.state.status === 'loading' && el.request.state.slow, 'slow');
    expect(el.shadowRoot!.textContent).to.contain('loading');
    await el.request.settled();
    expect(el.request.state.status).to.equal('ready');
  });

  it('reports a typed error and keeps the last good value, then recovers on retry', async () => {
    const el = await host([
      { result: ok('good'), delayMs: 0 },
      { result: fail({ kind: 'http', status: 503 }), delayMs: 0 },
      { result: ok('better'), delayMs: 0 },
    ]);
    await el.request.settled();
    el.query = 'b';
    el.requestUpdate();
    await el.updateComplete;
    await el.request.settled();
    expect(el.request.state).to.deep.equal({
      status: 'error',
      error: { kind: 'http', status: 503 },
      previous: 'good',
    });
    expect(el.request.error).to.deep.equal({ kind: 'http', status: 503 });
    expect(el.request.value).to.equal('good');
    await el.request.retry();
    expect(el.request.state).to.deep.equal({ status: 'ready', value: 'better' });
  });

  it('ignores a stale answer: a slow first reply never replaces a newer one', async () => {
    const el = await host([
      { result: ok('stale'), delayMs: 120, deaf: true },
      { result: ok('fresh'), delayMs: 10 },
    ]);
    el.query = 'b';
    el.requestUpdate();
    await el.updateComplete;
    await el.request.settled();
    await aTimeout(150);
    expect(el.request.value).to.equal('fresh');
    expect(el.signals[0]!.aborted, 'the superseded request was aborted').to.equal(true);
    // Nor does it become the last good value that an error keeps on screen.
    el.replies.push({ result: fail({ kind: 'timeout' }), delayMs: 0 });
    await el.request.retry();
    expect(el.request.state).to.deep.include({ status: 'error', previous: 'fresh' });
  });

  it('aborts when the host leaves the page, and asks again when it comes back', async () => {
    const el = await host([
      { result: ok('never seen'), delayMs: 200 },
      { result: ok('after the move'), delayMs: 0 },
    ]);
    const parent = el.parentElement!;
    el.remove();
    expect(el.signals[0]!.aborted).to.equal(true);
    parent.append(el);
    await waitUntil(() => el.request.value === 'after the move', 'asked again');
    expect(el.signals).to.have.length(2);
  });

  it('goes back to idle when there is nothing to ask', async () => {
    const el = await host([{ result: undefined, delayMs: 0 }]);
    await el.request.settled();
    expect(el.request.state).to.deep.equal({ status: 'idle' });
  });
});

describe('emit', () => {
  it('dispatches a typed peer-* event that bubbles out of shadow roots, cancelable on request', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div></div>`);
    const inner = document.createElement('span');
    outer.attachShadow({ mode: 'open' }).append(inner);
    const heard: Event[] = [];
    document.addEventListener('peer-crisis-contact', (event) => {
      heard.push(event);
      event.preventDefault();
    });
    const detail = { resourceId: 'x', method: 'phone', action: 'open' } as const;
    expect(emit(inner, 'peer-crisis-contact', detail)).to.equal(true);
    expect(emit(inner, 'peer-crisis-contact', detail, { cancelable: true })).to.equal(false);
    expect(heard).to.have.length(2);
    expect((heard[0] as CustomEvent).detail).to.deep.equal(detail);
    expect(heard[0]!.composed && heard[0]!.bubbles).to.equal(true);
  });
});
