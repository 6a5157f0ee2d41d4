import type { Database } from '../db/database.ts';
import { seedBundledNationalLines } from './bundled-national-lines.ts';
import { seedDemoCampusConfig } from './demo-campus-config.ts';
import { seedDemoCampusCrisisResources } from './demo-campus-crisis-resources.ts';
import { seedDemoGroups } from './seed-demo-groups.ts';
import { seedDemoSupporters } from './demo-supporters.ts';
import type { SeedContext, Seeder } from './seeder.ts';

/**
 * Named seeds (env SEED). Each runs after migrations, in order, in one transaction. Later features append their
 * demo data here (e.g. groups, crisis resources) as further Seeder steps.
 */
export const seeds: Readonly<Record<string, readonly Seeder[]>> = {
  demo: [
    seedDemoCampusConfig,
    seedBundledNationalLines,
    seedDemoCampusCrisisResources,
    seedDemoGroups,
    seedDemoSupporters,
  ],
};

export async function runSeed(db: Database, name: string, context: SeedContext): Promise<void> {
  const steps = seeds[name];
  if (!steps) throw new Error(`Unknown SEED "${name}"; known seeds: ${Object.keys(seeds).join(', ')}`);
  await db.transaction(async (tx) => {
    for (const step of steps) await step.run(tx, context);
  });
}
