import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { writeCampusConfig } from '../src/campus-config/campus-config-repository.ts';
import type { Database, Row } from '../src/db/database.ts';
import { createMailer, type EmailMessage, type Mailer } from '../src/email/mailer.ts';
import { groupEndedEmail, sessionBackOnEmail, sessionCancelledEmail } from '../src/email/messages.ts';
import type { AdminGroup, Group, GroupRegistration } from '../src/groups/group-types.ts';
import { demoCampusConfig } from '../src/seed/demo-campus-config.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import {
  ADMIN_AUTH,
  ADMIN_TOKEN,
  dateFromToday,
  groupApi,
  groupInput,
  recordingMailer,
} from './helpers/group-fixtures.ts';
import { startSmtpTestServer, type SmtpTestServer } from './helpers/smtp-test-server.ts';
import { startTestServer, type TestServer } from './helpers/test-server.ts';

/**
 * Staff archiving a group, or cancelling one of its sessions, and what the registrants who gave an email are told:
 * through the outbox folder and a real SMTP server on loopback, never holding up or failing the staff request.
 */

const CONSENT = { accepted: true, noticeVersion: 'groups-2025-09' } as const;
const COUNSELLING = 'https://northfield.example/counselling';
/** What a discreet email must not say: the group's name and topic, and words that tell what the email is about. */
const REVEALING =
  /grief|circle|loss|support|mental|therapy|counsel|wellbeing|well-being|anxiety|depress|duelo|apoyo|salud|group|grupo/i;
/** How long to wait for an email that must not come. Sends go out at once on loopback. */
const QUIET_MS = 400;

interface Received {
  to: string;
  subject: string;
  text: string;
  headers: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function parse(raw: Buffer): Promise<Received> {
  const parsed = await simpleParser(raw);
  const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
  return {
    to: to?.value[0]?.address ?? '',
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    headers: [...parsed.headers.entries()].map(([name, value]) => `${name}: ${JSON.stringify(value)}`).join('\n'),
  };
}

/** The .eml files in a folder: waits until `count` are there, reads them and removes them. */
async function takeOutbox(dir: string, count: number, timeoutMs = 5000): Promise<Received[]> {
  const deadline = Date.now() + timeoutMs;
  let names: string[] = [];
  for (;;) {
    names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.eml'));
    if (names.length >= count) break;
    if (Date.now() > deadline) throw new Error(`expected ${count} outbox files, found ${names.length}`);
    await sleep(20);
  }
  const messages: Received[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    messages.push(await parse(await readFile(file)));
    await rm(file);
  }
  return messages;
}

async function outboxCount(dir: string): Promise<number> {
  return (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.eml')).length;
}

/** What an SMTP server received from index `from` on, once there are `count`. */
async function takeSmtp(smtp: SmtpTestServer, from: number, count: number, timeoutMs = 5000): Promise<Received[]> {
  const deadline = Date.now() + timeoutMs;
  while (smtp.received.length < from + count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} SMTP messages, got ${smtp.received.length - from}`);
    await sleep(20);
  }
  return Promise.all(
    smtp.received.slice(from).map(async (got) => {
      const message = await parse(got.raw);
      assert.deepEqual(got.rcptTo, [message.to], 'the envelope names the one recipient');
      return message;
    }),
  );
}

/** The answer, or a failure once `ms` have passed without one (a request waiting on email would hang). */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms: the request waited for email`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
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

const byRecipient = (messages: readonly Received[]) => {
  const map = new Map<string, Received[]>();
  for (const message of messages) map.set(message.to, [...(map.get(message.to) ?? []), message]);
  return map;
};

/** The day and time of a session as the test's own Intl writes them, to find in an email. */
function dayAndTime(startsAt: string, locale: string) {
  const at = new Date(startsAt);
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'America/New_York', ...options }).format(at);
  return {
    weekday: format({ weekday: 'long' }),
    date: format({ month: 'long', day: 'numeric' }),
    // Hour and minute as the language writes them, whatever its clock (es-MX: 6:00 p.m.; es: 18:00).
    time: format({ hour: 'numeric', minute: '2-digit' }).replace(/\s*[ap]\.?\s?m\.?$/i, ''),
  };
}

function assertNamesSession(message: Received, startsAt: string, locale: string) {
  const { weekday, date, time } = dayAndTime(startsAt, locale);
  for (const part of [weekday, date, time]) {
    assert.ok(message.text.includes(part), `"${part}" is not in:\n${message.text}`);
  }
}

function assertDiscreet(message: Received) {
  assert.doesNotMatch(message.subject, REVEALING);
  assert.doesNotMatch(message.text, REVEALING);
  assert.doesNotMatch(message.headers, /grief|circle/i);
}

describeEachDatabase('admin group emails', (target) => {
  let db: TestDatabase;
  let outboxDir: string;
  let outboxServer: TestServer;
  let smtp: SmtpTestServer;
  let smtpServer: TestServer;

  const adminOf = (server: TestServer) => (method: string, path: string, body?: unknown) =>
    groupApi(server.url).send(method, path, body, ADMIN_AUTH);
  /** A group named after its topic, with three places and a waitlist, and who joined it. */
  async function groupWithRegistrants(server: TestServer) {
    const api = groupApi(server.url);
    const group = await api.createGroup(
      groupInput({
        name: 'Grief Circle',
        topics: ['grief'],
        capacity: 3,
        location: { venue: { name: 'Grief Room', room: 'Room 1' } },
      }),
    );
    const join = async (body: Record<string, unknown>) => {
      const response = await api.register(group.id, body);
      assert.equal(response.status, 201);
      return (await response.json()) as GroupRegistration;
    };
    const places = [
      await join({ email: 'ana@example.com', consent: CONSENT }),
      await join({ email: 'bea@example.com', consent: CONSENT, locale: 'es-MX', discreetEmail: false }),
      await join({ name: 'No email' }),
      await join({ email: 'dee@example.com', consent: CONSENT }),
      await join({ email: 'eli@example.com', consent: CONSENT, discreetEmail: false }),
    ];
    assert.deepEqual(
      places.map((place) => place.status),
      ['registered', 'registered', 'registered', 'waitlisted', 'waitlisted'],
    );
    return group;
  }

  before(async () => {
    db = await target.open();
    outboxDir = await mkdtemp(path.join(tmpdir(), 'peer-admin-outbox-'));
    outboxServer = await startTestServer(db.database, { adminToken: ADMIN_TOKEN, email: { outboxDir } });
    // After the first start, which migrates the database.
    await writeCampusConfig(db.database, { ...demoCampusConfig, counsellingUrl: COUNSELLING });
    smtp = await startSmtpTestServer();
    smtpServer = await startTestServer(db.database, {
      adminToken: ADMIN_TOKEN,
      email: { smtpUrl: smtp.url(), from: 'Student Services <no-reply@example.edu>' },
    });
  });
  after(async () => {
    await outboxServer?.close();
    await smtpServer?.close();
    await smtp?.close();
    await db?.dispose();
    if (outboxDir) await rm(outboxDir, { recursive: true, force: true });
  });

  it('archiving tells each registrant and waiting student with an email once, in the outbox, discreetly', async () => {
    const group = await groupWithRegistrants(outboxServer);
    // The registration emails (four gave an address) are not what this test is about.
    await takeOutbox(outboxDir, 4);

    assert.equal((await adminOf(outboxServer)('DELETE', `/admin/groups/${group.id}`)).status, 204);
    const sent = byRecipient(await takeOutbox(outboxDir, 4));
    await sleep(QUIET_MS);
    assert.equal(await outboxCount(outboxDir), 0, 'nothing more than one email each');
    assert.deepEqual([...sent.keys()].sort(), [
      'ana@example.com',
      'bea@example.com',
      'dee@example.com',
      'eli@example.com',
    ]);
    for (const messages of sent.values()) assert.equal(messages.length, 1);

    // Discreet by default, on the waitlist too: nothing names the group or what it is about.
    for (const to of ['ana@example.com', 'dee@example.com']) {
      const [message] = sent.get(to)!;
      assert.equal(message!.subject, 'Your sessions have ended');
      assertDiscreet(message!);
      assert.match(message!.text, /There will be no more sessions\./);
    }
    // The student who chose the group's name gets it, in their language, with the campus's counselling page.
    const [named] = sent.get('bea@example.com')!;
    assert.equal(named!.subject, 'Grief Circle ha terminado');
    assert.ok(named!.text.includes('Grief Circle'));
    assert.ok(named!.text.includes(COUNSELLING), named!.text);
    const [english] = sent.get('eli@example.com')!;
    assert.equal(english!.subject, 'Grief Circle has ended');
    assert.ok(english!.text.includes(COUNSELLING));

    // And the addresses went with the archive.
    const rows = await db.database.query('SELECT 1 FROM group_registrations WHERE group_id = $1', [group.id]);
    assert.equal(rows.length, 0);
  });

  it('archiving through a real SMTP server: one message per address, none for a registrant without one', async () => {
    const api = groupApi(smtpServer.url);
    // Counted before joining: the registration emails may arrive before the answers do.
    const start = smtp.received.length + 2;
    const group = await api.createGroup(groupInput({ name: 'Grief Circle', topics: ['grief'] }));
    await api.register(group.id, { email: 'twice@example.com', consent: CONSENT, locale: 'es' });
    await api.register(group.id, { email: 'twice@example.com', consent: CONSENT, locale: 'es' });
    await api.register(group.id, {});
    await takeSmtp(smtp, start - 2, 2);

    assert.equal((await adminOf(smtpServer)('DELETE', `/admin/groups/${group.id}`)).status, 204);
    const [message] = await takeSmtp(smtp, start, 1);
    await sleep(QUIET_MS);
    assert.equal(smtp.received.length, start + 1, 'one email for one address, though it registered twice');
    assert.equal(message!.to, 'twice@example.com');
    assert.equal(message!.subject, 'Tus sesiones han terminado');
    assertDiscreet(message!);
  });

  it('cancelling a session tells those with a place once, naming the day; taking it back says it is back on', async () => {
    // Counted before joining: the registration emails may arrive before the answers do.
    let seen = smtp.received.length + 4;
    const group = await groupWithRegistrants(smtpServer);
    const cancel = (body: unknown) => adminOf(smtpServer)('POST', `/admin/groups/${group.id}/cancel-session`, body);
    const [first, second] = [`${dateFromToday(2)}T18:00`, `${dateFromToday(9)}T18:00`];
    const [firstAt, secondAt] = [group.nextOccurrences[0]!.startsAt, group.nextOccurrences[1]!.startsAt];
    await takeSmtp(smtp, seen - 4, 4);

    assert.equal((await cancel({ startLocal: first })).status, 200);
    let sent = byRecipient(await takeSmtp(smtp, seen, 2));
    // Those with a place only: the waiting students have no session to miss.
    assert.deepEqual([...sent.keys()].sort(), ['ana@example.com', 'bea@example.com']);
    const [discreet] = sent.get('ana@example.com')!;
    assert.equal(discreet!.subject, 'A session is cancelled');
    assertDiscreet(discreet!);
    assertNamesSession(discreet!, firstAt, 'en');
    const [spanish] = sent.get('bea@example.com')!;
    assert.equal(spanish!.subject, 'Se canceló una sesión de Grief Circle');
    assertNamesSession(spanish!, firstAt, 'es-MX');
    seen += 2;

    // The same call again changes nothing, and tells nobody anything.
    assert.equal((await cancel({ startLocal: first, cancelled: true })).status, 200);
    await sleep(QUIET_MS);
    assert.equal(smtp.received.length, seen, 'a repeated cancellation sends nothing');

    // Another session is another message.
    assert.equal((await cancel({ startLocal: second })).status, 200);
    sent = byRecipient(await takeSmtp(smtp, seen, 2));
    assertNamesSession(sent.get('ana@example.com')![0]!, secondAt, 'en');
    seen += 2;

    // Taken back: the same two hear it is on after all, once.
    const back = await cancel({ startLocal: first, cancelled: false });
    assert.deepEqual(((await back.json()) as AdminGroup).cancelledSessions, [second]);
    sent = byRecipient(await takeSmtp(smtp, seen, 2));
    assert.deepEqual([...sent.keys()].sort(), ['ana@example.com', 'bea@example.com']);
    const [on] = sent.get('ana@example.com')!;
    assert.equal(on!.subject, 'A session is back on');
    assertDiscreet(on!);
    assertNamesSession(on!, firstAt, 'en');
    assert.equal(sent.get('bea@example.com')![0]!.subject, 'Una sesión de Grief Circle ya no está cancelada');
    seen += 2;
    assert.equal((await cancel({ startLocal: first, cancelled: false })).status, 200);
    // Taking back a cancellation that never was is a change of nothing as well.
    assert.equal((await cancel({ startLocal: `${dateFromToday(16)}T18:00`, cancelled: false })).status, 200);
    await sleep(QUIET_MS);
    assert.equal(smtp.received.length, seen, 'nothing for a session that was not cancelled');
  });

  it('answers staff at once and alike when email fails or hangs, and logs no address', async () => {
    const failing = await startSmtpTestServer({ rejectData: [451, 'Try again later'] });
    const logLines: string[] = [];
    const rejecting = await startTestServer(db.database, {
      adminToken: ADMIN_TOKEN,
      email: { smtpUrl: failing.url(), from: 'no-reply@example.edu' },
      logLevel: 'info',
      logSink: (line) => logLines.push(line),
    });
    // A mailer that never answers: the staff request must not wait for it.
    const hanging: Mailer & { calls: EmailMessage[] } = {
      calls: [],
      send(message) {
        hanging.calls.push(message);
        return new Promise<void>(() => undefined);
      },
    };
    const stuck = await startTestServer(db.database, { adminToken: ADMIN_TOKEN, email: hanging });
    try {
      for (const server of [rejecting, stuck]) {
        const group = await groupWithRegistrants(server);
        const admin = adminOf(server);
        const cancelled = await within(
          3000,
          admin('POST', `/admin/groups/${group.id}/cancel-session`, { startLocal: `${dateFromToday(2)}T18:00` }),
        );
        assert.equal(cancelled.status, 200);
        assert.equal((await within(3000, admin('DELETE', `/admin/groups/${group.id}`))).status, 204);
      }
      // Four registration emails, two cancellations and four endings were tried on the hanging mailer.
      const deadline = Date.now() + 5000;
      while (hanging.calls.length < 10 && Date.now() < deadline) await sleep(20);
      assert.equal(hanging.calls.length, 10);
      while (!logLines.some((line) => line.includes('group-ended')) && Date.now() < deadline) await sleep(20);
      const log = logLines.join('\n');
      assert.match(log, /email dropped/);
      assert.match(log, /group-ended/);
      assert.match(log, /group-session-cancelled/);
      assert.ok(!/ana@|bea@|dee@|eli@|example\.com/.test(log), 'no address in the log');
    } finally {
      await rejecting.close();
      await stuck.close();
      await failing.close();
    }
  });

  it('tells nobody when the archive or the cancellation is rolled back', async () => {
    const mailer = recordingMailer();
    const failing = { on: false };
    const server = await startTestServer(failingCommits(db.database, failing), {
      adminToken: ADMIN_TOKEN,
      email: mailer,
    });
    try {
      const group = await groupWithRegistrants(server);
      await mailer.waitFor(4);
      mailer.sent.length = 0;
      failing.on = true;
      const admin = adminOf(server);
      const cancelled = await admin('POST', `/admin/groups/${group.id}/cancel-session`, {
        startLocal: `${dateFromToday(2)}T18:00`,
      });
      assert.equal(cancelled.status, 500);
      assert.equal((await admin('DELETE', `/admin/groups/${group.id}`)).status, 500);
      await sleep(QUIET_MS);
      assert.deepEqual(mailer.sent, []);
      failing.on = false;
      // Nothing of either stayed: the group is there with its session and its five registrations.
      const detail = (await (await groupApi(server.url).send('GET', `/groups/${group.id}`)).json()) as Group;
      assert.equal(detail.nextOccurrences[0]!.cancelled, undefined);
      const rows = await db.database.query('SELECT 1 FROM group_registrations WHERE group_id = $1', [group.id]);
      assert.equal(rows.length, 5);
    } finally {
      await server.close();
    }
  });
});

describe('the group-ended email through SMTP', () => {
  it('keeps a group name with line breaks in the subject line, with no extra header or recipient', async () => {
    const smtp = await startSmtpTestServer();
    const mailer = createMailer({ smtpUrl: smtp.url(), from: 'no-reply@example.edu', outboxDir: '/nonexistent' });
    try {
      await mailer.send(
        groupEndedEmail({
          to: 'sam@example.com',
          groupName: 'Evening circle\r\nBcc: someone@example.net',
          discreet: false,
          locale: 'en',
        }),
      );
    } finally {
      await mailer.close();
    }
    const [got] = smtp.received;
    await smtp.close();
    assert.deepEqual(got!.rcptTo, ['sam@example.com']);
    const message = await parse(got!.raw);
    assert.equal(message.subject, 'Evening circle Bcc: someone@example.net has ended');
    assert.doesNotMatch(message.headers, /^bcc:/im);
  });
});

describe('the words of the group-ended and session emails', () => {
  const base = { to: 'sam@example.com', groupName: 'Grief and Loss Circle', counsellingUrl: COUNSELLING };
  const session = 'Tuesday, December 8, 6:00 – 7:00 PM EST';
  const builders = {
    ended: (input: { discreet?: boolean; locale: string }) => groupEndedEmail({ ...base, ...input }),
    cancelled: (input: { discreet?: boolean; locale: string }) =>
      sessionCancelledEmail({ ...base, ...input, sessionText: session }),
    backOn: (input: { discreet?: boolean; locale: string }) =>
      sessionBackOnEmail({ ...base, ...input, sessionText: session }),
  };
  for (const [kind, build] of Object.entries(builders)) {
    for (const locale of ['en', 'es']) {
      it(`${kind} (${locale}): discreet by default, named when chosen, plain and calm`, () => {
        for (const message of [build({ locale }), build({ locale, discreet: true })]) {
          assert.doesNotMatch(message.subject, REVEALING);
          assert.doesNotMatch(message.text, REVEALING);
          assert.ok(!message.text.includes(COUNSELLING), 'a discreet email carries no link that says what it is for');
        }
        const named = build({ locale, discreet: false });
        assert.ok(named.subject.includes('Grief and Loss Circle'));
        assert.ok(named.text.includes('Grief and Loss Circle'));
        for (const message of [build({ locale }), named]) {
          assert.doesNotMatch(message.text, /!|urgent|must|failed|urgente|debes/i);
          assert.ok(message.text.endsWith('\n'));
          if (kind !== 'ended') assert.ok(message.text.includes(session));
        }
      });
    }
  }

  it('points a named ended email to the campus counselling page when there is one', () => {
    assert.ok(groupEndedEmail({ ...base, discreet: false, locale: 'en' }).text.includes(`:\n${COUNSELLING}\n`));
    const { counsellingUrl: _none, ...withoutUrl } = base;
    assert.doesNotMatch(groupEndedEmail({ ...withoutUrl, discreet: false, locale: 'en' }).text, /counselling/);
  });
});
