import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { campusConfigErrors } from '../src/campus-config/campus-config-rules.ts';
import type { CampusConfig, ContactMethod, CrisisResource, WeeklyHours } from '../src/contract/api-types.ts';
import { crisisResourceRuleErrors } from '../src/crisis-resources/crisis-resource-rules.ts';
import { todayIn } from '../src/hours/time-zones.ts';
import { weeklyHoursErrors } from '../src/hours/weekly-hours.ts';
import { demoCampusConfig } from '../src/seed/demo-campus-config.ts';

/** One set of hours rules on the server, for campus peer-support hours and crisis contact methods alike. */
const badHours: WeeklyHours = {
  timeZone: 'Nowhere/Land',
  alwaysOpen: true,
  weekly: [
    { day: 'mon', opens: '09:00', closes: '17:00' },
    { day: 'fri', opens: '20:00', closes: '20:00' },
  ],
};
const badHoursFields = ['/timeZone', '/weekly', '/weekly/1/closes'];

function line(hours: WeeklyHours): CrisisResource {
  const method: ContactMethod = { type: 'phone', value: '988', hours };
  return {
    id: 'hours-test',
    name: 'Hours test',
    description: 'A line for the tests.',
    country: 'US',
    subdivisions: [],
    scope: 'national',
    topics: ['general'],
    audiences: ['everyone'],
    languages: ['en'],
    humanSupport: 'trained-volunteer',
    free: true,
    anonymous: true,
    isEmergency: false,
    priority: 0,
    pairedWith: [],
    verifiedAt: '2025-01-15',
    source: { name: 'Test source', url: 'https://source.example/lines' },
    contactMethods: [method],
  };
}

describe('weekly hours', () => {
  it('accepts hours past midnight, to the end of the day, or none at all', () => {
    for (const hours of [
      { timeZone: 'Europe/London', alwaysOpen: false, weekly: [{ day: 'fri', opens: '22:00', closes: '03:00' }] },
      { timeZone: 'America/New_York', alwaysOpen: false, weekly: [{ day: 'mon', opens: '19:00', closes: '24:00' }] },
      { timeZone: 'UTC', alwaysOpen: false, weekly: [] },
      { timeZone: 'Pacific/Auckland', alwaysOpen: true, weekly: [] },
    ] as WeeklyHours[]) {
      assert.deepEqual(weeklyHoursErrors(hours, ''), [], JSON.stringify(hours));
    }
  });

  it('names every broken rule at the place the hours sit, for config and contact methods alike', () => {
    assert.deepEqual(
      weeklyHoursErrors(badHours, '/x').map((error) => error.field),
      badHoursFields.map((field) => `/x${field}`),
    );
    assert.deepEqual(
      campusConfigErrors({ ...demoCampusConfig, peerSupportHours: badHours }).map((error) => error.field),
      badHoursFields.map((field) => `/peerSupportHours${field}`),
    );
    assert.deepEqual(
      crisisResourceRuleErrors(line(badHours)).map((error) => error.field),
      badHoursFields.map((field) => `/body/contactMethods/0/hours${field}`),
    );
  });

  it('checks the campus time zone too, and the demo campus passes', () => {
    const config: CampusConfig = { ...demoCampusConfig, timeZone: 'Mars/Olympus' };
    assert.deepEqual(
      campusConfigErrors(config).map((error) => error.field),
      ['/timeZone'],
    );
    assert.deepEqual(campusConfigErrors(demoCampusConfig), []);
  });

  it('gives today on the wall clocks of a zone', () => {
    const instant = new Date('2025-03-01T03:00:00Z');
    assert.equal(todayIn('America/New_York', instant), '2025-02-28');
    assert.equal(todayIn('Pacific/Auckland', instant), '2025-03-01');
  });
});
