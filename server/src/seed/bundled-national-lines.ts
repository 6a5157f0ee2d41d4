import { upsertSeedCrisisResource } from '../crisis-resources/crisis-resource-repository.ts';
import type { Seeder } from './seeder.ts';

/**
 * The national lines the widgets bundle (national-lines.json, checked at start), upserted by id so that a restart
 * updates them instead of adding copies. Lines an admin has retired stay retired.
 */
export const seedBundledNationalLines: Seeder = {
  name: 'bundled national crisis lines',
  async run(db, { crisisData }) {
    for (const line of crisisData.nationalLines) {
      await upsertSeedCrisisResource(db, { ...line, scope: 'national', subdivisions: [] });
    }
  },
};
