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
  checkIn: {
    // The everyday worries of students first; "other" last, so that nobody has to fit a box.
    topics: [
      'studies',
      'exams',
      'money',
      'housing',
      'family',
      'friends',
      'relationships',
      'loneliness',
      'health',
      'sleep',
      'identity',
      'future',
      'other',
    ],
    // Pleasant and hard feelings both, so that the list does not suggest how a student ought to feel.
    emotions: [
      'calm',
      'content',
      'hopeful',
      'happy',
      'grateful',
      'motivated',
      'tired',
      'stressed',
      'anxious',
      'worried',
      'overwhelmed',
      'lonely',
      'sad',
      'frustrated',
      'numb',
    ],
    followUp: true,
    followUpWorkingDays: 2,
  },
};

/** Demo mode resets the campus settings on every start, so the demo always looks the same. */
export const seedDemoCampusConfig: Seeder = {
  name: 'demo campus config',
  run: (db) => writeCampusConfig(db, demoCampusConfig),
};
