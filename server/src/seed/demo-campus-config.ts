import { writeCampusConfig } from '../campus-config/campus-config-repository.ts';
import type { CampusConfig } from '../contract/api-types.ts';
import type { Seeder } from './seeder.ts';

/** The fictional campus of the demo pages (demo/index.html). The .example domain is reserved, so its links lead nowhere real. */
export const demoCampusConfig: CampusConfig = {
  campusName: 'Northfield University',
  timeZone: 'America/New_York',
  defaultLocale: 'en',
  locales: ['en', 'es'],
  country: 'US',
  region: 'US-MA',
  features: { checkIn: true, groups: true, peerRequests: true, crisisResources: true },
  peerSupportHours: {
    timeZone: 'America/New_York',
    alwaysOpen: false,
    weekly: [
      { day: 'mon', opens: '10:00', closes: '22:00' },
      { day: 'tue', opens: '10:00', closes: '22:00' },
      { day: 'wed', opens: '10:00', closes: '22:00' },
      { day: 'thu', opens: '10:00', closes: '22:00' },
      { day: 'fri', opens: '10:00', closes: '18:00' },
      { day: 'sun', opens: '18:00', closes: '22:00' },
    ],
  },
  privacyNoticeUrl: 'https://northfield.example/privacy',
  counsellingUrl: 'https://northfield.example/counselling',
  retentionDays: 30,
};

/** Demo mode resets the campus settings on every start, so the demo always looks the same. */
export const seedDemoCampusConfig: Seeder = {
  name: 'demo campus config',
  run: (db) => writeCampusConfig(db, demoCampusConfig),
};
