import type { Queryable } from '../db/database.ts';

/** One idempotent step of a seed: running it again on a seeded database must change nothing unexpected. */
export interface Seeder {
  name: string;
  run(db: Queryable): Promise<void>;
}
