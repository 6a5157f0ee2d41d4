import { expect } from '@open-wc/testing';
import { backoffDelay, parseRetryAfter, sleep } from '../../../src/core/api/backoff.js';

describe('backoffDelay (full jitter)', () => {
  it('is 0 when random gives 0', () => {
    for (const attempt of [0, 1, 5]) expect(backoffDelay(attempt, () => 0, 300, 5000)).to.equal(0);
  });

  it('stays just under base · 2^attempt when random gives 0.999', () => {
    expect(backoffDelay(0, () => 0.999, 300, 5000)).to.be.closeTo(299.7, 1e-9);
    expect(backoffDelay(1, () => 0.999, 300, 5000)).to.be.closeTo(599.4, 1e-9);
    expect(backoffDelay(3, () => 0.999, 300, 5000)).to.be.closeTo(2397.6, 1e-9);
  });

  it('never exceeds the cap', () => {
    expect(backoffDelay(10, () => 0.999, 300, 5000)).to.be.closeTo(4995, 1e-9);
    expect(backoffDelay(60, () => 0.999, 300, 5000)).to.be.lessThan(5000);
  });

  it('uses Math.random by default and stays within bounds', () => {
    for (let i = 0; i < 50; i++) {
      const delay = backoffDelay(2);
      expect(delay).to.be.at.least(0);
      expect(delay).to.be.lessThan(1200);
    }
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2025, 2, 1, 12, 0, 0);

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).to.equal(120);
    expect(parseRetryAfter(' 0 ', now)).to.equal(0);
  });

  it('reads an HTTP-date relative to now, rounding up to whole seconds', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:00:05 GMT', now)).to.equal(5);
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:00:05 GMT', now + 500)).to.equal(5);
  });

  it('treats a date in the past as 0', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 11:00:00 GMT', now)).to.equal(0);
  });

  it('caps far-away values', () => {
    expect(parseRetryAfter('999999999', now)).to.equal(86_400);
    expect(parseRetryAfter('Fri, 31 Dec 9999 23:59:59 GMT', now, 3600)).to.equal(3600);
  });

  it('ignores missing and unreadable values', () => {
    for (const value of [null, undefined, '', 'soon', '-5', '1.5', '12abc']) {
      expect(parseRetryAfter(value, now), String(value)).to.equal(undefined);
    }
  });
});

describe('sleep', () => {
  it('resolves after the delay', async () => {
    const start = performance.now();
    await sleep(30);
    expect(performance.now() - start).to.be.at.least(25);
  });

  it('rejects as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const start = performance.now();
    setTimeout(() => controller.abort(new Error('gone')), 20);
    const error = await sleep(5000, controller.signal).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect((error as Error).message).to.equal('gone');
    expect(performance.now() - start).to.be.lessThan(1000);
  });

  it('rejects at once when the signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    let rejected = false;
    await sleep(5000, controller.signal).catch(() => (rejected = true));
    expect(rejected).to.equal(true);
  });
});
