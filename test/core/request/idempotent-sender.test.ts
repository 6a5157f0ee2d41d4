import { expect } from '@open-wc/testing';
import type { ApiResult } from '../../../src/core/api/api-client.js';
import { IdempotentSender, type SendState } from '../../../src/core/request/idempotent-sender.js';

type Answer = ApiResult<string>;
const ok = (data: string): Answer => ({ ok: true, data, status: 201 });
const http = (status: number): Answer => ({ ok: false, error: { kind: 'http', status } });
const network: Answer = { ok: false, error: { kind: 'network', message: 'Failed to fetch' } };

function harness(answers: Array<(body: unknown, key: string) => Answer>) {
  const sent: Array<{ body: unknown; key: string }> = [];
  const states: SendState<string>[] = [];
  const sender = new IdempotentSender<string>(
    async (body, key) => {
      sent.push({ body, key });
      const answer = answers.shift();
      return answer ? answer(body, key) : network;
    },
    (state) => states.push(state),
  );
  const settled = async () => {
    for (let i = 0; i < 20 && sender.state.status === 'sending'; i++) await new Promise((r) => setTimeout(r, 0));
  };
  return { sender, sent, states, settled };
}

describe('IdempotentSender', () => {
  it('keeps one key for the attempt’s life: a retry after no answer reuses it, and a success ends it', async () => {
    const { sender, sent, settled } = harness([() => network, () => ok('reg')]);
    sender.submit({ name: 'Sam' });
    await settled();
    expect(sender.state.status).to.equal('failed');
    sender.submit({ name: 'Sam' });
    await settled();
    expect(sender.state).to.deep.equal({ status: 'done', result: 'reg', recovered: false });
    expect(sent.length).to.equal(2);
    expect(sent[0]!.key).to.equal(sent[1]!.key);
    sender.submit({ name: 'Sam' });
    await settled();
    expect(sent.length, 'nothing more after success').to.equal(2);
  });

  it('ignores a second submit while the first is in flight', async () => {
    const { sender, sent, settled } = harness([() => ok('reg')]);
    sender.submit({});
    sender.submit({});
    await settled();
    expect(sent.length).to.equal(1);
  });

  it('after a lost answer and changed details, a 422 brings back the registration first sent (same key)', async () => {
    // The server committed {name:"Sam"}; its answer was lost. The student then changed the name.
    const committed = JSON.stringify({ name: 'Sam' });
    const server = (body: unknown): Answer => (JSON.stringify(body) === committed ? ok('reg-sam') : http(422));
    const { sender, sent, settled } = harness([() => network, server, server]);
    sender.submit({ name: 'Sam' });
    await settled();
    sender.submit({ name: 'Samira' });
    await settled();
    expect(sender.state).to.deep.equal({ status: 'done', result: 'reg-sam', recovered: true });
    expect(new Set(sent.map((call) => call.key)).size).to.equal(1);
    expect(sent.map((call) => call.body)).to.deep.equal([{ name: 'Sam' }, { name: 'Samira' }, { name: 'Sam' }]);
  });

  it('a refused attempt (409: full) is not treated as sent: changed details go with the same key and no recovery', async () => {
    const { sender, sent, settled } = harness([() => http(409), () => ok('reg')]);
    sender.submit({ name: 'A' });
    await settled();
    expect(sender.state.status).to.equal('failed');
    sender.submit({ name: 'B' });
    await settled();
    expect(sender.state).to.deep.equal({ status: 'done', result: 'reg', recovered: false });
    expect(sent.length).to.equal(2);
  });

  it('reset starts a new attempt with a new key', async () => {
    const { sender, sent, settled } = harness([() => network, () => ok('reg')]);
    sender.submit({});
    await settled();
    sender.reset();
    sender.submit({});
    await settled();
    expect(sent[0]!.key).not.to.equal(sent[1]!.key);
  });
});
