import type { BundledCrisisData } from '../crisis-resources/bundled-crisis-data.ts';
import type { Queryable } from '../db/database.ts';
import type { ScryptCost } from '../supporters/passwords.ts';

/** What a seed step may use besides the database: data the server has already read and checked at start. */
export interface SeedContext {
  crisisData: BundledCrisisData;
  /** Sign-ins a demo seed made, for `npm start` to print (demo-supporters.ts). */
  signIns?: DemoSignIn[];
  /** The server's scrypt cost for passwords (tests lower it). */
  passwordCost?: ScryptCost;
}

/** A demo account's sign-in, printed at start: demo only, never made in production. */
export interface DemoSignIn {
  login: string;
  password: string;
  /** What the account is, e.g. "supporter, trained, on shift 07:00-23:00 every day". */
  description: string;
}

/** One idempotent step of a seed: running it again on a seeded database must change nothing unexpected. */
export interface Seeder {
  name: string;
  run(db: Queryable, context: SeedContext): Promise<void>;
}
