import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { createMailer } from '../src/email/mailer.ts';
import {
  canTake,
  TRANSITIONS,
  type PeerRequestState,
  type RequestAction,
} from '../src/peer-requests/request-states.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import {
  auditLog,
  createRequest,
  makeSupporter,
  newKey,
  requestBody,
  signIn,
  supporterCall,
  writePeerCampus,
  type PeerRequestCreated,
  type SupporterRequest,
  type TrainingState,
} from './helpers/peer-request-fixtures.ts';
import { startSmtpTestServer, type SmtpTestServer } from './helpers/smtp-test-server.ts';
import { problemOf, startTestServer, type TestServer } from './helpers/test-server.ts';

describe('the state machine', () => {
  it('is the contract’s: every pair it allows, and no other', () => {
    const pairs = new Set<string>();
    for (const [action, { from, to }] of Object.entries(TRANSITIONS)) {
      for (const state of from) {
        pairs.add(`${state}>${to}`);
        assert.equal(canTake(action as RequestAction, state), true);
      }
      // No action leads from a state to itself: repeats are answered without a change.
      assert.equal(canTake(action as RequestAction, to), false);
    }
    assert.deepEqual([...pairs].sort(), [
      'claimed>cancelled',
      'claimed>closed',
      'claimed>escalated-to-professional',
      'claimed>in-progress',
      'claimed>queued',
      'escalated-to-professional>closed',
      'in-progress>cancelled',
      'in-progress>closed',
      'in-progress>escalated-to-professional',
      'in-progress>queued',
      'queued>cancelled',
      'queued>claimed',
      'queued>escalated-to-professional',
    ]);
  });
});

/** What one party tries, and what the contract says comes of it. */
type Attempt = 'claim' | 'start' | 'hand-back' | 'close' | 'escalate' | 'cancel';
const ATTEMPTS: readonly Attempt[] = ['claim', 'start', 'hand-back', 'close', 'escalate', 'cancel'];
const STATES: readonly PeerRequestState[] = [
  'queued',
  'claimed',
  'in-progress',
  'closed',
  'cancelled',
  'escalated-to-professional',
];

/** The holder's attempts (or a trained supporter's, on a request nobody holds): [HTTP status, state after]. */
const BY_HOLDER: Record<PeerRequestState, Record<Attempt, [number, PeerRequestState]>> = {
  queued: {
    claim: [200, 'claimed'],
    start: [409, 'queued'],
    'hand-back': [200, 'queued'],
    close: [409, 'queued'],
    escalate: [201, 'escalated-to-professional'],
    cancel: [200, 'cancelled'],
  },
  claimed: {
    claim: [200, 'claimed'],
    start: [200, 'in-progress'],
    'hand-back': [200, 'queued'],
    close: [200, 'closed'],
    escalate: [201, 'escalated-to-professional'],
    cancel: [200, 'cancelled'],
  },
  'in-progress': {
    claim: [200, 'in-progress'],
    start: [200, 'in-progress'],
    'hand-back': [200, 'queued'],
    close: [200, 'closed'],
    escalate: [201, 'escalated-to-professional'],
    cancel: [200, 'cancelled'],
  },
  closed: {
    claim: [409, 'closed'],
    start: [409, 'closed'],
    'hand-back': [409, 'closed'],
    close: [200, 'closed'],
    escalate: [409, 'closed'],
    cancel: [409, 'closed'],
  },
  cancelled: {
    claim: [409, 'cancelled'],
    start: [409, 'cancelled'],
    'hand-back': [409, 'cancelled'],
    close: [409, 'cancelled'],
    escalate: [409, 'cancelled'],
    cancel: [200, 'cancelled'],
  },
  'escalated-to-professional': {
    claim: [409, 'escalated-to-professional'],
    start: [409, 'escalated-to-professional'],
    'hand-back': [409, 'escalated-to-professional'],
    close: [200, 'closed'],
    escalate: [409, 'escalated-to-professional'],
    cancel: [409, 'escalated-to-professional'],
  },
};

/** Another trained supporter's attempts on a request the holder has claimed. */
const BY_OTHER_ON_CLAIMED: Record<Exclude<Attempt, 'cancel'>, [number, PeerRequestState]> = {
  claim: [409, 'claimed'],
  start: [409, 'claimed'],
  'hand-back': [409, 'claimed'],
  close: [409, 'claimed'],
  escalate: [201, 'escalated-to-professional'],
};

interface Harness {
  server: TestServer;
  db: TestDatabase;
}

async function statusOf(db: TestDatabase, id: string): Promise<PeerRequestState> {
  const [row] = await db.database.query<{ status: PeerRequestState }>(
    'SELECT status FROM peer_requests WHERE id = $1',
    [id],
  );
  return row!.status;
}

function attempt(
  { server }: Harness,
  who: Record<string, string>,
  what: Attempt,
  created: PeerRequestCreated,
): Promise<Response> {
  const path = `/requests/${created.requestId}`;
  switch (what) {
    case 'claim':
      return supporterCall(server.url, who, 'POST', `${path}/claim`);
    case 'start':
      return supporterCall(server.url, who, 'PATCH', path, { status: 'in-progress' });
    case 'hand-back':
      return supporterCall(server.url, who, 'PATCH', path, { status: 'queued' });
    case 'close':
      return supporterCall(server.url, who, 'POST', `${path}/close`, { outcome: 'supported' });
    case 'escalate':
      return supporterCall(
        server.url,
        who,
        'POST',
        `${path}/escalate`,
        { reason: 'other' },
        { 'Idempotency-Key': newKey() },
      );
    case 'cancel':
      return fetch(`${server.url}/api/v1/peer-requests/${created.requestId}/cancel`, {
        method: 'POST',
        headers: { 'Request-Secret': created.secret },
      });
  }
}

/** A new request brought to `state` by `holder`. */
async function requestIn(harness: Harness, holder: Record<string, string>, state: PeerRequestState) {
  const created = await createRequest(harness.server.url);
  const steps: Record<PeerRequestState, Attempt[]> = {
    queued: [],
    claimed: ['claim'],
    'in-progress': ['claim', 'start'],
    closed: ['claim', 'close'],
    cancelled: ['cancel'],
    'escalated-to-professional': ['escalate'],
  };
  for (const step of steps[state]) {
    const response = await attempt(harness, holder, step, created);
    assert.ok(response.ok, `${step}: ${response.status} ${await response.text()}`);
  }
  assert.equal(await statusOf(harness.db, created.requestId), state);
  return created;
}

describeEachDatabase('peer request transitions', (target) => {
  const harness = {} as Harness;
  let holder: Record<string, string>;
  let holderId: string;
  let other: Record<string, string>;
  let supervisor: Record<string, string>;

  before(async () => {
    harness.db = await target.open();
    await writePeerCampus(harness.db.database);
    harness.server = await startTestServer(harness.db.database, {
      peerRequests: { rateLimit: null, signInRateLimit: null },
    });
    const holderAccount = await makeSupporter(harness.db.database, { displayName: 'Holder' });
    holderId = holderAccount.id;
    holder = await signIn(harness.server.url, holderAccount);
    other = await signIn(harness.server.url, await makeSupporter(harness.db.database, { displayName: 'Other' }));
    supervisor = await signIn(
      harness.server.url,
      await makeSupporter(harness.db.database, { roles: ['supervisor'], displayName: 'Supervisor' }),
    );
  });
  after(async () => {
    await harness.server?.close();
    await harness.db?.dispose();
  });

  for (const state of STATES) {
    it(`from ${state}: each attempt of the holder (or the student) is allowed or refused as the contract says`, async () => {
      for (const what of ATTEMPTS) {
        const created = await requestIn(harness, holder, state);
        const before = (await auditLog(harness.db.database, created.requestId)).length;
        const response = await attempt(harness, holder, what, created);
        const [status, after] = BY_HOLDER[state][what];
        assert.equal(response.status, status, `${state} + ${what}: ${await response.clone().text()}`);
        assert.equal(await statusOf(harness.db, created.requestId), after, `${state} + ${what}`);
        if (status === 409) assert.equal((await problemOf(response)).type, '/problems/conflict');
        // One audit-log entry for each change, none for a refusal or a harmless repeat.
        const log = await auditLog(harness.db.database, created.requestId);
        assert.equal(log.length, before + (after === state ? 0 : 1), `${state} + ${what}`);
        if (after !== state) {
          const last = log.at(-1)!;
          assert.deepEqual([last.from_status, last.to_status], [state, after]);
          assert.equal(last.actor, what === 'cancel' ? 'student' : 'supporter');
          assert.equal(last.supporter_id, what === 'cancel' ? null : holderId);
        }
      }
    });
  }

  it('refuses another supporter everything on a claimed request but escalating it', async () => {
    for (const [what, [status, after]] of Object.entries(BY_OTHER_ON_CLAIMED)) {
      const created = await requestIn(harness, holder, 'claimed');
      const response = await attempt(harness, other, what as Attempt, created);
      assert.equal(response.status, status, what);
      assert.equal(await statusOf(harness.db, created.requestId), after, what);
    }
  });

  it('lets a supervisor hand back or close a request someone else holds', async () => {
    const handBack = await requestIn(harness, holder, 'in-progress');
    assert.equal((await attempt(harness, supervisor, 'hand-back', handBack)).status, 200);
    assert.equal(await statusOf(harness.db, handBack.requestId), 'queued');
    const close = await requestIn(harness, holder, 'claimed');
    assert.equal((await attempt(harness, supervisor, 'close', close)).status, 200);
    assert.equal(await statusOf(harness.db, close.requestId), 'closed');
  });

  it('lets a supervisor or those involved close an escalated request, and nobody else (403)', async () => {
    const escalated = await requestIn(harness, holder, 'escalated-to-professional');
    const refused = await attempt(harness, other, 'close', escalated);
    assert.equal(refused.status, 403);
    assert.equal((await problemOf(refused)).type, '/problems/forbidden');
    assert.equal((await attempt(harness, supervisor, 'close', escalated)).status, 200);
  });

  it('closes once: the same outcome again is harmless, another outcome is a conflict', async () => {
    const created = await requestIn(harness, holder, 'closed');
    const path = `/requests/${created.requestId}/close`;
    assert.equal((await supporterCall(harness.server.url, holder, 'POST', path, { outcome: 'supported' })).status, 200);
    const other = await supporterCall(harness.server.url, holder, 'POST', path, { outcome: 'no-response' });
    assert.equal(other.status, 409);
  });

  it('gives a request to one supporter only when several claim it at once', async () => {
    const created = await createRequest(harness.server.url);
    const claimers = await Promise.all(
      Array.from({ length: 6 }, async () => signIn(harness.server.url, await makeSupporter(harness.db.database))),
    );
    const answers = await Promise.all(
      claimers.map((auth) => supporterCall(harness.server.url, auth, 'POST', `/requests/${created.requestId}/claim`)),
    );
    assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 409, 409, 409, 409, 409]);
    const log = await auditLog(harness.db.database, created.requestId);
    assert.equal(log.filter((event) => event.to_status === 'claimed').length, 1);
  });

  it('keeps a complete audit log of a whole journey: who, when, from and to, and never a note', async () => {
    const secretNote = 'the words only the supporter should read';
    const created = await createRequest(harness.server.url, requestBody({ note: secretNote }));
    const path = `/requests/${created.requestId}`;
    const url = harness.server.url;
    const steps: Array<[Record<string, string>, string, string, unknown?, Record<string, string>?]> = [
      [holder, 'POST', `${path}/claim`],
      [holder, 'PATCH', path, { status: 'in-progress' }],
      [holder, 'POST', `${path}/notes`, { text: secretNote, kind: 'handoff' }, { 'Idempotency-Key': newKey() }],
      [holder, 'PATCH', path, { status: 'queued' }],
      [other, 'POST', `${path}/claim`],
      [
        other,
        'POST',
        `${path}/escalate`,
        { reason: 'risk-to-life', note: secretNote },
        { 'Idempotency-Key': newKey() },
      ],
      [supervisor, 'POST', `${path}/close`, { outcome: 'handled-by-professional', note: secretNote }],
    ];
    for (const [who, method, stepPath, body, headers] of steps) {
      const response = await supporterCall(url, who, method, stepPath, body, headers);
      assert.ok(response.ok, `${method} ${stepPath}: ${response.status}`);
    }
    const log = await auditLog(harness.db.database, created.requestId);
    assert.deepEqual(
      log.map((event) => [event.actor, event.from_status, event.to_status]),
      [
        ['student', null, 'queued'],
        ['supporter', 'queued', 'claimed'],
        ['supporter', 'claimed', 'in-progress'],
        ['supporter', 'in-progress', 'queued'],
        ['supporter', 'queued', 'claimed'],
        ['supporter', 'claimed', 'escalated-to-professional'],
        ['supporter', 'escalated-to-professional', 'closed'],
      ],
    );
    const ids = await harness.db.database.query<{ id: string; display_name: string }>(
      'SELECT id, display_name FROM supporters',
    );
    const nameOf = new Map(ids.map((row) => [row.id, row.display_name]));
    assert.deepEqual(
      log.slice(1).map((event) => nameOf.get(event.supporter_id!)),
      ['Holder', 'Holder', 'Holder', 'Other', 'Other', 'Supervisor'],
    );
    for (let index = 1; index < log.length; index += 1) assert.ok(log[index]!.at >= log[index - 1]!.at);
    const everything = JSON.stringify(await harness.db.database.query('SELECT * FROM peer_request_events'));
    assert.ok(!everything.includes(secretNote));
  });

  it('refuses, in the database itself, an audit entry the state machine does not allow', async () => {
    const created = await createRequest(harness.server.url);
    await assert.rejects(
      harness.db.database.query(
        `INSERT INTO peer_request_events (request_id, actor, supporter_id, from_status, to_status)
         VALUES ($1, 'supporter', $2, 'closed', 'queued')`,
        [created.requestId, holderId],
      ),
      /check/i,
    );
  });
});

describeEachDatabase('training and who may read what', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  let trained: Record<string, string>;
  let colleague: Record<string, string>;
  let supervisor: Record<string, string>;

  before(async () => {
    db = await target.open();
    await writePeerCampus(db.database);
    server = await startTestServer(db.database, { peerRequests: { rateLimit: null, signInRateLimit: null } });
    trained = await signIn(server.url, await makeSupporter(db.database));
    colleague = await signIn(server.url, await makeSupporter(db.database));
    supervisor = await signIn(server.url, await makeSupporter(db.database, { roles: ['supervisor'] }));
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  for (const training of ['none', 'expired', 'not-yet'] as TrainingState[]) {
    it(`refuses a claim (403) from a supporter whose training is ${training}, who may still read the queue and escalate`, async () => {
      for (const roles of [['supporter'], ['supervisor']] as const) {
        const auth = await signIn(server.url, await makeSupporter(db.database, { training, roles: [...roles] }));
        const created = await createRequest(server.url);
        const claim = await supporterCall(server.url, auth, 'POST', `/requests/${created.requestId}/claim`);
        assert.equal(claim.status, 403, roles.join());
        assert.equal((await problemOf(claim)).type, '/problems/forbidden');
        assert.equal((await supporterCall(server.url, auth, 'GET', '/queue')).status, 200);
        const escalate = await supporterCall(
          server.url,
          auth,
          'POST',
          `/requests/${created.requestId}/escalate`,
          { reason: 'supporter-needs-support' },
          { 'Idempotency-Key': newKey() },
        );
        assert.equal(escalate.status, 201);
      }
    });
  }

  it('tells each supporter at sign-in whether their training counts, and until when', async () => {
    const expired = await makeSupporter(db.database, { training: 'expired' });
    const response = await fetch(`${server.url}/api/v1/supporter/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: expired.login, password: expired.password }),
    });
    const session = (await response.json()) as { supporter: { training: { current: boolean; expiresOn: string } } };
    assert.equal(session.supporter.training.current, false);
    assert.match(session.supporter.training.expiresOn, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('shows the note, the contact and the notes only to the holder and supervisors', async () => {
    const created = await createRequest(
      server.url,
      requestBody({ note: 'note for the holder', contact: { method: 'phone', phone: '+12125550199' } }),
    );
    const path = `/requests/${created.requestId}`;
    const find = async (auth: Record<string, string>) => {
      const queue = (await (await supporterCall(server.url, auth, 'GET', '/queue?limit=50')).json()) as {
        items: SupporterRequest[];
      };
      return queue.items.find((item) => item.requestId === created.requestId)!;
    };
    // Queued: nobody holds it, so only supervisors read it.
    for (const auth of [trained, colleague]) {
      const item = await find(auth);
      assert.equal(item.note, undefined);
      assert.equal(item.contact, undefined);
      assert.equal(item.contactMethod, 'phone');
      assert.equal((await supporterCall(server.url, auth, 'GET', `${path}/notes`)).status, 403);
    }
    assert.equal((await find(supervisor)).note, 'note for the holder');

    assert.equal((await supporterCall(server.url, trained, 'POST', `${path}/claim`)).status, 200);
    const held = await find(trained);
    assert.equal(held.note, 'note for the holder');
    assert.deepEqual(held.contact, { method: 'phone', phone: '+12125550199' });
    const added = await supporterCall(
      server.url,
      trained,
      'POST',
      `${path}/notes`,
      { text: 'handover words', kind: 'handoff' },
      { 'Idempotency-Key': newKey() },
    );
    assert.equal(added.status, 201);
    const seen = await find(colleague);
    assert.equal(seen.note, undefined);
    assert.equal(seen.contact, undefined);
    assert.equal(seen.noteCount, undefined);
    assert.equal(JSON.stringify(seen).includes('handover'), false);
    const colleagueNotes = await supporterCall(server.url, colleague, 'GET', `${path}/notes`);
    assert.equal(colleagueNotes.status, 403);
    const colleagueAdd = await supporterCall(
      server.url,
      colleague,
      'POST',
      `${path}/notes`,
      { text: 'x' },
      { 'Idempotency-Key': newKey() },
    );
    assert.equal(colleagueAdd.status, 403);
    for (const auth of [trained, supervisor]) {
      const notes = (await (await supporterCall(server.url, auth, 'GET', `${path}/notes`)).json()) as {
        items: Array<{ text: string; kind: string }>;
      };
      assert.deepEqual(
        notes.items.map((note) => [note.kind, note.text]),
        [['handoff', 'handover words']],
      );
    }

    // Handed back, the former holder reads no more.
    assert.equal((await supporterCall(server.url, trained, 'PATCH', path, { status: 'queued' })).status, 200);
    assert.equal((await supporterCall(server.url, trained, 'GET', `${path}/notes`)).status, 403);
    assert.equal((await find(trained)).note, undefined);
  });

  it('deletes the contact details when a request closes, for everyone', async () => {
    const created = await createRequest(
      server.url,
      requestBody({ contact: { method: 'email', email: 'closing@example.edu' } }),
    );
    const path = `/requests/${created.requestId}`;
    assert.equal((await supporterCall(server.url, trained, 'POST', `${path}/claim`)).status, 200);
    const closed = await supporterCall(server.url, trained, 'POST', `${path}/close`, { outcome: 'supported' });
    const view = (await closed.json()) as SupporterRequest;
    assert.equal(view.contact, undefined);
    assert.equal(view.outcome, 'supported');
    assert.ok(view.closedAt);
    const [row] = await db.database.query<{ contact: unknown }>('SELECT contact FROM peer_requests WHERE id = $1', [
      created.requestId,
    ]);
    assert.equal(row!.contact, null);
    const queue = await (await supporterCall(server.url, supervisor, 'GET', '/queue?status=closed&limit=50')).text();
    assert.ok(!queue.includes('closing@example.edu'));
  });
});

describeEachDatabase('escalation alerts', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  let smtp: SmtpTestServer;
  let mailer: ReturnType<typeof createMailer>;
  const logs: string[] = [];

  before(async () => {
    db = await target.open();
    await writePeerCampus(db.database);
    smtp = await startSmtpTestServer();
    mailer = createMailer({
      smtpUrl: smtp.url(),
      from: 'Peer support <peer@northfield.example>',
      outboxDir: '/nonexistent',
    });
    server = await startTestServer(db.database, {
      email: mailer,
      logLevel: 'debug',
      logSink: (line) => logs.push(line),
      peerRequests: {
        rateLimit: null,
        onCallEmail: 'on-call@northfield.example',
        inboxUrl: 'https://peer.northfield.example/inbox',
      },
    });
  });
  after(async () => {
    await server?.close();
    await mailer?.close();
    await smtp?.close();
    await db?.dispose();
  });

  const waitForMail = async (count: number) => {
    for (let tries = 0; tries < 100 && smtp.received.length < count; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('emails the on-call professional once per escalation, with what they need to act and nothing written', async () => {
    const supporter = await makeSupporter(db.database, { displayName: 'Casey' });
    const auth = await signIn(server.url, supporter);
    const studentNote = 'I keep thinking about ending it';
    const created = await createRequest(
      server.url,
      requestBody({
        topic: 'identity',
        language: 'es',
        note: studentNote,
        contact: { method: 'phone', phone: '+12125550142' },
      }),
    );
    const path = `/requests/${created.requestId}`;
    assert.equal((await supporterCall(server.url, auth, 'POST', `${path}/claim`)).status, 200);
    const key = newKey();
    const body = { reason: 'risk-to-life', note: 'Stayed on chat and shared the 988 number' };
    const first = await supporterCall(server.url, auth, 'POST', `${path}/escalate`, body, { 'Idempotency-Key': key });
    assert.equal(first.status, 201);
    const view = (await first.json()) as SupporterRequest;
    assert.equal(view.status, 'escalated-to-professional');
    assert.equal(view.escalation?.reason, 'risk-to-life');
    assert.equal(view.escalation?.createdBy.displayName, 'Casey');
    // A retry with the same key is answered from the stored response and alerts nobody again.
    const retry = await supporterCall(server.url, auth, 'POST', `${path}/escalate`, body, { 'Idempotency-Key': key });
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    await waitForMail(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(smtp.received.length, 1);

    const mail = await simpleParser(smtp.received[0]!.raw);
    assert.deepEqual(smtp.received[0]!.rcptTo, ['on-call@northfield.example']);
    assert.match(mail.subject ?? '', new RegExp(created.requestId));
    const text = mail.text ?? '';
    for (const needed of [
      'Risk to life',
      created.requestId,
      'Casey',
      'chat',
      'Spanish',
      'by phone',
      'https://peer.northfield.example/inbox',
    ]) {
      assert.ok(text.includes(needed), needed);
    }
    for (const kept of [studentNote, 'Stayed on chat', '5550142', 'identity']) {
      assert.ok(!smtp.received[0]!.raw.toString('utf8').includes(kept), kept);
    }
    const logged = logs.join('\n');
    for (const kept of [studentNote, 'Stayed on chat', '5550142', 'on-call@northfield.example']) {
      assert.ok(!logged.includes(kept), kept);
    }
    assert.match(logged, /"msg":"peer request escalated"/);
    // The escalation note is kept as a safety note for whoever may read notes.
    const notes = (await (await supporterCall(server.url, auth, 'GET', `${path}/notes`)).json()) as {
      items: Array<{ kind: string; text: string }>;
    };
    assert.deepEqual(notes.items, [
      { ...notes.items[0]!, kind: 'safety', text: 'Stayed on chat and shared the 988 number' },
    ]);
  });

  it('sends the alert only after the escalation is stored: a refused escalation alerts nobody', async () => {
    const auth = await signIn(server.url, await makeSupporter(db.database));
    const created = await createRequest(server.url);
    await fetch(`${server.url}/api/v1/peer-requests/${created.requestId}/cancel`, {
      method: 'POST',
      headers: { 'Request-Secret': created.secret },
    });
    const before = smtp.received.length;
    const refused = await supporterCall(
      server.url,
      auth,
      'POST',
      `/requests/${created.requestId}/escalate`,
      { reason: 'risk-to-life' },
      { 'Idempotency-Key': newKey() },
    );
    assert.equal(refused.status, 409);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(smtp.received.length, before);
  });
});
