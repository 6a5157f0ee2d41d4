import assert from 'node:assert/strict';
import { it } from 'node:test';
import { joiningText, noticeEmail, sessionsText } from '../src/groups/group-emails.ts';
import { storedFromInput } from '../src/groups/group-record.ts';
import type { Notice } from '../src/groups/joining.ts';
import { groupInput } from './helpers/group-fixtures.ts';

const SESSIONS = [
  {
    startsAt: new Date('2026-12-01T23:00:00Z'),
    endsAt: new Date('2026-12-02T00:30:00Z'),
    startLocal: '',
    cancelled: true,
  },
  {
    startsAt: new Date('2026-12-08T23:00:00Z'),
    endsAt: new Date('2026-12-09T00:30:00Z'),
    startLocal: '',
    cancelled: false,
  },
];

it('writes the dates that will happen in the group’s zone and the student’s language', () => {
  const english = sessionsText(SESSIONS, 'en', 'America/New_York');
  assert.match(english, /Tue, Dec 8/);
  assert.match(english, /6:00/);
  assert.ok(!english.includes('Dec 1,'), 'a cancelled session is not offered');
  assert.match(sessionsText(SESSIONS, 'es', 'America/New_York'), /mar, 8 dic/);
  // A tag Intl refuses still gives dates.
  assert.match(sessionsText(SESSIONS, 'x-private-tag', 'America/New_York'), /Dec 8/);
});

it('leaves out of a discreet email the places that spell the group or its topic', () => {
  const location = {
    venue: { name: 'Wellbeing Centre', room: 'Room 2' },
    online: { platform: 'Zoom', joinUrl: 'https://meet.example.edu/grief-circle' },
  };
  const giveaways = ['griefcircle', 'grief'];
  assert.equal(joiningText(location, true, giveaways), 'Wellbeing Centre, Room 2');
  assert.match(joiningText(location, false, giveaways)!, /grief-circle/);
  const neutral = { online: { platform: 'Zoom', joinUrl: 'https://meet.example.edu/j/8675309' } };
  assert.equal(joiningText(neutral, true, giveaways), 'Zoom: https://meet.example.edu/j/8675309');

  const group = {
    id: 'grp_x',
    record: storedFromInput(groupInput({ name: 'Grief Circle', topics: ['grief'], format: 'hybrid', location })),
    registeredCount: 1,
    waitlistedCount: 0,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
  const notice: Notice = {
    kind: 'promoted',
    recipient: { email: 'sam@example.com', locale: 'en', discreet_email: true },
    group,
    upcoming: SESSIONS,
  };
  const discreet = noticeEmail(notice);
  assert.ok(!/grief/i.test(`${discreet.subject} ${discreet.text}`), discreet.text);
  assert.match(discreet.text, /Wellbeing Centre/);
  const named = noticeEmail({ ...notice, recipient: { ...notice.recipient, discreet_email: false } });
  assert.match(named.subject, /Grief Circle/);
  assert.match(named.text, /grief-circle/);
});
