import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseLogLevel } from '../src/logging/logger.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import { startTestServer } from './helpers/test-server.ts';

const SENSITIVE = [
  '203.0.113.77',
  '127.0.0.1',
  'SecretAgent',
  'secret=abc',
  'country=US',
  'my private words',
  'tok-123',
];

type Line = Record<string, unknown>;

async function exercise(url: string): Promise<void> {
  const headers = { 'User-Agent': 'SecretAgent/1.0', 'X-Forwarded-For': '203.0.113.77', 'Test-Token': 'tok-123' };
  await (await fetch(`${url}/api/v1/test-only/items/7?country=US&secret=abc`, { headers })).text();
  for (const name of ['my private words', 'boom']) {
    await (
      await fetch(`${url}/api/v1/test-only/items?secret=abc`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json', 'Idempotency-Key': `log-key-${name.length}` },
        body: JSON.stringify({ name }),
      })
    ).text();
  }
  await (await fetch(`${url}/api/v1/not-here?country=US`, { headers })).text();
  await (await fetch(`${url}/?secret=abc`, { headers })).text();
}

describe('LOG_LEVEL parsing', () => {
  it('accepts the known levels in any case, and rejects others', () => {
    assert.equal(parseLogLevel('ERROR'), 'error');
    assert.equal(parseLogLevel(undefined), 'info');
    assert.throws(() => parseLogLevel('verbose'), /LOG_LEVEL/);
  });
});

describeEachDatabase('request logs', (target) => {
  let db: TestDatabase;

  before(async () => {
    db = await target.open();
  });
  after(async () => {
    await db?.dispose();
  });

  it('writes one JSON line per request with only the allowed fields and the route template', async () => {
    const lines: string[] = [];
    const server = await startTestServer(db.database, { logLevel: 'info', logSink: (line) => lines.push(line) });
    try {
      lines.length = 0;
      await exercise(server.url);
    } finally {
      await server.close();
    }
    const parsed = lines.map((line) => JSON.parse(line) as Line);
    const requests = parsed.filter((line) => line.msg === 'request');
    assert.equal(requests.length, 5);
    for (const line of requests) {
      assert.deepEqual(Object.keys(line).sort(), [
        'durationMs',
        'level',
        'method',
        'msg',
        'requestId',
        'route',
        'status',
        'time',
      ]);
      assert.equal(typeof line.durationMs, 'number');
      assert.match(String(line.requestId), /^[0-9a-f-]{36}$/);
    }
    assert.deepEqual(
      requests.map((line) => [line.method, line.route, line.status]),
      [
        ['GET', '/api/v1/test-only/items/{itemId}', 200],
        ['POST', '/api/v1/test-only/items', 201],
        ['POST', '/api/v1/test-only/items', 500],
        ['GET', 'unmatched', 404],
        ['GET', '/', 200],
      ],
    );
    assert.equal(requests[2]?.level, 'error');
    const failure = parsed.find((line) => line.msg === 'unhandled error');
    assert.ok(failure, 'the 500 is logged with its cause');
    assert.equal(failure.requestId, requests[2]?.requestId);
  });

  it('never logs IP addresses, user agents, query strings, bodies or secrets', async () => {
    const lines: string[] = [];
    const server = await startTestServer(db.database, { logLevel: 'debug', logSink: (line) => lines.push(line) });
    try {
      await exercise(server.url);
    } finally {
      await server.close();
    }
    const all = lines.join('\n');
    for (const needle of SENSITIVE) assert.ok(!all.includes(needle), `log contains "${needle}"`);
  });

  it('respects LOG_LEVEL: "error" keeps only failures, "silent" keeps nothing', async () => {
    for (const [level, expected] of [
      ['error', ['request 500', 'unhandled error']],
      ['silent', []],
    ] as const) {
      const lines: string[] = [];
      const server = await startTestServer(db.database, { logLevel: level, logSink: (line) => lines.push(line) });
      try {
        await exercise(server.url);
      } finally {
        await server.close();
      }
      const summary = lines
        .map((line) => JSON.parse(line) as Line)
        .map((line) => (line.msg === 'request' ? `request ${String(line.status)}` : String(line.msg)));
      assert.deepEqual(summary.sort(), [...expected].sort(), level);
    }
  });
});
