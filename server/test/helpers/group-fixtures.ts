import type { EmailMessage, Mailer } from '../../src/email/mailer.ts';
import type { AdminGroup, NewGroup } from '../../src/groups/group-types.ts';

export const ADMIN_TOKEN = 'test-operator-token-0123456789-abcdefghij';
export const ADMIN_AUTH = { Authorization: `Bearer ${ADMIN_TOKEN}` };

let keyCounter = 0;
/** A fresh Idempotency-Key, unique across the files of one run. */
export const newKey = () => `group-key-${process.pid}-${(keyCounter += 1)}`;

/** The calendar date `days` from today (UTC), "YYYY-MM-DD": schedules in tests start relative to now. */
export function dateFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A valid GroupInput: a weekly in-person group that goes on, starting in two days at 18:00 New York time, with
 * ten places and a waitlist. Tests override what they are about.
 */
export function groupInput(overrides: Partial<NewGroup> = {}): NewGroup {
  return {
    name: 'Test circle',
    summary: 'A small group for the tests.',
    description: 'We meet every week and listen to each other.',
    topics: ['stress'],
    audiences: ['students'],
    format: 'in-person',
    languages: ['en'],
    facilitator: { type: 'trained-peer' },
    dropIn: false,
    accessibility: ['step-free'],
    agreements: ['What is shared here stays here.'],
    firstSessionInfo: 'Someone meets you at the door.',
    schedule: {
      timeZone: 'America/New_York',
      startLocal: `${dateFromToday(2)}T18:00`,
      durationMinutes: 60,
      rrule: 'FREQ=WEEKLY',
    },
    capacity: 10,
    waitlistEnabled: true,
    sensitive: false,
    location: { venue: { name: 'Test Hall', room: 'Room 1' } },
    ...overrides,
  };
}

/** A Mailer that keeps what it is given, and can be told to fail. */
export interface RecordingMailer extends Mailer {
  sent: EmailMessage[];
  failing: boolean;
  /** Resolves once `count` messages have been sent, or rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<EmailMessage[]>;
}

export function recordingMailer(): RecordingMailer {
  const mailer: RecordingMailer = {
    sent: [],
    failing: false,
    async send(message) {
      if (mailer.failing) throw new Error('the test mailer is failing');
      mailer.sent.push(message);
    },
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (mailer.sent.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} emails, got ${mailer.sent.length}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return mailer.sent;
    },
  };
  return mailer;
}

/** A small JSON client for one server's API. */
export function groupApi(baseUrl: string) {
  const url = (pathAndQuery: string) => `${baseUrl}/api/v1${pathAndQuery}`;
  const send = (method: string, pathAndQuery: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(url(pathAndQuery), {
      method,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    send,
    async createGroup(input: NewGroup): Promise<AdminGroup> {
      const response = await send('POST', '/admin/groups', input, { ...ADMIN_AUTH, 'Idempotency-Key': newKey() });
      if (response.status !== 201) throw new Error(`create group: ${response.status} ${await response.text()}`);
      return (await response.json()) as AdminGroup;
    },
    register(groupId: string, body: unknown = {}, key: string = newKey()) {
      return send('POST', `/groups/${groupId}/registrations`, body, { 'Idempotency-Key': key });
    },
    cancel(groupId: string, registrationId: string, token: string) {
      return send('DELETE', `/groups/${groupId}/registrations/${registrationId}`, undefined, {
        'Registration-Token': token,
      });
    },
  };
}
