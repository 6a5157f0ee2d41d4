import { randomBytes } from 'node:crypto';
import { writeCampusConfig } from '../../src/campus-config/campus-config-repository.ts';
import type { CampusConfig, JsonBodyOf, Schemas } from '../../src/contract/api-types.ts';
import type { Database, Queryable } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import type { EmailMessage, Mailer } from '../../src/email/mailer.ts';
import { todayIn } from '../../src/hours/time-zones.ts';
import { defaultPaths } from '../../src/paths.ts';
import { demoCampusConfig } from '../../src/seed/demo-campus-config.ts';
import {
  addSupporter,
  setShifts,
  setTraining,
  type Shift,
  type SupporterRole,
} from '../../src/supporters/supporter-repository.ts';
import { TEST_PASSWORD_COST } from './test-server.ts';

export type PeerRequestCreate = JsonBodyOf<'createPeerRequest'>;
export type PeerRequestCreated = Schemas['PeerRequestCreated'];
export type SupporterRequest = Schemas['SupporterRequest'];

export const CAMPUS_ZONE = 'America/New_York';

/**
 * Migrates a new database and writes the demo campus, open around the clock unless `changes` say otherwise. Before
 * a server starts: servers keep the campus settings for minutes.
 */
export async function writePeerCampus(db: Database, changes: Partial<CampusConfig> = {}): Promise<void> {
  await migrate(db, defaultPaths.migrations);
  await writeCampusConfig(db, {
    ...demoCampusConfig,
    peerSupportHours: { timeZone: CAMPUS_ZONE, alwaysOpen: true, weekly: [] },
    ...changes,
  });
}

const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Shifts that cover the whole week. */
export const allWeek = (channels: Shift['channels'] = ['chat', 'call']): Shift[] =>
  EVERY_DAY.map((day) => ({ day, opens: '00:00', closes: '24:00', channels }));

/** "YYYY-MM-DD" `days` from today on the campus's calendar. */
export function campusDate(days: number, now = new Date()): string {
  const [year, month, day] = todayIn(CAMPUS_ZONE, now).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export type TrainingState = 'current' | 'expired' | 'none' | 'not-yet';

const TRAINING: Record<Exclude<TrainingState, 'none'>, () => { completedOn: string; expiresOn: string }> = {
  current: () => ({ completedOn: campusDate(-30), expiresOn: campusDate(300) }),
  // Expired today: the expiry day is the first day it no longer counts.
  expired: () => ({ completedOn: campusDate(-365), expiresOn: campusDate(0) }),
  'not-yet': () => ({ completedOn: campusDate(1), expiresOn: campusDate(366) }),
};

export interface TestSupporter {
  id: string;
  login: string;
  password: string;
  displayName: string;
}

let supporterCounter = 0;

/** A supporter account (trained and on shift all week unless told otherwise), at the tests' scrypt cost. */
export async function makeSupporter(
  db: Queryable,
  options: { roles?: SupporterRole[]; training?: TrainingState; shifts?: Shift[]; displayName?: string } = {},
): Promise<TestSupporter> {
  supporterCounter += 1;
  const login = `supporter.${process.pid}.${supporterCounter}.${randomBytes(3).toString('hex')}`;
  const password = `password ${randomBytes(6).toString('hex')}`;
  const displayName = options.displayName ?? `Supporter ${supporterCounter}`;
  const added = await addSupporter(
    db,
    { login, displayName, password, roles: options.roles ?? ['supporter'] },
    TEST_PASSWORD_COST,
  );
  const training = options.training ?? 'current';
  if (training !== 'none') await setTraining(db, added.id, TRAINING[training]());
  await setShifts(db, added.id, options.shifts ?? allWeek());
  return { id: added.id, login, password, displayName };
}

/** POST /supporter/sessions. */
export function postSignIn(url: string, login: string, password: string, headers: Record<string, string> = {}) {
  return fetch(`${url}/api/v1/supporter/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ login, password }),
  });
}

/** Signs in and returns the Authorization header to send. */
export async function signIn(url: string, supporter: TestSupporter): Promise<Record<string, string>> {
  const response = await postSignIn(url, supporter.login, supporter.password);
  if (response.status !== 201) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  const session = (await response.json()) as Schemas['SupporterSession'];
  return { Authorization: `Bearer ${session.token}` };
}

let keyCounter = 0;
/** A fresh Idempotency-Key. */
export const newKey = () => `peer-key-${process.pid}-${(keyCounter += 1)}-${randomBytes(3).toString('hex')}`;

/** A request as the widget sends it: anonymous, chat, as soon as possible, with consent. */
export function requestBody(overrides: Partial<PeerRequestCreate> = {}): PeerRequestCreate {
  return {
    topic: 'loneliness',
    supportKind: 'listen',
    channel: 'chat',
    when: { mode: 'asap' },
    language: 'en',
    contact: { method: 'anonymous-code' },
    consent: { accepted: true, noticeVersion: 'peer-2025-09' },
    ...overrides,
  };
}

/** POST /peer-requests. */
export function postRequest(
  url: string,
  body: unknown = requestBody(),
  key: string = newKey(),
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}/api/v1/peer-requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Creates a request and returns the 201 body. */
export async function createRequest(url: string, body: unknown = requestBody()): Promise<PeerRequestCreated> {
  const response = await postRequest(url, body);
  if (response.status !== 201)
    throw new Error(`POST /peer-requests answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as PeerRequestCreated;
}

/** GET /peer-requests/{id} with the code. */
export function getStatus(url: string, id: string, secret: string, headers: Record<string, string> = {}) {
  return fetch(`${url}/api/v1/peer-requests/${id}`, { headers: { 'Request-Secret': secret, ...headers } });
}

/** A supporter endpoint on a request: claim, escalate, close, notes, or the request itself (PATCH). */
export function supporterCall(
  url: string,
  auth: Record<string, string>,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}/api/v1/supporter${path}`, {
    method,
    headers: {
      ...auth,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** The audit log of a request, oldest first. */
export function auditLog(db: Queryable, requestId: string) {
  return db.query<{
    actor: string;
    supporter_id: string | null;
    from_status: string | null;
    to_status: string;
    at: Date;
  }>(
    `SELECT actor, supporter_id, from_status, to_status, at FROM peer_request_events WHERE request_id = $1 ORDER BY seq`,
    [requestId],
  );
}

/** A mailer that keeps what it is given, for tests that read the escalation alert. */
export function recordingMailer(): Mailer & { sent: EmailMessage[] } {
  const sent: EmailMessage[] = [];
  return {
    sent,
    send(message) {
      sent.push(message);
      return Promise.resolve();
    },
  };
}
