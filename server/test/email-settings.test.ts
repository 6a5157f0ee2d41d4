import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { emailSettingsFromEnv } from '../src/email/email-settings.ts';
import { parseMailbox } from '../src/email/header-safety.ts';
import { registeredEmail } from '../src/email/messages.ts';
import { parseSmtpUrl } from '../src/email/smtp-url.ts';
import { optionsFromEnv } from '../src/env.ts';
import { openPgliteTestDatabase, type TestDatabase } from './helpers/databases.ts';
import { startTestServer } from './helpers/test-server.ts';

describe('email settings', () => {
  it('reads SMTP_URL, EMAIL_FROM and OUTBOX_DIR, and needs a sender for SMTP', () => {
    assert.deepEqual(optionsFromEnv({}).email, {});
    assert.deepEqual(
      emailSettingsFromEnv({
        SMTP_URL: ' smtps://u:p@mail.example.edu ',
        EMAIL_FROM: 'Student Services <no-reply@example.edu>',
        OUTBOX_DIR: 'mail-out',
      }),
      {
        smtpUrl: 'smtps://u:p@mail.example.edu',
        from: 'Student Services <no-reply@example.edu>',
        outboxDir: path.resolve('mail-out'),
      },
    );
    assert.throws(() => emailSettingsFromEnv({ SMTP_URL: 'smtp://mail.example.edu' }), /EMAIL_FROM must be set/);
  });

  it('takes TLS from the URL, requires STARTTLS off loopback, and never repeats the password', () => {
    assert.deepEqual(parseSmtpUrl('smtps://u:secret@mail.example.edu'), {
      url: 'smtps://u:secret@mail.example.edu',
      host: 'mail.example.edu',
      port: 465,
      secure: true,
      requireTLS: false,
    });
    const plain = parseSmtpUrl('smtp://u:secret@mail.example.edu');
    assert.equal(plain.port, 587);
    assert.equal(plain.requireTLS, true);
    assert.equal(parseSmtpUrl('smtp://127.0.0.1:2525').requireTLS, false);
    assert.equal(parseSmtpUrl('smtp://relay.internal:25?requireTLS=false').requireTLS, false);
    for (const bad of ['http://u:secret@mail.example.edu', 'smtp//u:secret@x', 'mail.example.edu:587']) {
      assert.throws(
        () => parseSmtpUrl(bad),
        (error: Error) => !error.message.includes('secret'),
      );
    }
  });

  it('reads a sender as a name and an address, and refuses anything that could break a header', () => {
    assert.deepEqual(parseMailbox('no-reply@example.edu'), { address: 'no-reply@example.edu' });
    assert.deepEqual(parseMailbox('Student Services <no-reply@example.edu>'), {
      name: 'Student Services',
      address: 'no-reply@example.edu',
    });
    assert.deepEqual(parseMailbox('"Servicios, Campus" <no-reply@example.edu>'), {
      name: 'Servicios, Campus',
      address: 'no-reply@example.edu',
    });
    for (const bad of [
      'Services\n <no-reply@example.edu>',
      'Services <no-reply@example.edu>\r\nBcc: x@example.com',
      'a@example.edu, b@example.edu',
      'Services <a@example.edu, b@example.edu>',
      'nobody',
    ]) {
      assert.throws(() => parseMailbox(bad, 'EMAIL_FROM'), /EMAIL_FROM must be/, JSON.stringify(bad));
    }
  });
});

describe('the server and its mailer', () => {
  let db: TestDatabase;
  let outboxDir: string;
  before(async () => {
    db = await openPgliteTestDatabase();
    outboxDir = await mkdtemp(path.join(tmpdir(), 'peer-server-outbox-'));
  });
  after(async () => {
    await db.dispose();
    await rm(outboxDir, { recursive: true, force: true });
  });

  it('logs once at start that mail goes to the outbox, and hands the mailer to handlers', async () => {
    const lines: string[] = [];
    const server = await startTestServer(db.database, {
      logLevel: 'info',
      logSink: (line) => lines.push(line),
      email: { outboxDir },
    });
    try {
      assert.equal(lines.filter((line) => line.includes('written to the outbox folder')).length, 1);
      await mailerOf(server);
      assert.equal(lines.filter((line) => line.includes('written to the outbox folder')).length, 1);
    } finally {
      await server.close();
    }
  });

  it('refuses to start with a sender that is not one address', async () => {
    await assert.rejects(
      startTestServer(db.database, { email: { from: 'x\r\nBcc: y@example.com <a@example.edu>', outboxDir } }),
      /EMAIL_FROM must be/,
    );
  });

  it('waits for a send under way before it stops', async () => {
    const server = await startTestServer(db.database, { email: { outboxDir } });
    const mailer = await mailerOf(server);
    const sending = mailer.send(
      registeredEmail({ to: 'lee@example.edu', groupName: 'G', sessionsText: 'Mondays', locale: 'en' }),
    );
    let sent = false;
    void sending.then(() => (sent = true));
    await server.close();
    assert.equal(sent, true, 'close() resolved only after the message was in the outbox');
    assert.ok((await readdir(outboxDir)).some((name) => name.endsWith('.eml')));
  });
});

/** The mailer the server put in its handlers' deps, read through a request context (before any other request). */
async function mailerOf(server: Awaited<ReturnType<typeof startTestServer>>) {
  let found: import('../src/email/mailer.ts').Mailer | undefined;
  server.app.use('/__mailer', async (c) => {
    found = c.var.deps.mailer;
    return c.body(null, 204);
  });
  await server.app.request('/__mailer');
  assert.ok(found, 'deps.mailer is set');
  return found;
}
