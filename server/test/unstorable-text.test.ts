import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadContractFile } from '../src/contract/load-contract.ts';
import { OperationTable } from '../src/contract/operation-table.ts';
import { unstorableTextErrors } from '../src/contract/unstorable-text.ts';
import { defaultPaths } from '../src/paths.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import { passAllSecuritySchemes, textOperations, type TextCase } from './helpers/text-cases.ts';
import { problemOf, startTestServer, type TestServer } from './helpers/test-server.ts';

const contract = await loadContractFile(defaultPaths.contract);
const operations = textOperations(contract);

describe('unstorable text: the check itself', () => {
  it('names NUL and unpaired surrogates in values and keys, at any depth, in document order', () => {
    const body = {
      ok: 'plain text, an emoji \ud83d\ude00 (a surrogate pair) and other controls \u0001\u001f',
      name: 'a\u0000b',
      list: ['fine', 'x\ud800', { 'deep/key~': '\udc00y' }],
      'bad\u0000key': 1,
      'lone\ud800': null,
      reversed: '\udc00\ud800',
    };
    assert.deepEqual(unstorableTextErrors('body', body), [
      { field: '/body/name', message: 'must not contain a NUL character (U+0000)' },
      {
        field: '/body/list/1',
        message: 'must not contain an unpaired UTF-16 surrogate (text that is not valid Unicode)',
      },
      {
        field: '/body/list/2/deep~1key~0',
        message: 'must not contain an unpaired UTF-16 surrogate (text that is not valid Unicode)',
      },
      { field: '/body/bad\uFFFDkey', message: 'has a name that contains a NUL character (U+0000)' },
      {
        field: '/body/lone\uFFFD',
        message: 'has a name that contains an unpaired UTF-16 surrogate (text that is not valid Unicode)',
      },
      {
        field: '/body/reversed',
        message: 'must not contain an unpaired UTF-16 surrogate (text that is not valid Unicode)',
      },
    ]);
    assert.deepEqual(unstorableTextErrors('body', 'x\u0000'), [
      { field: '/body', message: 'must not contain a NUL character (U+0000)' },
    ]);
    assert.deepEqual(unstorableTextErrors('body', undefined), []);
  });

  it('names parameters by their contract spelling, array items by index', () => {
    assert.deepEqual(
      unstorableTextErrors('query', { q: 'a\u0000', tag: ['ok', '\ud800'] }).map((error) => error.field),
      ['/query/q', '/query/tag/1'],
    );
    assert.deepEqual(
      unstorableTextErrors('header', { 'request-secret': 'a\u0000' }, () => 'Request-Secret').map((e) => e.field),
      ['/header/Request-Secret'],
    );
  });

  it('walks a body nested thousands deep without recursion, and stops at the contract’s 50 errors', () => {
    let deep: unknown = 'bottom\u0000';
    for (let depth = 0; depth < 100_000; depth += 1) deep = [deep];
    const errors = unstorableTextErrors('body', deep);
    assert.equal(errors.length, 1);
    assert.ok(errors[0]!.field.length <= 300, 'the pointer is clipped to the contract limit');
    assert.equal(
      unstorableTextErrors(
        'body',
        Array.from({ length: 80 }, () => '\u0000'),
      ).length,
      50,
    );
  });
});

describeEachDatabase('unstorable text is a 400, never a 500', (target) => {
  let db: TestDatabase;
  let server: TestServer;

  before(async () => {
    db = await target.open();
    server = await startTestServer(db.database, {
      // Every scheme passes, so that each request reaches validation as a signed-in supporter or admin would.
      securityChecks: passAllSecuritySchemes(contract),
    });
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  it('finds the operations that take text in the contract', () => {
    const keys = operations.map(({ operation }) => operation.key);
    // A few known ones, and every operation with a body or a path parameter, as a check on the generator.
    for (const key of ['GET /crisis-resources', 'GET /admin/crisis-resources', 'POST /admin/crisis-resources']) {
      assert.ok(keys.includes(key), key);
    }
    const expected = new OperationTable(contract).operations.filter(
      (operation) => operation.definition.requestBody !== undefined || operation.pathTemplate.includes('{'),
    );
    assert.ok(expected.length > 10);
    for (const operation of expected) assert.ok(keys.includes(operation.key), operation.key);
  });

  async function send(testCase: TextCase): Promise<string | undefined> {
    const response = await fetch(`${server.url}/api/v1${testCase.path}`, {
      method: testCase.method,
      headers: testCase.headers,
      ...(testCase.body === undefined ? {} : { body: testCase.body }),
    });
    const text = await response.text();
    const summary = `${testCase.label}: ${response.status} ${text.slice(0, 300)}`;
    if (response.status !== 400) return summary;
    if (response.headers.get('content-type') !== 'application/problem+json') return summary;
    const problem = (await problemOf(new Response(text))) as Awaited<ReturnType<typeof problemOf>>;
    if (problem.type !== '/problems/validation') return summary;
    const named = problem.errors?.some(
      (error) =>
        (error.field === testCase.field || error.field.startsWith(`${testCase.field}/`)) &&
        testCase.message.test(error.message),
    );
    return named ? undefined : summary;
  }

  for (const { operation, cases } of operations) {
    it(`${operation.key}: ${cases.length} requests with NUL or lone surrogates each answer 400 naming the field`, async () => {
      const failures: string[] = [];
      for (const testCase of cases) {
        const failure = await send(testCase);
        if (failure) failures.push(failure);
      }
      assert.deepEqual(failures, [], `${failures.length} of ${cases.length} cases failed`);
    });
  }

  it('still accepts surrogate pairs (emoji) and stores nothing for a rejected request', async () => {
    const post = (name: string) =>
      fetch(`${server.url}/api/v1/test-only/items`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': `key-${Math.random().toString(36).slice(2)}`,
        },
        body: JSON.stringify({ name }),
      });
    const created = server.state.created;
    const rejected = await post('lone \ud83d');
    assert.equal(rejected.status, 400);
    assert.equal(server.state.created, created, 'the handler never ran');
    const accepted = await post('smile \ud83d\ude00');
    assert.equal(accepted.status, 201);
    assert.equal(((await accepted.json()) as { name: string }).name, 'smile \ud83d\ude00');
  });

  it('answers 400, not 500, to a body nested as deep as 64 KiB allows', async () => {
    const depth = 30_000;
    const response = await fetch(`${server.url}/api/v1/test-only/items`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'deeply-nested-1' },
      body: `{"name":"deep","nested":${'['.repeat(depth)}"\\u0000"${']'.repeat(depth)}}`,
    });
    assert.equal(response.status, 400);
    const fields = (await problemOf(response)).errors?.map((error) => error.field) ?? [];
    assert.ok(fields.includes('/body/nested'), fields.join(', '));
  });

  it('rejects query values that are not percent-encoded UTF-8 instead of guessing at them', async () => {
    const response = await fetch(`${server.url}/api/v1/test-only/items/7?country=US&tag=caf%E9`, {
      headers: { 'Test-Token': 'tok-123' },
    });
    assert.equal(response.status, 400);
    assert.deepEqual((await problemOf(response)).errors, [
      { field: '/query/tag', message: 'is not correctly percent-encoded' },
    ]);
  });
});
