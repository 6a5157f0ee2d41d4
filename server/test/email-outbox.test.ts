import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { createMailer } from '../src/email/mailer.ts';
import { waitlistedEmail } from '../src/email/messages.ts';
import { outboxFileName } from '../src/email/outbox-file.ts';
import { EmailSendError } from '../src/email/send-error.ts';
import { createLogger } from '../src/logging/logger.ts';

const STUDENT = 'ana.lopez@example.edu';

describe('the outbox, when there is no SMTP_URL', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'peer-outbox-'));
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('says once, at creation, that mail goes to the outbox, and logs no address when writing', async () => {
    const lines: string[] = [];
    const outboxDir = path.join(root, 'log-check');
    const mailer = createMailer({
      from: 'no-reply@example.edu',
      outboxDir,
      logger: createLogger('info', (line) => lines.push(line)),
    });
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /written to the outbox folder, not sent/);
    await mailer.send({ to: STUDENT, subject: 'A', text: 'a' });
    await mailer.send({ to: STUDENT, subject: 'B', text: 'b' });
    await mailer.close();
    assert.equal(lines.filter((line) => line.includes('outbox folder')).length, 1);
    assert.equal(lines.filter((line) => line.includes('"email sent"')).length, 2);
    assert.ok(!lines.join('\n').includes('ana.lopez'));
  });

  it('writes a readable .eml: RFC 5322 headers, CRLF, UTF-8, private to the server user', async () => {
    const outboxDir = path.join(root, 'readable');
    const mailer = createMailer({ from: 'Servicios Estudiantiles <no-reply@example.edu>', outboxDir });
    await mailer.send(
      waitlistedEmail({
        to: STUDENT,
        groupName: 'Ansiedad',
        discreet: true,
        sessionsText: 'miércoles, 17:00–18:00 🌙',
        joiningText: 'Sala 3',
        position: 2,
        locale: 'es',
      }),
    );
    await mailer.close();

    const files = await readdir(outboxDir);
    assert.equal(files.length, 1, `one file and no temporary left: ${files.join(', ')}`);
    assert.match(files[0]!, /^\d{8}T\d{9}Z-\d{6}-[0-9a-f]{12}\.eml$/);
    const file = path.join(outboxDir, files[0]!);
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.equal((await stat(outboxDir)).mode & 0o777, 0o700);

    const raw = await readFile(file);
    const latin1 = raw.toString('latin1');
    assert.ok(!/(?<!\r)\n/.test(latin1), 'every line ends in CRLF');
    const headerBlock = latin1.slice(0, latin1.indexOf('\r\n\r\n'));
    for (const header of ['From', 'To', 'Subject', 'Date', 'Message-ID', 'MIME-Version', 'Content-Type']) {
      assert.match(headerBlock, new RegExp(`^${header}: `, 'm'), `${header} header`);
    }

    const parsed = await simpleParser(raw);
    assert.equal(parsed.subject, 'Estás en la lista de espera');
    assert.equal(parsed.from?.value[0]?.name, 'Servicios Estudiantiles');
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    assert.equal(to?.value[0]?.address, STUDENT);
    assert.ok(parsed.text?.includes('Cuándo: miércoles, 17:00–18:00 🌙'));
    assert.ok(parsed.text?.includes('en el puesto 2'));
    assert.ok(!parsed.text?.includes('Sala 3'), 'no room for a waiting student');
    assert.ok(!parsed.text?.includes('Ansiedad') && !parsed.subject?.includes('Ansiedad'));
  });

  it('names files so they sort in the order written, and never collide, even when sent at once', async () => {
    const outboxDir = path.join(root, 'order');
    const mailer = createMailer({ from: 'no-reply@example.edu', outboxDir });
    for (const subject of ['first', 'second', 'third']) await mailer.send({ to: STUDENT, subject, text: subject });
    const sorted = (await readdir(outboxDir)).sort();
    const subjects = await Promise.all(
      sorted.map(async (name) => (await simpleParser(await readFile(path.join(outboxDir, name)))).subject),
    );
    assert.deepEqual(subjects, ['first', 'second', 'third']);

    await Promise.all(
      Array.from({ length: 50 }, (_, i) => mailer.send({ to: STUDENT, subject: `burst ${i}`, text: 'x' })),
    );
    await mailer.close();
    const names = await readdir(outboxDir);
    assert.equal(names.length, 53);
    assert.ok(names.every((name) => name.endsWith('.eml')));

    const sameMillisecond = new Date('2026-12-03T18:00:00.000Z');
    const many = new Set(Array.from({ length: 1000 }, () => outboxFileName(sameMillisecond)));
    assert.equal(many.size, 1000);
    assert.deepEqual([...many].sort(), [...many], 'within one millisecond, the counter keeps the order');
  });

  it('reports a folder it cannot write to as an EmailSendError, with no address in it', async () => {
    const blocker = path.join(root, 'a-file');
    await (await import('node:fs/promises')).writeFile(blocker, '');
    const lines: string[] = [];
    const mailer = createMailer({
      from: 'no-reply@example.edu',
      outboxDir: path.join(blocker, 'outbox'),
      logger: createLogger('info', (line) => lines.push(line)),
    });
    await assert.rejects(mailer.send({ to: STUDENT, subject: 'x', text: 'x' }), (error: Error) => {
      assert.ok(error instanceof EmailSendError);
      assert.ok(!error.message.includes('ana.lopez'));
      return true;
    });
    await mailer.close();
    assert.ok(lines.some((line) => line.includes('"email not sent"')));
    assert.ok(!lines.join('\n').includes('ana.lopez'));
  });
});
