import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseAllowedOrigins } from '../src/http/cors.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import { startTestServer, type TestServer } from './helpers/test-server.ts';

const CAMPUS = 'https://www.campus.example';
const STRANGER = 'https://evil.example';

function headerList(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
}

describe('ALLOWED_ORIGINS parsing', () => {
  it('accepts exact origins and drops blanks', () => {
    assert.deepEqual(parseAllowedOrigins(' https://a.example , http://localhost:5173,, '), [
      'https://a.example',
      'http://localhost:5173',
    ]);
    assert.deepEqual(parseAllowedOrigins(undefined), []);
  });
  it('refuses anything that is not just an origin', () => {
    assert.throws(() => parseAllowedOrigins('https://a.example/path'), /without a path/);
    assert.throws(() => parseAllowedOrigins('campus.example'), /not an origin/);
  });
});

describeEachDatabase('CORS allowlist', (target) => {
  let db: TestDatabase;
  let server: TestServer;

  before(async () => {
    db = await target.open();
    server = await startTestServer(db.database, { allowedOrigins: [CAMPUS] });
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  it('gives an allowed origin its CORS headers, exposing Retry-After, Idempotent-Replayed, ETag and Location', async () => {
    const response = await fetch(`${server.url}/api/v1/health`, { headers: { Origin: CAMPUS } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), CAMPUS);
    assert.deepEqual(headerList(response.headers.get('access-control-expose-headers')), [
      'retry-after',
      'idempotent-replayed',
      'etag',
      'location',
    ]);
    assert.ok(headerList(response.headers.get('vary')).includes('origin'));
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
  });

  it('also on error answers, so the page can read the problem', async () => {
    const response = await fetch(`${server.url}/api/v1/nowhere`, { headers: { Origin: CAMPUS } });
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('access-control-allow-origin'), CAMPUS);
  });

  it('gives any other origin no CORS headers at all', async () => {
    const response = await fetch(`${server.url}/api/v1/health`, { headers: { Origin: STRANGER } });
    assert.equal(response.status, 200);
    for (const name of [
      'access-control-allow-origin',
      'access-control-expose-headers',
      'access-control-allow-methods',
    ]) {
      assert.equal(response.headers.get(name), null, name);
    }
  });

  it('still serves same-origin and non-browser requests (no Origin header)', async () => {
    const response = await fetch(`${server.url}/api/v1/health`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  it('answers an allowed preflight with methods, the needed request headers, and a cache lifetime', async () => {
    const response = await fetch(`${server.url}/api/v1/test-only/items`, {
      method: 'OPTIONS',
      headers: {
        Origin: CAMPUS,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, idempotency-key',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), CAMPUS);
    assert.ok(headerList(response.headers.get('access-control-allow-methods')).includes('post'));
    assert.deepEqual(headerList(response.headers.get('access-control-allow-headers')).sort(), [
      'authorization',
      'content-type',
      'idempotency-key',
      'if-none-match',
      'registration-token',
      'request-secret',
    ]);
    assert.ok(Number(response.headers.get('access-control-max-age')) >= 600);
  });

  it('answers a preflight from another origin without any CORS grant', async () => {
    const response = await fetch(`${server.url}/api/v1/test-only/items`, {
      method: 'OPTIONS',
      headers: { Origin: STRANGER, 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    assert.equal(response.headers.get('access-control-allow-methods'), null);
    assert.equal(response.headers.get('access-control-allow-headers'), null);
  });

  it('with no ALLOWED_ORIGINS, grants nobody', async () => {
    const closed = await startTestServer(db.database);
    try {
      const response = await fetch(`${closed.url}/api/v1/health`, { headers: { Origin: CAMPUS } });
      assert.equal(response.headers.get('access-control-allow-origin'), null);
    } finally {
      await closed.close();
    }
  });
});
