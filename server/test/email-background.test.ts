import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EmailAddressError } from '../src/email/header-safety.ts';
import type { EmailMessage, Mailer } from '../src/email/mailer.ts';
import { sendInBackground } from '../src/email/send-in-background.ts';
import { EmailSendError } from '../src/email/send-error.ts';
import { createLogger } from '../src/logging/logger.ts';

const MESSAGE: EmailMessage = { to: 'kai@example.edu', subject: 'Your place is confirmed', text: 'Room 12' };

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  return { lines, logger: createLogger('debug', (line) => lines.push(JSON.parse(line) as Record<string, unknown>)) };
}

describe('sendInBackground', () => {
  it('returns before the mail goes out', async () => {
    let release!: () => void;
    const sent: EmailMessage[] = [];
    const slow: Mailer = {
      send: (message) =>
        new Promise<void>((resolve) => {
          release = () => {
            sent.push(message);
            resolve();
          };
        }),
    };
    const { logger } = capture();
    const done = sendInBackground(slow, MESSAGE, logger, 'registered');
    await Promise.resolve();
    assert.equal(sent.length, 0, 'the caller went on while the mail server was still busy');
    release();
    await done;
    assert.deepEqual(sent, [MESSAGE]);
  });

  for (const [what, failure] of [
    ['a send error', new EmailSendError({ code: 'ECONNECTION' })],
    ['a refused address', new EmailAddressError('the recipient is not a single plain email address')],
    ['anything else', new Error(`boom for ${MESSAGE.to}: ${MESSAGE.text}`)],
  ] as const) {
    it(`never rejects, and logs ${what} without the address or the words`, async () => {
      const failing: Mailer = { send: () => Promise.reject(failure) };
      const { lines, logger } = capture();
      await sendInBackground(failing, MESSAGE, logger, 'promoted');
      assert.equal(lines.length, 1);
      assert.equal(lines[0]!.msg, 'email dropped');
      assert.equal(lines[0]!.purpose, 'promoted');
      const text = JSON.stringify(lines);
      assert.ok(!text.includes('kai@') && !text.includes('Room 12') && !text.includes('confirmed'), text);
    });
  }

  it('catches a mailer that throws before returning a promise', async () => {
    const throwing: Mailer = {
      send: () => {
        throw new TypeError('not ready');
      },
    };
    const { lines, logger } = capture();
    await sendInBackground(throwing, MESSAGE, logger);
    assert.equal(lines[0]!.error, 'TypeError');
  });
});
