import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { EmailAddressError } from '../src/email/header-safety.ts';
import { createMailer } from '../src/email/mailer.ts';
import { promotedEmail, registeredEmail } from '../src/email/messages.ts';
import { EmailSendError } from '../src/email/send-error.ts';
import { createLogger } from '../src/logging/logger.ts';
import { startSmtpTestServer, type SmtpTestServer } from './helpers/smtp-test-server.ts';

const STUDENT = 'sam.rivera@example.edu';
const FROM = 'Student Services <no-reply@example.edu>';
const GROUP = 'Duelo y pérdida 🌱';

function capturingLogger() {
  const lines: string[] = [];
  return { lines, logger: createLogger('debug', (line) => lines.push(line)) };
}

describe('email through a real SMTP server on loopback', () => {
  let smtp: SmtpTestServer;
  before(async () => {
    smtp = await startSmtpTestServer();
  });
  after(() => smtp.close());

  it('delivers a discreet registration email with proper headers, UTF-8 and the envelope', async () => {
    const { lines, logger } = capturingLogger();
    const mailer = createMailer({ smtpUrl: smtp.url(), from: FROM, outboxDir: '/nonexistent', logger });
    const before = smtp.received.length;
    await mailer.send(
      registeredEmail({
        to: STUDENT,
        groupName: GROUP,
        discreet: true,
        sessionsText: 'jueves, 18:00–19:30; la próxima, el jue 3 dic',
        joiningText: 'Edificio Norte, sala 2 ☕',
        cancelUrl: 'https://peer.example.edu/cancel/abc123',
        locale: 'es',
      }),
    );
    await mailer.close();

    assert.equal(smtp.received.length, before + 1);
    const got = smtp.received.at(-1)!;
    assert.equal(got.mailFrom, 'no-reply@example.edu');
    assert.deepEqual(got.rcptTo, [STUDENT]);
    assert.equal(got.user, 'mailer', 'logged in with the URL credentials');

    const parsed = await simpleParser(got.raw);
    assert.equal(parsed.subject, 'Tu plaza está confirmada');
    assert.equal(parsed.from?.value[0]?.name, 'Student Services');
    assert.equal(parsed.from?.value[0]?.address, 'no-reply@example.edu');
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    assert.equal(to?.value[0]?.address, STUDENT);
    assert.ok(parsed.messageId, 'a Message-ID');
    assert.ok(parsed.date instanceof Date && !Number.isNaN(parsed.date.getTime()), 'a Date');
    const contentType = parsed.headers.get('content-type') as { value: string; params: Record<string, string> };
    assert.equal(contentType.value, 'text/plain');
    assert.equal(contentType.params.charset?.toLowerCase(), 'utf-8');
    assert.equal(parsed.headers.get('mime-version'), '1.0');
    assert.ok(parsed.text?.includes('Cuándo: jueves, 18:00–19:30; la próxima, el jue 3 dic'));
    assert.ok(parsed.text?.includes('Cómo unirte: Edificio Norte, sala 2 ☕'));
    assert.ok(parsed.text?.includes('https://peer.example.edu/cancel/abc123'));

    // Discreet: the group's name is nowhere, not in the subject, the body or any header, in any encoding.
    const everything = [parsed.subject, parsed.text, ...[...parsed.headers.values()].map((v) => JSON.stringify(v))];
    for (const part of everything) {
      assert.ok(!String(part).includes('Duelo'), `the group name leaked into: ${String(part).slice(0, 80)}`);
    }
    // The raw bytes are 7-bit: everything non-ASCII went through MIME encoding.
    assert.ok(!/[^\x00-\x7f]/.test(got.raw.toString('latin1')), 'raw message is ASCII-safe');

    assert.ok(lines.some((line) => line.includes('"email goes out through SMTP"')));
    assert.ok(lines.some((line) => line.includes('"email sent"')));
    assert.ok(!lines.join('\n').includes('sam.rivera'), 'no address in the logs');
    assert.ok(!lines.join('\n').includes('p@ss'), 'no password in the logs');
  });

  it('names the group, with accents and emoji intact, when the student turned discreet off', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url(), from: FROM, outboxDir: '/nonexistent' });
    await mailer.send(
      promotedEmail({ to: STUDENT, groupName: GROUP, discreet: false, sessionsText: 'jueves', locale: 'es' }),
    );
    await mailer.close();
    const parsed = await simpleParser(smtp.received.at(-1)!.raw);
    assert.equal(parsed.subject, `Se liberó una plaza para ti en ${GROUP}`);
    assert.ok(parsed.text?.includes(`una plaza en ${GROUP} y ya es tuya`));
  });

  it('keeps a subject on one line: CR/LF cannot add a header or a recipient', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url(), from: FROM, outboxDir: '/nonexistent' });
    await mailer.send({
      to: STUDENT,
      subject: 'Hello\r\nBcc: intruder@example.com\r\nX-Injected: yes\n\nbody',
      text: 'Hi',
    });
    await mailer.close();
    const got = smtp.received.at(-1)!;
    assert.deepEqual(got.rcptTo, [STUDENT], 'no extra recipient in the envelope');
    const parsed = await simpleParser(got.raw);
    assert.equal(parsed.headers.has('bcc'), false);
    assert.equal(parsed.headers.has('x-injected'), false);
    assert.equal(parsed.subject, 'Hello Bcc: intruder@example.com X-Injected: yes body');
    assert.equal(parsed.text?.trim(), 'Hi');
  });

  it('refuses a recipient that is not one plain address, before connecting, without echoing it', async () => {
    const { lines, logger } = capturingLogger();
    const mailer = createMailer({ smtpUrl: smtp.url(), from: FROM, outboxDir: '/nonexistent', logger });
    const before = smtp.received.length;
    for (const to of [
      `${STUDENT}\r\nBcc: intruder@example.com`,
      `${STUDENT}\nX-Injected: yes`,
      `${STUDENT}, intruder@example.com`,
      `Sam <${STUDENT}>`,
      'not-an-address',
    ]) {
      await assert.rejects(mailer.send({ to, subject: 'Hi', text: 'Hi' }), (error: Error) => {
        assert.ok(error instanceof EmailAddressError);
        assert.ok(!error.message.includes('sam.rivera') && !error.message.includes('intruder'));
        return true;
      });
    }
    await mailer.close();
    assert.equal(smtp.received.length, before);
    assert.ok(lines.some((line) => line.includes('"EADDRESS"')));
    assert.ok(!/sam\.rivera|intruder/.test(lines.join('\n')));
  });

  it('refuses a sender with a line break at creation', () => {
    assert.throws(
      () => createMailer({ from: 'Services\r\nBcc: x@example.com <no-reply@example.edu>', outboxDir: '/x' }),
      EmailAddressError,
    );
    assert.throws(() => createMailer({ from: 'no-reply@example.edu\r\nBcc: x@example.com', outboxDir: '/x' }));
  });
});

describe('email over TLS', () => {
  it('smtps:// speaks TLS from the first byte', async () => {
    const smtp = await startSmtpTestServer({ secure: true });
    try {
      // The test server's certificate is self-signed for localhost; only this test skips the check.
      const mailer = createMailer({
        smtpUrl: smtp.url('tls.rejectUnauthorized=false'),
        from: FROM,
        outboxDir: '/nonexistent',
      });
      await mailer.send({ to: STUDENT, subject: 'Hi', text: 'Hi' });
      await mailer.close();
      assert.equal(smtp.received.length, 1);
      assert.equal(smtp.received[0]!.secure, true);
    } finally {
      await smtp.close();
    }
  });

  it('smtp:// upgrades with STARTTLS when offered', async () => {
    const smtp = await startSmtpTestServer({ starttls: true });
    try {
      const mailer = createMailer({
        smtpUrl: smtp.url('tls.rejectUnauthorized=false'),
        from: FROM,
        outboxDir: '/nonexistent',
      });
      await mailer.send({ to: STUDENT, subject: 'Hi', text: 'Hi' });
      await mailer.close();
      assert.equal(smtp.received[0]!.secure, true);
    } finally {
      await smtp.close();
    }
  });

  it('with requireTLS, sends nothing (no password, no address) to a server that offers no STARTTLS', async () => {
    const smtp = await startSmtpTestServer();
    try {
      const mailer = createMailer({ smtpUrl: smtp.url('requireTLS=true'), from: FROM, outboxDir: '/nonexistent' });
      await assert.rejects(mailer.send({ to: STUDENT, subject: 'Hi', text: 'Hi' }), EmailSendError);
      await mailer.close();
      assert.equal(smtp.received.length, 0);
    } finally {
      await smtp.close();
    }
  });
});

describe('email failures reach the caller, and the log keeps no personal data', () => {
  function assertNoPersonalData(error: Error, lines: string[]) {
    const text = `${error.message}\n${lines.join('\n')}`;
    assert.ok(!text.includes('sam.rivera'), `the address leaked: ${text}`);
    assert.ok(!text.includes('example.edu>'), `an address leaked: ${text}`);
  }

  it('connection refused: a temporary EmailSendError, logged by code', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const { lines, logger } = capturingLogger();
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM, outboxDir: '/x', logger });
    await assert.rejects(mailer.send({ to: STUDENT, subject: 'Hi', text: 'Hi' }), (error: Error) => {
      assert.ok(error instanceof EmailSendError);
      assert.equal(error.temporary, true);
      assert.match(error.code, /^E[A-Z]+$/);
      assertNoPersonalData(error, lines);
      return true;
    });
    await mailer.close();
    const failure = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((l) => l.msg === 'email not sent');
    assert.equal(failure?.level, 'error');
    assert.equal(failure?.transport, 'smtp');
  });

  it('a 550 for the recipient: a permanent EmailSendError with the reply code, the address nowhere', async () => {
    const smtp = await startSmtpTestServer({ rejectRecipient: [550, `5.1.1 <${STUDENT}>: no such user here`] });
    try {
      const { lines, logger } = capturingLogger();
      const mailer = createMailer({ smtpUrl: smtp.url(), from: FROM, outboxDir: '/x', logger });
      await assert.rejects(mailer.send({ to: STUDENT, subject: 'Hi', text: 'Hi' }), (error: Error) => {
        assert.ok(error instanceof EmailSendError);
        assert.equal(error.responseCode, 550);
        assert.equal(error.temporary, false);
        assert.equal(error.code, 'EENVELOPE');
        assertNoPersonalData(error, lines);
        return true;
      });
      await mailer.close();
      assert.ok(lines.some((line) => line.includes('"responseCode":550')));
    } finally {
      await smtp.close();
    }
  });

  it('a 451 after the message: a temporary EmailSendError, so the caller may try again', async () => {
    const smtp = await startSmtpTestServer({ rejectData: [451, `4.3.0 try again later (${STUDENT})`] });
    try {
      const { lines, logger } = capturingLogger();
      const mailer = createMailer({ smtpUrl: smtp.url(), from: FROM, outboxDir: '/x', logger });
      await assert.rejects(mailer.send({ to: STUDENT, subject: 'Hi', text: 'Hi' }), (error: Error) => {
        assert.ok(error instanceof EmailSendError);
        assert.equal(error.responseCode, 451);
        assert.equal(error.temporary, true);
        assertNoPersonalData(error, lines);
        return true;
      });
      await mailer.close();
    } finally {
      await smtp.close();
    }
  });

  it('a server that never answers: the send gives up after timeoutMs', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const silent: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM, outboxDir: '/x', timeoutMs: 300 });
      const started = performance.now();
      await assert.rejects(mailer.send({ to: STUDENT, subject: 'Hi', text: 'Hi' }), (error: Error) => {
        assert.ok(error instanceof EmailSendError);
        assert.equal(error.temporary, true);
        return true;
      });
      assert.ok(performance.now() - started < 5_000, 'gave up well before the library defaults (minutes)');
      await mailer.close();
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
