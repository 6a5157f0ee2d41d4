import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { promotedEmail, registeredEmail, waitlistedEmail, type RegistrationEmailInput } from '../src/email/messages.ts';
import { registrationEmailTexts } from '../src/email/message-texts.ts';

const BUILDERS = { registered: registeredEmail, waitlisted: waitlistedEmail, promoted: promotedEmail };

const input = (overrides: Partial<RegistrationEmailInput> = {}): RegistrationEmailInput => ({
  to: 'sam@example.edu',
  groupName: 'Grief and Loss Circle',
  discreet: true,
  sessionsText: 'Thursdays 6–7:30 pm, next on Thu 3 Dec',
  joiningText: 'Room 204, Student Centre',
  cancelUrl: 'https://peer.example.edu/cancel/abc',
  locale: 'en',
  ...overrides,
});

/** Words that would tell a reader over the student's shoulder what the email is about. */
const REVEALING = /grief|loss|support|mental|therapy|counsel|wellbeing|well-being|anxiety|depress|duelo|apoyo|salud/i;

describe('registration emails', () => {
  for (const [kind, build] of Object.entries(BUILDERS)) {
    for (const locale of ['en', 'es']) {
      it(`${kind} (${locale}), discreet by default: no name or topic in the subject or body`, () => {
        const { discreet: _discreet, ...withoutDiscreet } = input({ locale });
        for (const message of [build(input({ locale })), build(withoutDiscreet)]) {
          assert.equal(message.to, 'sam@example.edu');
          assert.doesNotMatch(message.subject, REVEALING);
          assert.doesNotMatch(message.text, REVEALING);
          assert.ok(message.text.includes('Thursdays 6–7:30 pm, next on Thu 3 Dec'));
          assert.ok(message.text.includes('https://peer.example.edu/cancel/abc'));
          assert.equal(message.html, undefined, 'plain text only');
        }
      });

      it(`${kind} (${locale}) names the group when the student chose that`, () => {
        const message = build(input({ locale, discreet: false }));
        assert.ok(message.subject.includes('Grief and Loss Circle'));
        assert.ok(message.text.includes('Grief and Loss Circle'));
      });
    }
  }

  it('uses the discreet titles the issue asks for', () => {
    assert.equal(registeredEmail(input()).subject, 'Your place is confirmed');
    assert.equal(promotedEmail(input()).subject, 'A place opened up for you');
    assert.equal(waitlistedEmail(input()).subject, 'You are on the waiting list');
    assert.equal(registeredEmail(input({ locale: 'es' })).subject, 'Tu plaza está confirmada');
    assert.equal(promotedEmail(input({ locale: 'es' })).subject, 'Se liberó una plaza para ti');
  });

  it('gives the room or link to a student with a place, never to one on the waiting list', () => {
    assert.ok(registeredEmail(input()).text.includes('How to join: Room 204, Student Centre'));
    assert.ok(promotedEmail(input()).text.includes('How to join: Room 204, Student Centre'));
    assert.ok(!waitlistedEmail(input()).text.includes('Room 204'));
    assert.ok(!waitlistedEmail(input({ locale: 'es' })).text.includes('Room 204'));
  });

  it('tells a waiting student their place when known, and what happens next', () => {
    assert.ok(waitlistedEmail(input({ position: 3 })).text.includes('waiting list, number 3.'));
    assert.ok(waitlistedEmail(input({ position: 3, locale: 'es' })).text.includes('en el puesto 3.'));
    assert.ok(!/number/.test(waitlistedEmail(input()).text));
    assert.ok(waitlistedEmail(input()).text.includes('If a place opens up, it is yours'));
  });

  it('leaves out the lines it has nothing for', () => {
    const { joiningText: _j, cancelUrl: _c, ...bare } = input();
    const text = registeredEmail(bare).text;
    assert.ok(!text.includes('How to join'));
    assert.ok(!text.includes('cancel'));
    assert.ok(text.includes('When: Thursdays'));
  });

  it('falls back to English for a language without a table, and reads regional tags by language', () => {
    assert.equal(registeredEmail(input({ locale: 'fr' })).subject, 'Your place is confirmed');
    assert.equal(registeredEmail(input({ locale: '' })).subject, 'Your place is confirmed');
    assert.equal(registeredEmail(input({ locale: 'es-MX' })).subject, 'Tu plaza está confirmada');
    assert.equal(registeredEmail(input({ locale: 'ES_es' })).subject, 'Tu plaza está confirmada');
    assert.equal(registeredEmail(input({ locale: '__proto__' })).subject, 'Your place is confirmed');
  });

  it('has the same entries in Spanish as in English, each translated', () => {
    const en = registrationEmailTexts('en');
    const es = registrationEmailTexts('es');
    const flatten = (table: object, prefix = ''): Record<string, unknown> =>
      Object.fromEntries(
        Object.entries(table).flatMap(([key, value]) =>
          typeof value === 'object' && value !== null
            ? Object.entries(flatten(value as object, `${prefix}${key}.`))
            : [[`${prefix}${key}`, value]],
        ),
      );
    const enEntries = flatten(en);
    const esEntries = flatten(es);
    assert.deepEqual(Object.keys(esEntries).sort(), Object.keys(enEntries).sort());
    for (const [key, value] of Object.entries(enEntries)) {
      const english = typeof value === 'function' ? String((value as (...a: unknown[]) => string)('G', 2)) : value;
      const spanishValue = esEntries[key];
      const spanish =
        typeof spanishValue === 'function'
          ? String((spanishValue as (...a: unknown[]) => string)('G', 2))
          : spanishValue;
      assert.notEqual(spanish, english, `${key} is not translated`);
    }
  });

  it('writes plain, kind words: no blame, no alarm, nothing to decode', () => {
    for (const locale of ['en', 'es']) {
      for (const build of Object.values(BUILDERS)) {
        for (const message of [build(input({ locale })), build(input({ locale, discreet: false }))]) {
          assert.doesNotMatch(message.text, /!|urgent|must|failed|urgente|debes/i);
          assert.ok(message.text.endsWith('\n'));
        }
      }
    }
  });
});
