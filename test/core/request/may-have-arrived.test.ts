import { expect } from '@open-wc/testing';
import type { ApiResult } from '../../../src/core/api/api-client.js';
import type { ApiError } from '../../../src/core/api/errors.js';
import { IdempotentSender } from '../../../src/core/request/idempotent-sender.js';
import { mayHaveArrived } from '../../../src/core/request/may-have-arrived.js';

/** The 4xx answers that do not prove the request was refused: a later attempt refused, or the key still at work. */
const UNCONFIRMED_4XX = [408, 409, 429];

describe('mayHaveArrived', () => {
  it('every 5xx, and 408, 409 and 429, may have arrived; every other 4xx refuses the request itself', () => {
    const wrong: string[] = [];
    for (let status = 400; status <= 599; status++) {
      const expected = status >= 500 || UNCONFIRMED_4XX.includes(status);
      if (mayHaveArrived({ kind: 'http', status }) !== expected) wrong.push(`${status} should be ${expected}`);
    }
    expect(wrong).to.deep.equal([]);
  });

  it('goes by the status alone, whatever the problem body or Retry-After says', () => {
    const problem = { type: '/problems/validation', title: 'Invalid', status: 500 };
    expect(mayHaveArrived({ kind: 'http', status: 503, retryAfterSeconds: 5, problem })).to.equal(true);
    expect(mayHaveArrived({ kind: 'http', status: 409, retryAfterSeconds: 1 })).to.equal(true);
    expect(mayHaveArrived({ kind: 'http', status: 422, problem: { ...problem, status: 500 } })).to.equal(false);
  });

  it('no answer, an abandoned attempt or an unreadable 2xx may have arrived; no backend configured did not', () => {
    const cases: Array<[ApiError, boolean]> = [
      [{ kind: 'timeout' }, true],
      [{ kind: 'network', message: 'Failed to fetch' }, true],
      [{ kind: 'aborted' }, true],
      [{ kind: 'invalid-response', reason: 'invalid-json' }, true],
      [{ kind: 'invalid-response', reason: 'shape at /id: expected string', path: '/id' }, true],
      [{ kind: 'not-configured' }, false],
    ];
    for (const [error, expected] of cases) expect(mayHaveArrived(error), error.kind).to.equal(expected);
  });
});

describe('IdempotentSender after a failure that may have arrived', () => {
  type Answer = ApiResult<string>;
  const ok = (data: string): Answer => ({ ok: true, data, status: 201 });
  const http = (status: number): Answer => ({ ok: false, error: { kind: 'http', status } });

  for (const status of [408, 409, 429]) {
    it(`a ${status} (an earlier attempt may have landed), then changed details: the 422 brings back the first`, async () => {
      // The client's first attempt with {name:"Sam"} was committed but its answer lost; its retry got `status`.
      const committed = JSON.stringify({ name: 'Sam' });
      const answers: Array<(body: unknown) => Answer> = [
        () => http(status),
        (body) => (JSON.stringify(body) === committed ? ok('reg-sam') : http(422)),
        (body) => (JSON.stringify(body) === committed ? ok('reg-sam') : http(422)),
      ];
      const sent: Array<{ body: unknown; key: string }> = [];
      const sender = new IdempotentSender<string>(
        async (body, key) => {
          sent.push({ body, key });
          return answers.shift()!(body);
        },
        () => undefined,
      );
      const settled = async () => {
        for (let i = 0; i < 20 && sender.state.status === 'sending'; i++) await new Promise((r) => setTimeout(r, 0));
      };
      sender.submit({ name: 'Sam' });
      await settled();
      sender.submit({ name: 'Samira' });
      await settled();
      expect(sender.state).to.deep.equal({ status: 'done', result: 'reg-sam', recovered: true });
      expect(new Set(sent.map((entry) => entry.key)).size, 'one key throughout').to.equal(1);
    });
  }
});
