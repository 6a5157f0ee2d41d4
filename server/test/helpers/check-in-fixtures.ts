import type { CampusConfig, CheckInRequest } from '../../src/contract/api-types.ts';
import { writeCampusConfig } from '../../src/campus-config/campus-config-repository.ts';
import type { Queryable } from '../../src/db/database.ts';
import { demoCampusConfig } from '../../src/seed/demo-campus-config.ts';

export const ADMIN_TOKEN = 'test-operator-token-0123456789-abcdefghij';
export const ADMIN_AUTH = { Authorization: `Bearer ${ADMIN_TOKEN}` };

let keyCounter = 0;
/** A fresh Idempotency-Key, unique across the files of one run. */
export const newKey = () => `check-in-key-${process.pid}-${(keyCounter += 1)}`;

export const moodCheckIn = (overrides: Partial<CheckInRequest> = {}): CheckInRequest =>
  ({ instrument: 'mood', answers: { level: 3 }, safetyConcern: false, locale: 'en', ...overrides }) as CheckInRequest;

export const who5CheckIn = (answers: number[], safetyConcern = false): CheckInRequest => ({
  instrument: 'who5',
  answers,
  safetyConcern,
  locale: 'en',
});

export const phq4CheckIn = (answers: number[], safetyConcern = false): CheckInRequest => ({
  instrument: 'phq4',
  answers,
  safetyConcern,
  locale: 'es',
});

/** POST /check-ins with a JSON body (or raw text) and an Idempotency-Key. */
export function postCheckIn(
  url: string,
  body: unknown,
  key: string = newKey(),
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}/api/v1/check-ins`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The demo campus with some settings changed (servers read it at start and keep it a few minutes). */
export function writeDemoConfig(db: Queryable, changes: Partial<CampusConfig> = {}): Promise<void> {
  return writeCampusConfig(db, { ...demoCampusConfig, ...changes });
}

export async function countCheckIns(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM check_ins');
  return row!.n;
}
