import { randomBytes } from 'node:crypto';
import { readCampusConfig } from '../campus-config/campus-config-repository.ts';
import type { Queryable } from '../db/database.ts';
import { todayIn } from '../hours/time-zones.ts';
import { hashPassword } from '../supporters/passwords.ts';
import { normaliseLogin, newSupporterId } from '../supporters/supporter-ids.ts';
import { setShifts, type Shift, type SupporterRole } from '../supporters/supporter-repository.ts';
import type { DemoSignIn, Seeder } from './seeder.ts';

interface DemoAccount {
  login: string;
  displayName: string;
  roles: SupporterRole[];
  shifts: Shift[];
  description: string;
}

const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A supporter on shift most of the day, every day, and a supervisor (who also reads notes and handles escalations). */
const ACCOUNTS: readonly DemoAccount[] = [
  {
    login: 'demo.supporter',
    displayName: 'Sam',
    roles: ['supporter'],
    shifts: EVERY_DAY.map((day) => ({ day, opens: '07:00', closes: '23:00', channels: ['chat', 'call', 'video'] })),
    description: 'supporter, trained, on shift 07:00-23:00 campus time every day',
  },
  {
    login: 'demo.supervisor',
    displayName: 'Jordan',
    roles: ['supporter', 'supervisor'],
    shifts: [],
    description: 'supervisor, trained, reads every note and handles escalations',
  },
];

/** Days from a "YYYY-MM-DD" date, as a date. */
function shiftDate(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

async function upsertAccount(db: Queryable, account: DemoAccount, passwordHash: string, today: string) {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO supporters (id, login, display_name, password_hash, roles, training_completed_on, training_expires_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (login) DO UPDATE SET display_name = EXCLUDED.display_name, password_hash = EXCLUDED.password_hash,
       roles = EXCLUDED.roles, training_completed_on = EXCLUDED.training_completed_on,
       training_expires_on = EXCLUDED.training_expires_on, disabled_at = NULL, updated_at = now()
     RETURNING id`,
    [
      newSupporterId(),
      normaliseLogin(account.login),
      account.displayName,
      passwordHash,
      account.roles,
      shiftDate(today, -30),
      shiftDate(today, 335),
    ],
  );
  // A new password each start: sessions made with an older one end.
  await db.query(`DELETE FROM supporter_sessions WHERE supporter_id = $1`, [row!.id]);
  await setShifts(db, row!.id, account.shifts);
}

/**
 * The demo's supporter and supervisor, with new random passwords on every start, handed to `npm start` to print.
 * Refused when NODE_ENV is production: accounts whose passwords go to a terminal have no place there.
 */
export const seedDemoSupporters: Seeder = {
  name: 'demo supporters',
  async run(db, context) {
    if (process.env.NODE_ENV === 'production') {
      throw new Error(
        'SEED=demo makes supporter accounts with printed passwords; it is refused when NODE_ENV=production',
      );
    }
    const today = todayIn((await readCampusConfig(db)).timeZone);
    const passwords = ACCOUNTS.map(() => randomBytes(12).toString('base64url'));
    // Hashed side by side (scrypt runs on libuv's threads), so the start waits for one hash, not two.
    const hashes = await Promise.all(passwords.map((password) => hashPassword(password, context.passwordCost)));
    const signIns: DemoSignIn[] = [];
    for (const [index, account] of ACCOUNTS.entries()) {
      await upsertAccount(db, account, hashes[index]!, today);
      signIns.push({ login: account.login, password: passwords[index]!, description: account.description });
    }
    context.signIns?.push(...signIns);
  },
};
