import type { Queryable } from '../db/database.ts';
import { dummyHash, needsRehash, verifyPassword, type ScryptCost } from './passwords.ts';
import { createSession } from './sessions.ts';
import { normaliseLogin } from './supporter-ids.ts';
import { SUPPORTER_COLUMNS, toSupporter, type Supporter, type SupporterRow } from './supporter-repository.ts';
import { hashPassword } from './passwords.ts';

export interface SignedIn {
  token: string;
  expiresAt: Date;
  supporter: Supporter;
}

export interface SignInOptions {
  cost: ScryptCost;
  sessionTtlMs: number;
}

/**
 * Sign-in with a login and a password. An unknown login, a wrong password and a disabled account all give the same
 * answer (undefined) after the same work: one query and one scrypt, against a dummy hash when there is no account,
 * so neither the answer nor its time tells whether a login exists.
 */
export class SignIn {
  private dummy: Promise<string> | undefined;

  constructor(private readonly options: SignInOptions) {}

  /** Makes the dummy hash ahead of the first unknown login, so that one is not slower than the rest. */
  warmUp(): void {
    this.dummyHash().catch(() => undefined);
  }

  private dummyHash(): Promise<string> {
    this.dummy ??= dummyHash(this.options.cost);
    return this.dummy;
  }

  async attempt(db: Queryable, login: string, password: string): Promise<SignedIn | undefined> {
    const [row] = await db.query<SupporterRow & { password_hash: string }>(
      `SELECT ${SUPPORTER_COLUMNS}, password_hash FROM supporters WHERE login = $1`,
      [normaliseLogin(login)],
    );
    const matches = await verifyPassword(password, row?.password_hash ?? (await this.dummyHash()));
    if (!row || !matches || row.disabled_at !== null) return undefined;
    if (needsRehash(row.password_hash, this.options.cost)) {
      await db.query(`UPDATE supporters SET password_hash = $2 WHERE id = $1`, [
        row.id,
        await hashPassword(password, this.options.cost),
      ]);
    }
    const session = await createSession(db, row.id, this.options.sessionTtlMs);
    return { ...session, supporter: toSupporter(row) };
  }
}
