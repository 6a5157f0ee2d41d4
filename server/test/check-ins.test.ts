import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, it } from 'node:test';
import type { CheckInResult } from '../src/contract/api-types.ts';
import type { Database, Row } from '../src/db/database.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import {
  countCheckIns,
  moodCheckIn,
  newKey,
  phq4CheckIn,
  postCheckIn,
  who5CheckIn,
  writeDemoConfig,
} from './helpers/check-in-fixtures.ts';
import { problemOf, startTestServer, type TestServer } from './helpers/test-server.ts';

const NOTE = 'Exams next week and my flatmate Priya keeps me up';
const EMAIL = 'sam.private@example.com';
const PHONE = '(555) 555-0188';
const FORWARDED = '203.0.113.77';
const USER_AGENT = 'SecretAgent/1.0';

/** Options every server of this file shares: no rate limit and no scheduled purge, so neither gets in the way. */
const QUIET = { seed: 'demo', checkIns: { rateLimit: null }, retention: { intervalMs: 0 } } as const;

async function rowsOf(db: Database, id: string) {
  const [checkIn] = await db.query('SELECT * FROM check_ins WHERE id = $1', [id]);
  const followUps = await db.query('SELECT * FROM check_in_follow_ups WHERE check_in_id = $1', [id]);
  return { checkIn, followUps };
}

/** Sends a request on a raw socket and drops the connection as soon as the answer starts to arrive. */
function postAndDropTheAnswer(url: string, body: unknown, key: string): Promise<void> {
  const { hostname, port } = new URL(url);
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(
        `POST /api/v1/check-ins HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\n` +
          `Idempotency-Key: ${key}\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
      );
    });
    socket.once('data', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}

/** A database whose idempotency completions fail unless they run inside a handler's transaction. */
function failingOutsideTransactions(real: Database): Database {
  return {
    kind: real.kind,
    exec: (sql) => real.exec(sql),
    query: <T extends Row>(sql: string, params?: readonly unknown[]) =>
      /UPDATE idempotency_keys\s+SET state = 'done'/.test(sql)
        ? Promise.reject(new Error('connection lost after the commit'))
        : real.query<T>(sql, params),
    transaction: (fn) => real.transaction(fn),
    close: () => Promise.resolve(),
  };
}

describeEachDatabase('POST /check-ins', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  const logLines: string[] = [];

  before(async () => {
    db = await target.open();
    server = await startTestServer(db.database, {
      ...QUIET,
      logLevel: 'debug',
      logSink: (line) => logLines.push(line),
    });
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  it('stores the answers, band, safety answer, locale and time, and nothing about who sent it', async () => {
    const response = await postCheckIn(server.url, who5CheckIn([2, 1, 2, 1, 3]), newKey(), {
      'User-Agent': USER_AGENT,
      'X-Forwarded-For': FORWARDED,
    });
    assert.equal(response.status, 201);
    const result = (await response.json()) as CheckInResult;
    assert.match(result.id, /^ci_[A-Za-z0-9_-]+$/);
    assert.deepEqual(result.band, { instrument: 'who5', band: 'low', notADiagnosis: true });
    assert.deepEqual(result.suggestions[0], { kind: 'peer', reason: 'low-wellbeing', urgent: false });

    const { checkIn } = await rowsOf(db.database, result.id);
    assert.deepEqual(Object.keys(checkIn!).sort(), [
      'answers',
      'band',
      'id',
      'instrument',
      'locale',
      'mood_level',
      'received_at',
      'safety_concern',
    ]);
    assert.deepEqual(checkIn!.answers, [2, 1, 2, 1, 3]);
    assert.equal(checkIn!.band, 'low');
    assert.equal(checkIn!.locale, 'en');
    assert.equal(checkIn!.safety_concern, false);
    assert.equal((checkIn!.received_at as Date).toISOString(), result.receivedAt);

    // Nowhere in the database: not the address (forwarded or not), not the user agent.
    const everything = JSON.stringify([
      await db.database.query('SELECT * FROM check_ins'),
      await db.database.query('SELECT * FROM check_in_follow_ups'),
      await db.database.query('SELECT * FROM idempotency_keys'),
    ]);
    for (const needle of [FORWARDED, '127.0.0.1', USER_AGENT]) assert.ok(!everything.includes(needle), needle);
  });

  it('keeps a follow-up request apart from the answers, and the note with them', async () => {
    const body = moodCheckIn({
      answers: { level: 1, emotions: ['lonely', 'tired'], topics: ['exams'], note: NOTE },
      safetyConcern: true,
      followUp: { contact: { channel: 'email', value: EMAIL }, consentVersion: 'follow-up-2025-09' },
    });
    const response = await postCheckIn(server.url, body);
    assert.equal(response.status, 201);
    const result = (await response.json()) as CheckInResult;
    assert.equal(result.band, undefined);
    assert.deepEqual(result.suggestions[0], { kind: 'crisis', reason: 'safety-concern', urgent: true });
    const { checkIn, followUps } = await rowsOf(db.database, result.id);
    assert.deepEqual(checkIn!.answers, { level: 1, emotions: ['lonely', 'tired'], topics: ['exams'], note: NOTE });
    assert.equal(checkIn!.mood_level, 1);
    assert.equal(checkIn!.band, null);
    assert.equal(followUps.length, 1);
    assert.equal(followUps[0]!.channel, 'email');
    assert.equal(followUps[0]!.contact, EMAIL);
    assert.equal(followUps[0]!.consent_version, 'follow-up-2025-09');
    assert.ok(!JSON.stringify(checkIn).includes(EMAIL));
  });

  it('answers the band of each WHO-5 and PHQ-4 boundary, and stores it', async () => {
    const cases = [
      [who5CheckIn([2, 2, 2, 3, 3]), 'low'],
      [who5CheckIn([3, 3, 3, 2, 2]), 'typical'],
      [who5CheckIn([2, 2, 1, 1, 1]), 'very-low'],
      [who5CheckIn([2, 2, 2, 1, 1]), 'low'],
      [phq4CheckIn([1, 0, 1, 0]), 'none'],
      [phq4CheckIn([1, 0, 1, 1]), 'mild'],
      [phq4CheckIn([2, 0, 2, 1]), 'mild'],
      [phq4CheckIn([2, 1, 2, 1]), 'moderate'],
      [phq4CheckIn([2, 2, 2, 2]), 'moderate'],
      [phq4CheckIn([3, 2, 2, 2]), 'severe'],
    ] as const;
    for (const [body, band] of cases) {
      const result = (await (await postCheckIn(server.url, body)).json()) as CheckInResult;
      assert.equal(result.band?.band, band, JSON.stringify(body.answers));
      assert.equal((await rowsOf(db.database, result.id)).checkIn!.band, band);
    }
  });

  it('refuses what the contract does not allow, naming the field, and stores nothing', async () => {
    const before = await countCheckIns(db.database);
    const cases: Array<[unknown, string]> = [
      [moodCheckIn({ answers: { level: 6 } }), '/body/answers/level'],
      [who5CheckIn([1, 2, 3, 4, 6]), '/body/answers/4'],
      [phq4CheckIn([1, 2, 3]), '/body/answers'],
      [{ ...moodCheckIn(), instrument: 'gad7' }, '/body/instrument'],
      [moodCheckIn({ answers: { level: 3, note: `${NOTE}\u0000` } }), '/body/answers/note'],
      [moodCheckIn({ answers: { level: 3, note: 'x'.repeat(501) } }), '/body/answers/note'],
      [
        moodCheckIn({ followUp: { contact: { channel: 'phone', value: 'call me maybe' }, consentVersion: 'v1' } }),
        '/body/followUp/contact/value',
      ],
      [
        moodCheckIn({ followUp: { contact: { channel: 'email', value: '555 0100' }, consentVersion: 'v1' } }),
        '/body/followUp/contact/value',
      ],
      [
        moodCheckIn({ followUp: { contact: { channel: 'email', value: EMAIL }, consentVersion: '' } }),
        '/body/followUp/consentVersion',
      ],
      [{ ...moodCheckIn(), ipAddress: '198.51.100.1' }, '/body/ipAddress'],
      [[moodCheckIn()], '/body'],
    ];
    for (const [body, field] of cases) {
      const response = await postCheckIn(server.url, body);
      assert.equal(response.status, 400, JSON.stringify(body));
      const problem = await problemOf(response);
      assert.deepEqual(
        problem.errors?.map((error) => error.field),
        [field],
        JSON.stringify(problem.errors),
      );
    }
    const noKey = await fetch(`${server.url}/api/v1/check-ins`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(moodCheckIn()),
    });
    assert.equal(noKey.status, 400);
    assert.equal((await problemOf(noKey)).errors?.[0]?.field, '/header/Idempotency-Key');
    assert.equal(await countCheckIns(db.database), before);
  });

  it('never logs the note or the contact, nor echoes them in a 400', async () => {
    logLines.length = 0;
    const withEverything = moodCheckIn({
      answers: { level: 2, note: NOTE },
      followUp: { contact: { channel: 'phone', value: PHONE }, consentVersion: 'v1' },
    });
    assert.equal((await postCheckIn(server.url, withEverything)).status, 201);
    const invalidElsewhere = moodCheckIn({
      answers: { level: 9, note: NOTE },
      followUp: { contact: { channel: 'email', value: `${EMAIL} ${NOTE}` }, consentVersion: 'v1' },
    });
    const refused = await postCheckIn(server.url, invalidElsewhere);
    assert.equal(refused.status, 400);
    const unstorable = await postCheckIn(server.url, moodCheckIn({ answers: { level: 2, note: `${NOTE}\ud800` } }));
    assert.equal(unstorable.status, 400);
    const answers = (await refused.text()) + (await unstorable.text());
    assert.ok(
      logLines.some((line) => line.includes('/api/v1/check-ins')),
      'the requests were logged',
    );
    const logged = logLines.join('\n');
    for (const needle of [NOTE, 'Priya', EMAIL, PHONE, '555-0188']) {
      assert.ok(!logged.includes(needle), `log contains "${needle}"`);
      assert.ok(!answers.includes(needle), `a 400 contains "${needle}"`);
    }
  });

  it('answers 501 when the campus does not take check-ins, and 400 for a follow-up nobody reads', async () => {
    const options = { checkIns: { rateLimit: null }, retention: { intervalMs: 0 } };
    const before = await countCheckIns(db.database);
    try {
      const features = { checkIn: false, groups: true, peerRequests: true, crisisResources: true };
      await writeDemoConfig(db.database, { features });
      const off = await startTestServer(db.database, options);
      try {
        const unavailable = await postCheckIn(off.url, moodCheckIn());
        assert.equal(unavailable.status, 501);
        assert.equal((await problemOf(unavailable)).type, '/problems/not-implemented');
      } finally {
        await off.close();
      }

      await writeDemoConfig(db.database, { checkIn: { topics: ['studies'], emotions: ['calm'], followUp: false } });
      const noFollowUp = await startTestServer(db.database, options);
      try {
        const followUp = { contact: { channel: 'email', value: EMAIL }, consentVersion: 'v1' } as const;
        const refused = await postCheckIn(noFollowUp.url, moodCheckIn({ followUp }));
        assert.equal(refused.status, 400);
        assert.deepEqual(
          (await problemOf(refused)).errors?.map((error) => error.field),
          ['/body/followUp'],
        );
        assert.equal(await countCheckIns(db.database), before);
        assert.equal((await postCheckIn(noFollowUp.url, moodCheckIn())).status, 201);
      } finally {
        await noFollowUp.close();
      }
    } finally {
      await writeDemoConfig(db.database);
    }
  });

  it('GET /config carries the demo campus check-in settings', async () => {
    const config = (await (await fetch(`${server.url}/api/v1/config`)).json()) as Record<string, unknown>;
    assert.deepEqual(config.checkIn, {
      topics: [
        'studies',
        'exams',
        'money',
        'housing',
        'family',
        'friends',
        'relationships',
        'loneliness',
        'health',
        'sleep',
        'identity',
        'future',
        'other',
      ],
      emotions: [
        'calm',
        'content',
        'hopeful',
        'happy',
        'grateful',
        'motivated',
        'tired',
        'stressed',
        'anxious',
        'worried',
        'overwhelmed',
        'lonely',
        'sad',
        'frustrated',
        'numb',
      ],
      followUp: true,
      followUpWorkingDays: 2,
    });
  });

  it('replays the first answer for a retry with the same key, and stores one check-in', async () => {
    const key = newKey();
    const body = moodCheckIn({ answers: { level: 2, topics: ['money'] } });
    const before = await countCheckIns(db.database);
    const first = await postCheckIn(server.url, body, key);
    assert.equal(first.status, 201);
    const firstText = await first.text();
    const again = await postCheckIn(server.url, body, key);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(await again.text(), firstText);
    assert.equal(await countCheckIns(db.database), before + 1);
    const reused = await postCheckIn(server.url, moodCheckIn({ answers: { level: 5 } }), key);
    assert.equal(reused.status, 422);
    assert.equal(await countCheckIns(db.database), before + 1);
  });

  it('stores one check-in when the answer is lost after the commit and the request comes again', async () => {
    const key = newKey();
    const body = phq4CheckIn([2, 2, 1, 0]);
    const before = await countCheckIns(db.database);
    await postAndDropTheAnswer(server.url, body, key);
    assert.equal(await countCheckIns(db.database), before + 1, 'the first request committed');
    const retry = await postCheckIn(server.url, body, key);
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    const result = (await retry.json()) as CheckInResult;
    assert.ok((await rowsOf(db.database, result.id)).checkIn, 'the replay names the stored check-in');
    assert.equal(await countCheckIns(db.database), before + 1);
  });

  it('stores the answer to replay in the same transaction as the check-in', async () => {
    // Should storing the answer after the commit fail (a lost connection), a retry would wait for the claim to
    // time out and then store the check-in again. Here such a separate store always fails, and nothing breaks.
    const flaky = await startTestServer(failingOutsideTransactions(db.database), QUIET);
    try {
      const key = newKey();
      const before = await countCheckIns(db.database);
      const first = await postCheckIn(flaky.url, moodCheckIn(), key);
      assert.equal(first.status, 201);
      const retry = await postCheckIn(flaky.url, moodCheckIn(), key);
      assert.equal(retry.headers.get('idempotent-replayed'), 'true');
      assert.equal(await countCheckIns(db.database), before + 1);
    } finally {
      await flaky.close();
    }
  });

  it('runs once when the same key arrives at two instances at the same moment', async () => {
    const secondDb = db.kind === 'postgresql' ? await openDatabase(db.config) : db.database;
    const other = await startTestServer(secondDb, QUIET);
    try {
      const key = newKey();
      const body = who5CheckIn([1, 1, 1, 1, 1], true);
      const before = await countCheckIns(db.database);
      const responses = await Promise.all(
        Array.from({ length: 12 }, (_, index) => postCheckIn(index % 2 ? server.url : other.url, body, key)),
      );
      const statuses = responses.map((response) => response.status);
      assert.ok(
        statuses.every((status) => status === 201 || status === 409),
        statuses.join(','),
      );
      for (const response of responses.filter((item) => item.status === 409)) {
        assert.ok(Number(response.headers.get('retry-after')) >= 1);
      }
      const fresh = responses.filter(
        (response) => response.status === 201 && !response.headers.get('idempotent-replayed'),
      );
      assert.equal(fresh.length, 1);
      await Promise.all(responses.map((response) => response.body?.cancel()));
      assert.equal(await countCheckIns(db.database), before + 1);
      const final = await postCheckIn(server.url, body, key);
      assert.equal(final.headers.get('idempotent-replayed'), 'true');
    } finally {
      await other.close();
      if (secondDb !== db.database) await secondDb.close();
    }
  });
});
