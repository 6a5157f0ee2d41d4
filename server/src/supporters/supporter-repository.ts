import type { Schemas } from '../contract/api-types.ts';
import type { Queryable } from '../db/database.ts';
import { hashPassword, type ScryptCost } from './passwords.ts';
import { newSupporterId, normaliseLogin } from './supporter-ids.ts';
import type { TrainingRecord } from './training.ts';

export type SupporterRole = Schemas['SupporterRole'];
export type PeerChannel = Schemas['PeerChannel'];
export type DayOfWeek = Schemas['DayOfWeek'];

/** One supporter as the server works with them; never the password hash outside sign-in. */
export interface Supporter {
  id: string;
  login: string;
  displayName: string;
  roles: SupporterRole[];
  training: TrainingRecord;
  disabled: boolean;
}

/** One weekly shift on the campus's clock. */
export interface Shift {
  day: DayOfWeek;
  opens: string;
  /** "24:00" for the end of the day; earlier than `opens` for a shift that runs past midnight. */
  closes: string;
  channels: PeerChannel[];
}

export interface SupporterRow {
  [column: string]: unknown;
  id: string;
  login: string;
  display_name: string;
  roles: SupporterRole[];
  training_completed_on: string | null;
  training_expires_on: string | null;
  disabled_at: Date | null;
}

export const SUPPORTER_COLUMNS =
  'id, login, display_name, roles, training_completed_on, training_expires_on, disabled_at';

export function toSupporter(row: SupporterRow): Supporter {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    roles: row.roles,
    training: { completedOn: row.training_completed_on, expiresOn: row.training_expires_on },
    disabled: row.disabled_at !== null,
  };
}

export interface NewSupporter {
  login: string;
  displayName: string;
  password: string;
  roles: readonly SupporterRole[];
}

/** Adds an account; a login already taken (in any spelling that normalises alike) is an error. */
export async function addSupporter(db: Queryable, input: NewSupporter, cost?: ScryptCost): Promise<Supporter> {
  const [row] = await db.query<SupporterRow>(
    `INSERT INTO supporters (id, login, display_name, password_hash, roles)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (login) DO NOTHING
     RETURNING ${SUPPORTER_COLUMNS}`,
    [
      newSupporterId(),
      normaliseLogin(input.login),
      input.displayName,
      await hashPassword(input.password, cost),
      [...new Set(input.roles)],
    ],
  );
  if (!row) throw new Error(`the login "${normaliseLogin(input.login)}" is already taken`);
  return toSupporter(row);
}

export async function findSupporterByLogin(db: Queryable, login: string): Promise<Supporter | undefined> {
  const [row] = await db.query<SupporterRow>(`SELECT ${SUPPORTER_COLUMNS} FROM supporters WHERE login = $1`, [
    normaliseLogin(login),
  ]);
  return row ? toSupporter(row) : undefined;
}

/** The account for a login, or an error that names it: for the command line. */
export async function requireSupporter(db: Queryable, login: string): Promise<Supporter> {
  const supporter = await findSupporterByLogin(db, login);
  if (!supporter) throw new Error(`no supporter has the login "${normaliseLogin(login)}"`);
  return supporter;
}

/** A new password; every session of the account ends, so a leaked password's sessions go with it. */
export async function setPassword(db: Queryable, supporterId: string, password: string, cost?: ScryptCost) {
  await db.query(`UPDATE supporters SET password_hash = $2, updated_at = now() WHERE id = $1`, [
    supporterId,
    await hashPassword(password, cost),
  ]);
  await db.query(`DELETE FROM supporter_sessions WHERE supporter_id = $1`, [supporterId]);
}

/** Records training, or clears it (both null). The database refuses an expiry on or before completion. */
export async function setTraining(db: Queryable, supporterId: string, training: TrainingRecord): Promise<void> {
  await db.query(
    `UPDATE supporters SET training_completed_on = $2, training_expires_on = $3, updated_at = now() WHERE id = $1`,
    [supporterId, training.completedOn, training.expiresOn],
  );
}

export async function setRoles(db: Queryable, supporterId: string, roles: readonly SupporterRole[]): Promise<void> {
  await db.query(`UPDATE supporters SET roles = $2, updated_at = now() WHERE id = $1`, [
    supporterId,
    [...new Set(roles)],
  ]);
}

/** Disables (or enables) an account; disabling ends its sessions at once. */
export async function setDisabled(db: Queryable, supporterId: string, disabled: boolean): Promise<void> {
  await db.query(
    `UPDATE supporters SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) END, updated_at = now()
     WHERE id = $1`,
    [supporterId, disabled],
  );
  if (disabled) await db.query(`DELETE FROM supporter_sessions WHERE supporter_id = $1`, [supporterId]);
}

/** Replaces all of a supporter's weekly shifts. */
export async function setShifts(db: Queryable, supporterId: string, shifts: readonly Shift[]): Promise<void> {
  await db.query(`DELETE FROM supporter_shifts WHERE supporter_id = $1`, [supporterId]);
  for (const shift of shifts) {
    await db.query(
      `INSERT INTO supporter_shifts (supporter_id, day, opens, closes, channels) VALUES ($1, $2, $3, $4, $5)`,
      [supporterId, shift.day, shift.opens, shift.closes, shift.channels],
    );
  }
}

export async function listShifts(db: Queryable, supporterId: string): Promise<Shift[]> {
  return db.query<Shift & Record<string, unknown>>(
    `SELECT day, opens, closes, channels FROM supporter_shifts WHERE supporter_id = $1
     ORDER BY array_position(ARRAY['mon','tue','wed','thu','fri','sat','sun'], day), opens`,
    [supporterId],
  );
}

export async function listSupporters(db: Queryable): Promise<Supporter[]> {
  const rows = await db.query<SupporterRow>(`SELECT ${SUPPORTER_COLUMNS} FROM supporters ORDER BY login`);
  return rows.map(toSupporter);
}
