import { expect } from '@open-wc/testing';
import type { ApiResult } from '../../../src/core/api/api-client.js';
import { CheckInSender, type SendState } from '../../../src/elements/peer-check-in/logic/check-in-sender.js';

interface Call {
  body: unknown;
  key: string;
  resolve: (result: ApiResult<string>) => void;
}

function harness(online = () => true) {
  const calls: Call[] = [];
  const states: Array<SendState<string>['status']> = [];
  const sender = new CheckInSender<string>(
    (body, key) => new Promise((resolve) => calls.push({ body, key, resolve })),
    (state) => states.push(state.status),
    online,
  );
  return { sender, calls, states };
}
const networkDown: ApiResult<string> = { ok: false, error: { kind: 'network', message: 'offline' } };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('CheckInSender', () => {
  it('sends a check-in once, however often submit, retry and online are called while it is in flight', async () => {
    const { sender, calls } = harness();
    sender.submit({ a: 1 });
    sender.submit({ a: 2 });
    sender.retry();
    sender.online();
    sender.online();
    expect(calls).to.have.length(1);
    calls[0]!.resolve({ ok: true, data: 'ci_1', status: 201 });
    await tick();
    expect(sender.state).to.deep.equal({ status: 'sent', result: 'ci_1' });
    sender.submit({ a: 3 });
    sender.retry();
    expect(calls).to.have.length(1);
  });

  it('waits offline, then sends again with the same key when the browser is back online, once for two events', async () => {
    let online = true;
    const { sender, calls, states } = harness(() => online);
    sender.submit({ a: 1 });
    online = false;
    calls[0]!.resolve(networkDown);
    await tick();
    expect(sender.state.status).to.equal('waiting');
    online = true;
    sender.online();
    sender.online(); // a second "online" in quick succession
    expect(calls).to.have.length(2);
    expect(calls[1]!.key).to.equal(calls[0]!.key);
    expect(calls[1]!.body).to.equal(calls[0]!.body);
    calls[1]!.resolve({ ok: true, data: 'ci_1', status: 201 });
    await tick();
    expect(states).to.deep.equal(['sending', 'waiting', 'sending', 'sent']);
  });

  it('reports other failures as failed (no automatic retry), and retries on request with the same key', async () => {
    const { sender, calls } = harness();
    sender.submit({});
    calls[0]!.resolve({ ok: false, error: { kind: 'http', status: 500 } });
    await tick();
    expect(sender.state.status).to.equal('failed');
    sender.online();
    expect(calls).to.have.length(1);
    sender.retry();
    expect(calls).to.have.length(2);
    expect(calls[1]!.key).to.equal(calls[0]!.key);
  });

  it('online, a network error is a failure to show with a way to send again (no "online" event will come)', async () => {
    const { sender, calls } = harness(() => true);
    sender.submit({});
    calls[0]!.resolve(networkDown);
    await tick();
    expect(sender.state.status).to.equal('failed');
    sender.retry();
    expect(calls).to.have.length(2);
    expect(calls[1]!.key).to.equal(calls[0]!.key);
  });

  it('does not try while the browser says it is offline, and waits for it to come back', async () => {
    let online = false;
    const { sender, calls } = harness(() => online);
    sender.submit({});
    expect(calls).to.have.length(0);
    expect(sender.state.status).to.equal('waiting');
    online = true;
    sender.online();
    expect(calls).to.have.length(1);
  });

  it('never counts a 2xx answer it cannot read as sent (a proxy may have answered), and sends again with the same key', async () => {
    const { sender, calls } = harness();
    sender.submit({});
    calls[0]!.resolve({ ok: false, error: { kind: 'invalid-response', reason: 'invalid-json' } });
    await tick();
    expect(sender.state.status).to.equal('failed');
    sender.online();
    expect(calls, 'not on its own').to.have.length(1);
    sender.retry();
    expect(calls).to.have.length(2);
    expect(calls[1]!.key).to.equal(calls[0]!.key);
  });

  it('treats a failure while the browser says it is offline as waiting', async () => {
    let online = true;
    const { sender, calls } = harness(() => online);
    sender.submit({});
    online = false;
    calls[0]!.resolve({ ok: false, error: { kind: 'timeout' } });
    await tick();
    expect(sender.state.status).to.equal('waiting');
  });

  it('an attempt stopped because the element left the page is sent again, with the same key, when it comes back', async () => {
    const { sender, calls } = harness();
    sender.submit({ a: 1 });
    sender.abort(); // disconnectedCallback
    calls[0]!.resolve({ ok: false, error: { kind: 'aborted' } });
    await tick();
    expect(sender.state.status, 'not stuck "sending"').not.to.equal('sending');
    sender.online(); // connectedCallback
    expect(calls).to.have.length(2);
    expect(calls[1]!.key).to.equal(calls[0]!.key);
    sender.online();
    expect(calls, 'still once while in flight').to.have.length(2);
    calls[1]!.resolve({ ok: true, data: 'ci_1', status: 201 });
    await tick();
    expect(sender.state).to.deep.equal({ status: 'sent', result: 'ci_1' });
  });

  it('gives a new check-in a new key, and ignores the answer of one that was reset', async () => {
    const { sender, calls } = harness();
    sender.submit({ first: true });
    sender.reset();
    calls[0]!.resolve({ ok: true, data: 'late', status: 201 });
    await tick();
    expect(sender.state.status).to.equal('idle');
    sender.submit({ second: true });
    expect(calls[1]!.key).to.not.equal(calls[0]!.key);
  });
});
