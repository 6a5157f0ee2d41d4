import assert from 'node:assert/strict';
import { after, before, beforeEach, it } from 'node:test';
import type { Database, Row } from '../src/db/database.ts';
import type { GroupRegistration } from '../src/groups/group-types.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import {
  ADMIN_TOKEN,
  groupApi,
  groupInput,
  newKey,
  recordingMailer,
  type RecordingMailer,
} from './helpers/group-fixtures.ts';
import { problemOf, startTestServer, type TestServer } from './helpers/test-server.ts';

const NAME = 'Priya Test-Student';
const EMAIL = 'priya.private@example.com';
const NEEDS = 'I use a wheelchair and need the ramp entrance';
const CONSENT = { accepted: true, noticeVersion: 'groups-2025-09' } as const;
const HIDDEN_ROOM = 'Room 4.07 behind the library';
const JOIN_URL = 'https://meet.example.edu/j/8675309';

async function registrationsOf(db: TestDatabase, groupId: string) {
  return db.database.query<{ id: string; status: string; seq: number; email: string | null; name: string | null }>(
    'SELECT id, status, seq, email, name FROM group_registrations WHERE group_id = $1 ORDER BY seq',
    [groupId],
  );
}

async function countsOf(db: TestDatabase, groupId: string) {
  const [row] = await db.database.query<{ registered_count: number; waitlisted_count: number }>(
    'SELECT registered_count, waitlisted_count FROM groups WHERE id = $1',
    [groupId],
  );
  return row!;
}

/**
 * A database whose transactions fail as they commit (a lost connection) once `failing.on` is set, so that
 * everything in them is rolled back after the handler's own work inside them is done.
 */
function failingCommits(real: Database, failing: { on: boolean }): Database {
  return {
    kind: real.kind,
    exec: (sql) => real.exec(sql),
    query: <T extends Row>(sql: string, params?: readonly unknown[]) => real.query<T>(sql, params),
    transaction: (fn) =>
      real.transaction(async (tx) => {
        const result = await fn(tx);
        if (failing.on) throw new Error('the connection dropped during COMMIT');
        return result;
      }),
    close: async () => {},
  };
}

describeEachDatabase('group registrations', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  let mailer: RecordingMailer;
  let api: ReturnType<typeof groupApi>;
  const logLines: string[] = [];

  before(async () => {
    db = await target.open();
    mailer = recordingMailer();
    server = await startTestServer(db.database, {
      seed: 'demo',
      adminToken: ADMIN_TOKEN,
      email: mailer,
      logLevel: 'debug',
      logSink: (line) => logLines.push(line),
    });
    api = groupApi(server.url);
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });
  beforeEach(() => {
    mailer.sent.length = 0;
    mailer.failing = false;
  });

  it('gives 50 simultaneous registrations for 10 places exactly 10 places and waitlist places 1 to 40', async () => {
    const group = await api.createGroup(groupInput({ capacity: 10 }));
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        api.register(group.id, {}).then(async (response) => {
          assert.equal(response.status, 201);
          return (await response.json()) as GroupRegistration;
        }),
      ),
    );
    const registered = answers.filter((answer) => answer.status === 'registered');
    const waitlisted = answers.filter((answer) => answer.status === 'waitlisted');
    assert.equal(registered.length, 10);
    assert.equal(waitlisted.length, 40);
    assert.ok(registered.every((answer) => answer.waitlistPosition === null));
    assert.deepEqual(
      waitlisted.map((answer) => answer.waitlistPosition).sort((a, b) => a! - b!),
      Array.from({ length: 40 }, (_, index) => index + 1),
    );
    // The positions follow the order the rows were committed in, and the counters agree with the rows.
    const rows = await registrationsOf(db, group.id);
    const byId = new Map(answers.map((answer) => [answer.registrationId, answer]));
    const inOrder = rows.filter((row) => row.status === 'waitlisted').map((row) => byId.get(row.id)!.waitlistPosition);
    assert.deepEqual(
      inOrder,
      Array.from({ length: 40 }, (_, index) => index + 1),
    );
    assert.deepEqual(await countsOf(db, group.id), { registered_count: 10, waitlisted_count: 40 });
    const detail = (await (await api.send('GET', `/groups/${group.id}`)).json()) as Record<string, unknown>;
    assert.equal(detail.spotsLeft, 0);
    assert.equal(detail.registrationStatus, 'waitlist');
  });

  it('gives the room and link with a place, never to someone waiting, and never in the list or the details', async () => {
    const group = await api.createGroup(
      groupInput({
        name: 'Hidden room circle',
        capacity: 1,
        sensitive: true,
        areaHint: 'Main campus',
        format: 'hybrid',
        location: {
          venue: { name: 'Wellbeing Centre', room: HIDDEN_ROOM },
          online: { platform: 'Zoom', joinUrl: JOIN_URL },
        },
      }),
    );
    const visible = async () =>
      JSON.stringify([
        await (await api.send('GET', '/groups?limit=50')).json(),
        await (await api.send('GET', `/groups/${group.id}`)).json(),
      ]);
    for (const text of [await visible()]) {
      assert.ok(!text.includes(HIDDEN_ROOM) && !text.includes(JOIN_URL));
      assert.ok(text.includes('"locationHidden":true') && text.includes('Main campus'));
    }
    const first = (await (await api.register(group.id)).json()) as GroupRegistration;
    assert.equal(first.status, 'registered');
    assert.equal(first.location?.venue?.room, HIDDEN_ROOM);
    assert.equal(first.location?.online?.joinUrl, JOIN_URL);
    assert.match(first.cancelToken, /^[A-Za-z0-9_-]{32}$/);

    const second = (await (await api.register(group.id)).json()) as Record<string, unknown>;
    assert.equal(second.status, 'waitlisted');
    assert.equal(second.waitlistPosition, 1);
    assert.ok(!JSON.stringify(second).includes(HIDDEN_ROOM) && !('location' in second));
    // Registering changes nothing about what everyone else sees.
    const after = await visible();
    assert.ok(!after.includes(HIDDEN_ROOM) && !after.includes(JOIN_URL));
  });

  it('asks consent only when an email or access needs are given, and keeps nothing it does not need', async () => {
    const group = await api.createGroup(groupInput());
    const anonymous = await api.register(group.id, {});
    assert.equal(anonymous.status, 201);
    const named = await api.register(group.id, { name: NAME });
    assert.equal(named.status, 201);
    for (const body of [
      { email: EMAIL },
      { accessibilityNeeds: NEEDS },
      { email: EMAIL, consent: { accepted: false, noticeVersion: 'x' } },
    ]) {
      const refused = await api.register(group.id, body);
      assert.equal(refused.status, 400);
      const problem = await problemOf(refused);
      assert.ok(
        problem.errors?.some((error) => error.field.startsWith('/body/consent')),
        JSON.stringify(problem),
      );
      assert.ok(!JSON.stringify(problem).includes(EMAIL) && !JSON.stringify(problem).includes(NEEDS));
    }
    const full = await api.register(group.id, {
      name: NAME,
      email: EMAIL,
      accessibilityNeeds: NEEDS,
      consent: CONSENT,
    });
    assert.equal(full.status, 201);
    const [row] = await db.database.query(
      'SELECT name, email, accessibility_needs, consent_version, token_hash FROM group_registrations WHERE id = $1',
      [((await full.json()) as GroupRegistration).registrationId],
    );
    assert.deepEqual(
      { ...row, token_hash: typeof row!.token_hash },
      { name: NAME, email: EMAIL, accessibility_needs: NEEDS, consent_version: 'groups-2025-09', token_hash: 'string' },
    );
    const [anonymousRow] = await db.database.query(
      'SELECT name, email, consent_version, locale FROM group_registrations WHERE id = $1',
      [((await anonymous.json()) as GroupRegistration).registrationId],
    );
    assert.deepEqual(anonymousRow, { name: null, email: null, consent_version: null, locale: 'en' });
  });

  it('answers 409 when full without a waitlist or closed, and 404 for a group that is not there', async () => {
    const noWaitlist = await api.createGroup(groupInput({ capacity: 1, waitlistEnabled: false }));
    assert.equal((await api.register(noWaitlist.id)).status, 201);
    const full = await api.register(noWaitlist.id);
    assert.equal(full.status, 409);
    assert.equal((await problemOf(full)).type, '/problems/conflict');
    const listed = (await (await api.send('GET', `/groups/${noWaitlist.id}`)).json()) as Record<string, unknown>;
    assert.equal(listed.registrationStatus, 'closed');

    const closed = await api.createGroup(groupInput({ registrationOpen: false }));
    assert.equal((await api.register(closed.id)).status, 409);
    const ended = await api.createGroup(
      groupInput({
        schedule: {
          timeZone: 'UTC',
          startLocal: '2024-01-02T18:00',
          durationMinutes: 60,
          rrule: 'FREQ=WEEKLY;COUNT=3',
        },
      }),
    );
    assert.equal((await api.register(ended.id)).status, 409);
    assert.equal((await api.register('grp_nothing_here')).status, 404);
    // None of these left a row behind.
    assert.equal((await registrationsOf(db, closed.id)).length + (await registrationsOf(db, ended.id)).length, 0);
    assert.equal((await registrationsOf(db, noWaitlist.id)).length, 1);
  });

  it('replays a retried registration with the same key, once, and refuses the key with another body', async () => {
    const group = await api.createGroup(groupInput());
    const key = newKey();
    const first = await api.register(group.id, { name: 'Sam' }, key);
    const again = await api.register(group.id, { name: 'Sam' }, key);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await again.json(), await first.json());
    assert.equal((await registrationsOf(db, group.id)).length, 1);
    assert.equal((await api.register(group.id, { name: 'Alex' }, key)).status, 422);
  });

  it('cancels with the token only, deletes the contact details, and answers a second cancel alike', async () => {
    const group = await api.createGroup(groupInput());
    const made = (await (
      await api.register(group.id, { name: NAME, email: EMAIL, accessibilityNeeds: NEEDS, consent: CONSENT })
    ).json()) as GroupRegistration;
    const other = (await (await api.register(group.id)).json()) as GroupRegistration;

    for (const [id, token] of [
      [made.registrationId, other.cancelToken],
      [made.registrationId, `${made.cancelToken.slice(0, -1)}A`],
      ['reg_not_a_registration', made.cancelToken],
    ] as const) {
      const refused = await api.cancel(group.id, id, token);
      assert.equal(refused.status, 404);
      assert.equal((await problemOf(refused)).type, '/problems/not-found');
    }
    // The right token for another group's path is no better.
    const elsewhere = await api.createGroup(groupInput());
    assert.equal((await api.cancel(elsewhere.id, made.registrationId, made.cancelToken)).status, 404);

    assert.equal((await api.cancel(group.id, made.registrationId, made.cancelToken)).status, 204);
    assert.equal((await api.cancel(group.id, made.registrationId, made.cancelToken)).status, 204);
    const [row] = await db.database.query(
      'SELECT status, name, email, accessibility_needs FROM group_registrations WHERE id = $1',
      [made.registrationId],
    );
    assert.deepEqual(row, { status: 'cancelled', name: null, email: null, accessibility_needs: null });
    assert.deepEqual(await countsOf(db, group.id), { registered_count: 1, waitlisted_count: 0 });
    // A cancelled registration's token does not open another.
    assert.equal((await api.cancel(group.id, other.registrationId, made.cancelToken)).status, 404);
  });

  it('promotes the first on the waitlist when a place frees up, and tells them once by email', async () => {
    const group = await api.createGroup(groupInput({ name: 'Grief and loss circle', capacity: 1, topics: ['grief'] }));
    const holder = (await (await api.register(group.id)).json()) as GroupRegistration;
    const waiting = (await (
      await api.register(group.id, { email: EMAIL, consent: CONSENT })
    ).json()) as GroupRegistration;
    const behind = (await (await api.register(group.id)).json()) as GroupRegistration;
    assert.deepEqual([waiting.waitlistPosition, behind.waitlistPosition], [1, 2]);
    await mailer.waitFor(1);
    assert.equal(mailer.sent[0]!.to, EMAIL);
    assert.match(mailer.sent[0]!.subject, /waiting list/);
    mailer.sent.length = 0;

    assert.equal((await api.cancel(group.id, holder.registrationId, holder.cancelToken)).status, 204);
    const rows = await registrationsOf(db, group.id);
    assert.deepEqual(
      rows.map((row) => [row.id, row.status]),
      [
        [holder.registrationId, 'cancelled'],
        [waiting.registrationId, 'registered'],
        [behind.registrationId, 'waitlisted'],
      ],
    );
    const [promoted] = await mailer.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(mailer.sent.length, 1);
    assert.equal(promoted!.to, EMAIL);
    // Discreet unless asked otherwise: neither the subject nor the text names the group or its topic.
    assert.equal(promoted!.subject, 'A place opened up for you');
    assert.ok(!/grief|loss/i.test(`${promoted!.subject}\n${promoted!.text}`), promoted!.text);
    assert.match(promoted!.text, /Test Hall/);
    assert.deepEqual(await countsOf(db, group.id), { registered_count: 1, waitlisted_count: 1 });
    const detail = (await (await api.send('GET', `/groups/${group.id}`)).json()) as Record<string, unknown>;
    assert.equal(detail.registrationStatus, 'waitlist');
  });

  it('promotes in waitlist order when places free up at the same moment, each student once with one email', async () => {
    const group = await api.createGroup(groupInput({ capacity: 10 }));
    const holders = await Promise.all(
      Array.from({ length: 10 }, async () => (await (await api.register(group.id)).json()) as GroupRegistration),
    );
    const waiting: GroupRegistration[] = [];
    for (let index = 0; index < 6; index += 1) {
      const body = { email: `waiting${index}@example.com`, consent: CONSENT };
      waiting.push((await (await api.register(group.id, body)).json()) as GroupRegistration);
    }
    assert.deepEqual(
      waiting.map((registration) => registration.waitlistPosition),
      [1, 2, 3, 4, 5, 6],
    );
    await mailer.waitFor(6);
    mailer.sent.length = 0;

    // Eight holders cancel at once, two of them twice: six places go to the six waiting, in their order.
    const cancels = [...holders.slice(0, 8), holders[0]!, holders[1]!].map((holder) =>
      api.cancel(group.id, holder.registrationId, holder.cancelToken),
    );
    assert.deepEqual(
      (await Promise.all(cancels)).map((response) => response.status),
      Array.from({ length: 10 }, () => 204),
    );
    const rows = await db.database.query<{ id: string; status: string; promoted_at: Date | null }>(
      'SELECT id, status, promoted_at FROM group_registrations WHERE group_id = $1 AND promoted_at IS NOT NULL ORDER BY promoted_at, seq',
      [group.id],
    );
    assert.deepEqual(
      rows.map((row) => row.id),
      waiting.map((registration) => registration.registrationId),
    );
    assert.deepEqual(await countsOf(db, group.id), { registered_count: 8, waitlisted_count: 0 });
    const sent = await mailer.waitFor(6);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(sent.length, 6);
    assert.deepEqual(
      sent.map((message) => message.to).sort(),
      waiting.map((_, index) => `waiting${index}@example.com`).sort(),
    );
    assert.ok(sent.every((message) => message.subject === 'A place opened up for you'));
  });

  it('writes in the language asked for, names the group only when asked, and never lists a waitlist its room', async () => {
    const group = await api.createGroup(
      groupInput({
        name: 'Círculo de duelo',
        topics: ['grief'],
        capacity: 1,
        sensitive: true,
        location: { venue: { name: 'Centro de Bienestar', room: HIDDEN_ROOM } },
      }),
    );
    await api.register(group.id, { email: EMAIL, consent: CONSENT, locale: 'es', discreetEmail: false });
    await api.register(group.id, { email: 'second@example.com', consent: CONSENT, locale: 'es-MX' });
    const [named, waiting] = await mailer.waitFor(2);
    const byRecipient = new Map(mailer.sent.map((message) => [message.to, message]));
    assert.ok(named && waiting);
    assert.equal(byRecipient.get(EMAIL)!.subject, 'Tu plaza en Círculo de duelo está confirmada');
    assert.match(byRecipient.get(EMAIL)!.text, new RegExp(HIDDEN_ROOM));
    const wait = byRecipient.get('second@example.com')!;
    assert.equal(wait.subject, 'Estás en la lista de espera');
    assert.match(wait.text, /puesto 1/);
    assert.ok(!wait.text.includes(HIDDEN_ROOM) && !wait.text.includes('Centro de Bienestar'), wait.text);
    assert.ok(!/duelo/i.test(wait.text));
  });

  it('still registers when email fails, and never logs names, emails, needs or tokens', async () => {
    const group = await api.createGroup(groupInput());
    mailer.failing = true;
    const response = await api.register(group.id, {
      name: NAME,
      email: EMAIL,
      accessibilityNeeds: NEEDS,
      consent: CONSENT,
    });
    assert.equal(response.status, 201);
    const made = (await response.json()) as GroupRegistration;
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(logLines.some((line) => line.includes('email dropped')));
    assert.equal((await api.cancel(group.id, made.registrationId, made.cancelToken)).status, 204);
    const log = logLines.join('\n');
    for (const secret of [NAME, EMAIL, NEEDS, made.cancelToken, 'priya']) {
      assert.ok(!log.toLowerCase().includes(secret.toLowerCase()), `the log holds ${secret}`);
    }
  });

  it('tells nobody about a promotion that was rolled back', async () => {
    const group = await api.createGroup(groupInput({ capacity: 1 }));
    const holder = (await (await api.register(group.id)).json()) as GroupRegistration;
    const waiting = (await (
      await api.register(group.id, { email: EMAIL, consent: CONSENT })
    ).json()) as GroupRegistration;
    await mailer.waitFor(1);
    mailer.sent.length = 0;

    const brokenMailer = recordingMailer();
    const failing = { on: false };
    const broken = await startTestServer(failingCommits(db.database, failing), {
      email: brokenMailer,
      logLevel: 'silent',
    });
    failing.on = true;
    try {
      const response = await groupApi(broken.url).cancel(group.id, holder.registrationId, holder.cancelToken);
      assert.equal(response.status, 500);
    } finally {
      await broken.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(brokenMailer.sent.length, 0);
    // Nothing of the cancellation stayed: the holder keeps the place, the waiting student still waits.
    assert.deepEqual(
      (await registrationsOf(db, group.id)).map((row) => row.status),
      ['registered', 'waitlisted'],
    );
    assert.equal((await api.cancel(group.id, holder.registrationId, holder.cancelToken)).status, 204);
    const [promoted] = await mailer.waitFor(1);
    assert.equal(promoted!.to, EMAIL);
    assert.equal(waiting.waitlistPosition, 1);
  });
});
