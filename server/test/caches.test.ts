import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExpiringValue } from '../src/cache/expiring-value.ts';
import { PublicAnswerCache } from '../src/cache/public-answer-cache.ts';
import { databaseReadiness, READINESS_TTL_MS } from '../src/db/readiness.ts';
import type { Queryable } from '../src/db/database.ts';
import { createLogger } from '../src/logging/logger.ts';

/** A clock the test moves by hand. */
function fakeClock(start = 1_000_000) {
  const clock = { now: start, read: () => clock.now };
  return clock;
}

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe('PublicAnswerCache', () => {
  const options = { maxAgeMs: 300_000, maxEntries: 3, maxBytes: 1_000 };

  it('keeps an answer for its max-age, then computes it again', async () => {
    const clock = fakeClock();
    const cache = new PublicAnswerCache({ ...options, now: clock.read });
    let computed = 0;
    const compute = async () => `answer ${(computed += 1)}`;
    assert.equal((await cache.getOrCompute('US', compute)).body, 'answer 1');
    clock.now += 299_999;
    const kept = await cache.getOrCompute('US', compute);
    assert.equal(kept.body, 'answer 1');
    assert.equal(cache.ageSeconds(kept), 299);
    clock.now += 1;
    assert.equal((await cache.getOrCompute('US', compute)).body, 'answer 2');
  });

  it('shares one computation between concurrent misses of a key', async () => {
    const cache = new PublicAnswerCache(options);
    const gate = deferred<string>();
    let computed = 0;
    const compute = () => {
      computed += 1;
      return gate.promise;
    };
    const waiting = [cache.getOrCompute('US', compute), cache.getOrCompute('US', compute)];
    gate.resolve('answer');
    assert.deepEqual(
      (await Promise.all(waiting)).map((answer) => answer.body),
      ['answer', 'answer'],
    );
    assert.equal(computed, 1);
  });

  it('does not keep an answer computed while clear() ran, nor a failure', async () => {
    const cache = new PublicAnswerCache(options);
    const gate = deferred<string>();
    const stale = cache.getOrCompute('US', () => gate.promise);
    cache.clear();
    // A request after the write does not wait for the computation that started before it.
    const fresh = await cache.getOrCompute('US', async () => 'after the write');
    assert.equal(fresh.body, 'after the write');
    gate.resolve('before the write');
    assert.equal((await stale).body, 'before the write');
    assert.equal(cache.get('US')?.body, 'after the write');

    await assert.rejects(
      cache.getOrCompute('NZ', async () => {
        throw new Error('database down');
      }),
      /database down/,
    );
    assert.equal(cache.get('NZ'), undefined);
  });

  it('is bounded by entries and by size, dropping the least recently used first', async () => {
    const cache = new PublicAnswerCache(options);
    for (const key of ['a', 'b', 'c']) await cache.getOrCompute(key, async () => key);
    cache.get('a');
    await cache.getOrCompute('d', async () => 'd');
    assert.equal(cache.size, 3);
    assert.equal(cache.get('b'), undefined, 'b was used least recently');
    assert.ok(cache.get('a') && cache.get('c') && cache.get('d'));

    await cache.getOrCompute('big', async () => 'x'.repeat(400));
    assert.ok(cache.totalBytes <= options.maxBytes);
    assert.ok(cache.get('big'));
    await cache.getOrCompute('huge', async () => 'x'.repeat(600));
    assert.equal(cache.get('huge'), undefined, 'an answer larger than the whole cache is served but not kept');
  });
});

describe('ExpiringValue', () => {
  it('loads once per ttl however many callers, and again once it has expired', async () => {
    const clock = fakeClock();
    let loads = 0;
    const value = new ExpiringValue(async () => (loads += 1), 1_000, clock.read);
    assert.deepEqual(await Promise.all([value.get(), value.get(), value.get()]), [1, 1, 1]);
    clock.now += 999;
    assert.equal(await value.get(), 1);
    clock.now += 1;
    assert.equal(await value.get(), 2);
  });

  it('does not keep a failed load, nor one that clear() overtook', async () => {
    let fail = true;
    let loads = 0;
    const value = new ExpiringValue(async () => {
      loads += 1;
      if (fail) throw new Error('no');
      return loads;
    }, 60_000);
    await assert.rejects(value.get(), /no/);
    fail = false;
    assert.equal(await value.get(), 2);

    const answers = ['before the change', 'after the change'];
    const gates = answers.map(() => deferred<string>());
    let started = 0;
    const slow = new ExpiringValue(() => gates[started++]!.promise, 60_000);
    const pending = slow.get();
    slow.clear();
    const fresh = slow.get();
    assert.equal(started, 2, 'a caller after clear() does not wait on the old load');
    gates[0]!.resolve(answers[0]!);
    gates[1]!.resolve(answers[1]!);
    assert.equal(await pending, 'before the change');
    assert.equal(await fresh, 'after the change');
    assert.equal(await slow.get(), 'after the change');
    assert.equal(started, 2);
  });
});

describe('database readiness', () => {
  it('asks the database at most once per READINESS_TTL_MS, and logs a failure once per check', async () => {
    const clock = fakeClock();
    let queries = 0;
    let down = false;
    const db = {
      kind: 'pglite',
      query: async () => {
        queries += 1;
        if (down) throw new Error('connection refused');
        return [];
      },
      exec: async () => undefined,
    } as Queryable;
    const lines: string[] = [];
    const readiness = databaseReadiness(
      db,
      createLogger('error', (line) => lines.push(line)),
      clock.read,
    );
    for (let poll = 0; poll < 20; poll += 1) assert.equal(await readiness.get(), true);
    assert.equal(queries, 1);
    down = true;
    clock.now += READINESS_TTL_MS - 1;
    assert.equal(await readiness.get(), true, 'still within the second');
    clock.now += 1;
    for (let poll = 0; poll < 20; poll += 1) assert.equal(await readiness.get(), false);
    assert.equal(queries, 2);
    assert.equal(lines.filter((line) => line.includes('database did not answer')).length, 1);
  });
});
