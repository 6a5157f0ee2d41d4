import type { BundledCrisisData } from '../crisis-resources/bundled-crisis-data.ts';
import type { Queryable } from '../db/database.ts';

/** What a seed step may use besides the database: data the server has already read and checked at start. */
export interface SeedContext {
  crisisData: BundledCrisisData;
}

/** One idempotent step of a seed: running it again on a seeded database must change nothing unexpected. */
export interface Seeder {
  name: string;
  run(db: Queryable, context: SeedContext): Promise<void>;
}
