// The status poller never waits longer than MAX_POLL_INTERVAL_MS, even when a server's Retry-After asks for a day:
// a student waiting for a supporter must not lose updates for hours. Delays are read from a spied setTimeout.
import { expect } from '@open-wc/testing';
import { MAX_POLL_INTERVAL_MS, StatusPoller } from '../../../src/elements/peer-request-button/logic/status-poller.js';
import { until } from './helpers.js';

describe('status poller and Retry-After', () => {
  const realSetTimeout = window.setTimeout;
  let delays: number[] = [];

  beforeEach(() => {
    delays = [];
    window.setTimeout = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
      delays.push(ms ?? 0);
      return realSetTimeout(handler, ms, ...rest);
    }) as typeof window.setTimeout;
  });
  afterEach(() => {
    window.setTimeout = realSetTimeout;
  });

  for (const seconds of [86_400, 3_600, 301]) {
    it(`caps a Retry-After of ${seconds} s at the longest poll interval`, async () => {
      let polls = 0;
      const poller = new StatusPoller<unknown>({ addController: () => {} } as never, {
        fetch: async () => {
          polls++;
          return { ok: false, error: { kind: 'http', status: 503, retryAfterSeconds: seconds } } as never;
        },
        onStatus: () => false,
        onError: () => {},
        intervalMs: () => 20,
      });
      poller.start('pr_1', { immediately: true });
      await until(() => polls === 1, 2000, 'the first poll');
      await until(() => delays.some((ms) => ms > 1000), 2000, 'the wait after the failure');
      poller.stop();
      const longest = Math.max(...delays);
      expect(longest, `waits ${longest} ms`).to.be.at.most(MAX_POLL_INTERVAL_MS);
      expect(longest, 'still honours a Retry-After up to the cap').to.equal(MAX_POLL_INTERVAL_MS);
    });
  }

  it('still honours a shorter Retry-After', async () => {
    let polls = 0;
    const poller = new StatusPoller<unknown>({ addController: () => {} } as never, {
      fetch: async () => {
        polls++;
        return { ok: false, error: { kind: 'http', status: 429, retryAfterSeconds: 30 } } as never;
      },
      onStatus: () => false,
      onError: () => {},
      intervalMs: () => 20,
    });
    poller.start('pr_1', { immediately: true });
    await until(() => polls === 1 && delays.some((ms) => ms > 1000), 2000, 'the wait');
    poller.stop();
    expect(Math.max(...delays)).to.equal(30_000);
  });
});
