import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { loadContractFile } from '../src/contract/load-contract.ts';
import { OperationTable } from '../src/contract/operation-table.ts';
import { defaultPaths } from '../src/paths.ts';
import { defaultHandlers } from '../src/routes/index.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import { problemOf, startTestServer, type TestServer } from './helpers/test-server.ts';

const item = (query: string) => `/api/v1/test-only/items/7?${query}`;
const token = { 'Test-Token': 'tok-123' };

function postItem(server: TestServer, body: RequestInit['body'], headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/v1/test-only/items`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'Idempotency-Key': `key-${Math.random().toString(36).slice(2)}`,
      ...headers,
    },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

async function storedKeys(db: TestDatabase): Promise<number> {
  const rows = await db.database.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys');
  return rows[0]!.n;
}

describeEachDatabase('request validation', (target) => {
  let db: TestDatabase;
  let server: TestServer;

  before(async () => {
    db = await target.open();
    server = await startTestServer(db.database);
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  it('coerces path, query and header values to their schema types before the handler sees them', async () => {
    const response = await fetch(
      `${server.url}${item('country=US&limit=5&active=true&tag=a&tag=b&color=red,blue&extra=ignored')}`,
      {
        headers: token,
      },
    );
    assert.equal(response.status, 200);
    const echo = (await response.json()) as Record<string, Record<string, unknown>>;
    assert.deepEqual(echo.path, { itemId: 7 });
    assert.deepEqual(echo.query, { country: 'US', limit: 5, active: true, tag: ['a', 'b'], color: ['red', 'blue'] });
    assert.deepEqual(echo.headers, { 'test-token': 'tok-123' });
  });

  it('wraps a single value of an array parameter in an array', async () => {
    const response = await fetch(`${server.url}${item('country=US&tag=solo')}`, { headers: token });
    const echo = (await response.json()) as Record<string, Record<string, unknown>>;
    assert.deepEqual(echo.query?.tag, ['solo']);
  });

  it('names every invalid path, query and header field in a 400 problem', async () => {
    const response = await fetch(`${server.url}/api/v1/test-only/items/zero?limit=500&active=maybe&color=green`);
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    const problem = await problemOf(response);
    assert.equal(problem.type, '/problems/validation');
    const fields = problem.errors?.map((error) => error.field).sort();
    assert.deepEqual(fields, [
      '/header/Test-Token',
      '/path/itemId',
      '/query/active',
      '/query/color/0',
      '/query/country',
      '/query/limit',
    ]);
    for (const error of problem.errors ?? []) assert.ok(error.message.length > 0);
  });

  it('rejects a repeated scalar query parameter', async () => {
    const response = await fetch(`${server.url}${item('country=US&country=GB')}`, { headers: token });
    assert.equal(response.status, 400);
    assert.deepEqual(
      (await problemOf(response)).errors?.map((error) => error.field),
      ['/query/country'],
    );
  });

  it('names each invalid body field: missing, wrong type, out of range, not allowed, nested', async () => {
    const before = await storedKeys(db);
    const response = await postItem(
      server,
      JSON.stringify({ count: 'three', surprise: true, nested: { flag: 'yes', deeper: 1 } }),
    );
    assert.equal(response.status, 400);
    const problem = await problemOf(response);
    const fields = problem.errors?.map((error) => error.field).sort();
    assert.deepEqual(fields, [
      '/body/count',
      '/body/name',
      '/body/nested/deeper',
      '/body/nested/flag',
      '/body/surprise',
    ]);
    assert.equal(await storedKeys(db), before, 'an invalid request stores nothing');
    assert.equal(server.state.created, 0);
  });

  it('reports a missing Idempotency-Key as a header field', async () => {
    const response = await fetch(`${server.url}/api/v1/test-only/items`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'x' }),
    });
    assert.equal(response.status, 400);
    assert.deepEqual((await problemOf(response)).errors, [
      { field: '/header/Idempotency-Key', message: 'is required' },
    ]);
  });

  it('rejects malformed JSON and a missing required body', async () => {
    const malformed = await postItem(server, '{"name": ');
    assert.equal(malformed.status, 400);
    assert.deepEqual((await problemOf(malformed)).errors?.[0]?.field, '/body');
    const missing = await postItem(server, null);
    assert.equal(missing.status, 400);
    assert.deepEqual((await problemOf(missing)).errors, [{ field: '/body', message: 'is required' }]);
  });

  it('answers 415 to a body that is not JSON, or has no media type', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await postItem(server, 'name=x', { 'Content-Type': contentType });
      assert.equal(response.status, 415, contentType);
      assert.equal((await problemOf(response)).type, '/problems/unsupported-media-type');
    }
    const untyped = await fetch(`${server.url}/api/v1/test-only/items`, {
      method: 'POST',
      headers: { 'Idempotency-Key': 'untyped-key-1' },
      body: new Blob(['{"name":"x"}']),
    });
    assert.equal(untyped.status, 415);
  });

  it('answers 415 to a compressed body', async () => {
    const response = await postItem(server, JSON.stringify({ name: 'zipped' }), { 'Content-Encoding': 'gzip' });
    assert.equal(response.status, 415);
  });

  it('accepts JSON with a charset parameter', async () => {
    const response = await postItem(server, JSON.stringify({ name: 'charset' }), {
      'Content-Type': 'application/json; charset=utf-8',
    });
    assert.equal(response.status, 201);
  });

  it('answers 413 to a body over 64 KiB, whether announced by Content-Length or streamed', async () => {
    const big = JSON.stringify({ name: 'big', note: 'x'.repeat(66 * 1024) });
    const announced = await postItem(server, big);
    assert.equal(announced.status, 413);
    assert.equal((await problemOf(announced)).type, '/problems/payload-too-large');

    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"name":"big","note":"'));
        if (sent >= 8) {
          controller.enqueue(new TextEncoder().encode('"}'));
          controller.close();
          return;
        }
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    const streamed = await postItem(server, stream);
    assert.equal(streamed.status, 413);
    assert.equal(server.state.created, 1, 'only the charset request above was created');
  });

  it('answers 501 for a contract operation without a handler', async () => {
    const response = await fetch(`${server.url}/api/v1/test-only/unimplemented`);
    assert.equal(response.status, 501);
    const problem = await problemOf(response);
    assert.equal(problem.type, '/problems/not-implemented');
  });

  it('answers 501 for a real contract operation that no issue has implemented yet', async (t) => {
    const table = new OperationTable(await loadContractFile(defaultPaths.contract));
    const unimplemented = table.operations.find(
      (operation) =>
        operation.method === 'GET' &&
        !(operation.key in defaultHandlers) &&
        !operation.pathTemplate.includes('{') &&
        !operation.parameters.some((parameter) => parameter.required) &&
        !operation.definition.security?.length,
    );
    if (!unimplemented) {
      t.skip('every simple GET operation is implemented');
      return;
    }
    const response = await fetch(`${server.url}/api/v1${unimplemented.pathTemplate}`);
    assert.equal(response.status, 501, unimplemented.key);
  });

  it('refuses to start with a handler for an operation the contract does not have', async () => {
    await assert.rejects(
      startTestServer(db.database, { handlers: { 'GET /nope': (c) => c.json({}) } }),
      /not in the contract/,
    );
  });
});
