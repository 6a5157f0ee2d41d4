import { readCampusConfig } from '../campus-config/campus-config-repository.ts';
import { seedRegistrations, upsertSeedGroup } from '../groups/group-seeding.ts';
import { todayIn } from '../hours/time-zones.ts';
import { demoGroups } from './demo-groups.ts';
import type { Seeder } from './seeder.ts';

/** The demo campus's peer support groups (demo-groups.ts), with the places taken in the full ones. */
export const seedDemoGroups: Seeder = {
  name: 'demo groups',
  async run(db) {
    const now = new Date();
    const today = todayIn((await readCampusConfig(db)).timeZone, now);
    for (const group of demoGroups(today)) {
      await upsertSeedGroup(db, group.id, group.input, now);
      if (group.seedRegistrations) await seedRegistrations(db, group.id, group.seedRegistrations);
    }
  },
};
