import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { CONTRACT_SCHEMA_ID, rewriteSchemaRefs } from '../src/contract/ajv-factory.ts';
import { loadContractFile } from '../src/contract/load-contract.ts';
import {
  defaultCrisisDataDir,
  EMERGENCY_NUMBERS_FILE,
  NATIONAL_LINES_FILE,
} from '../src/crisis-resources/bundled-crisis-data.ts';
import type { AdminCrisisResource, CrisisResource, EmergencyNumber } from '../src/contract/api-types.ts';
import { todayIn } from '../src/hours/time-zones.ts';
import { optionsFromEnv } from '../src/env.ts';
import { defaultPaths } from '../src/paths.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import { problemOf, startTestServer, type TestServer } from './helpers/test-server.ts';
import { alwaysOpen, resourceInput } from './helpers/crisis-resource-fixtures.ts';

const ADMIN_TOKEN = 'test-operator-token-0123456789-abcdefghij';
const AUTH = { Authorization: `Bearer ${ADMIN_TOKEN}` };

let keyCounter = 0;
const newKey = () => `crisis-key-${process.pid}-${(keyCounter += 1)}`;

/** Checks documents against the real contract, independently of the server's own validators. */
async function contractValidator(name: string) {
  const document = await loadContractFile(defaultPaths.contract);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  formats.default(ajv);
  ajv.addSchema({ $id: CONTRACT_SCHEMA_ID, $defs: rewriteSchemaRefs(document.components?.schemas ?? {}) });
  return ajv.compile({ $ref: `${CONTRACT_SCHEMA_ID}#/$defs/${name}` });
}

async function bundledEmergencyNumbers(country: string): Promise<EmergencyNumber[]> {
  const all = JSON.parse(
    await readFile(path.join(defaultCrisisDataDir, EMERGENCY_NUMBERS_FILE), 'utf8'),
  ) as EmergencyNumber[];
  return all.filter((entry) => entry.country === country);
}

function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

interface PublicList {
  items: CrisisResource[];
  generatedAt: string;
  emergencyNumbers: EmergencyNumber[];
}

describeEachDatabase('crisis resources', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  const api = (pathAndQuery: string) => `${server.url}/api/v1${pathAndQuery}`;

  const send = (method: string, pathAndQuery: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(api(pathAndQuery), {
      method,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...AUTH, ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const postCreate = (body: unknown, key = newKey(), headers: Record<string, string> = {}) =>
    send('POST', '/admin/crisis-resources', body, { 'Idempotency-Key': key, ...headers });

  async function create(overrides: Record<string, unknown>): Promise<AdminCrisisResource> {
    const response = await postCreate(resourceInput(overrides));
    assert.equal(response.status, 201, await response.clone().text());
    return (await response.json()) as AdminCrisisResource;
  }

  async function adminGet(id: string): Promise<AdminCrisisResource> {
    let cursor: string | null = null;
    do {
      const response = await send('GET', `/admin/crisis-resources?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(response.status, 200);
      const page = (await response.json()) as { items: AdminCrisisResource[]; nextCursor: string | null };
      const found = page.items.find((item) => item.id === id);
      if (found) return found;
      cursor = page.nextCursor;
    } while (cursor);
    throw new Error(`${id} is not in the admin list`);
  }

  async function publicList(query: string): Promise<PublicList> {
    const response = await fetch(api(`/crisis-resources${query}`));
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.json()) as PublicList;
  }
  const publicIds = async (query: string) => (await publicList(query)).items.map((item) => item.id);

  async function snapshot(): Promise<string> {
    const rows = await db.database.query(
      'SELECT id, record, status, verification_note, updated_at FROM crisis_resources ORDER BY id',
    );
    return JSON.stringify(rows);
  }

  before(async () => {
    db = await target.open();
    server = await startTestServer(db.database, { adminToken: ADMIN_TOKEN, seed: 'demo' });

    // Test data in user-assigned country codes (XA, XB, XC) that no bundled data uses, so that the filter tests
    // know exactly what exists there.
    await create({
      id: 'xa-national-a',
      name: 'Alpha National Line',
      priority: 100,
      topics: ['general', 'suicidal-thoughts'],
    });
    await create({ id: 'xa-national-b', name: 'Bravo National Line', priority: 50 });
    await create({ id: 'xa-national-c', name: 'Awhina Line', priority: 50, languages: ['mi', 'en'] });
    await create({ id: 'xa-national-eating', name: 'Eating Support Line', priority: 10, topics: ['eating'] });
    await create({ id: 'xa-national-es', name: 'Linea en Espanol', priority: 5, languages: ['es'] });
    await create({
      id: 'xa-regional-auk',
      name: 'Auckland Regional Line',
      scope: 'regional',
      subdivisions: ['XA-AUK'],
      priority: 40,
    });
    await create({
      id: 'xa-regional-wgn',
      name: 'Wellington Regional Line',
      scope: 'regional',
      subdivisions: ['XA-WGN'],
      priority: 40,
    });
    await create({
      id: 'xa-campus-auk',
      name: 'Auckland Campus Service',
      scope: 'campus',
      subdivisions: ['XA-AUK'],
      priority: 30,
    });
    await create({ id: 'xa-retired', name: 'Retired Line', priority: 1000 });
    const retired = await send('POST', '/admin/crisis-resources/xa-retired/retire', { reason: 'service-ended' });
    assert.equal(retired.status, 200);
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  describe('the public list', () => {
    it('lists the national lines of a country by priority, then name, with its bundled emergency numbers', async () => {
      const response = await fetch(api('/crisis-resources?country=XA'));
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'public, max-age=300');
      const body = (await response.json()) as PublicList;
      assert.deepEqual(
        body.items.map((item) => item.id),
        ['xa-national-a', 'xa-national-c', 'xa-national-b', 'xa-national-eating', 'xa-national-es'],
      );
      assert.ok(Math.abs(Date.parse(body.generatedAt) - Date.now()) < 60_000);
      assert.deepEqual(body.emergencyNumbers, [], 'no bundled numbers for a user-assigned code');
      const newZealand = await publicList('?country=NZ');
      const expectedNumbers = await bundledEmergencyNumbers('NZ');
      assert.ok(expectedNumbers.length > 0, 'the bundled file knows New Zealand');
      assert.deepEqual(newZealand.emergencyNumbers, expectedNumbers);
      const validate = await contractValidator('CrisisResourceList');
      assert.ok(validate(body), JSON.stringify(validate.errors));
      // Public items carry no staff fields.
      assert.equal('status' in body.items[0]!, false);
      assert.equal('createdAt' in body.items[0]!, false);
    });

    it('adds the regional and campus resources that cover the region, and none of another region', async () => {
      assert.deepEqual(await publicIds('?country=XA&region=XA-AUK'), [
        'xa-national-a',
        'xa-national-c',
        'xa-national-b',
        'xa-regional-auk',
        'xa-campus-auk',
        'xa-national-eating',
        'xa-national-es',
      ]);
      const wellington = await publicIds('?region=XA-WGN');
      assert.ok(wellington.includes('xa-regional-wgn'));
      assert.ok(!wellington.includes('xa-regional-auk') && !wellington.includes('xa-campus-auk'));
      assert.ok(wellington.includes('xa-national-a'), 'a region alone implies its country');
    });

    it('answers 400 naming /query/region for a region outside the country, and for malformed parameters', async () => {
      const mismatch = await fetch(api('/crisis-resources?country=XA&region=AU-NSW'));
      assert.equal(mismatch.status, 400);
      assert.deepEqual(
        (await problemOf(mismatch)).errors?.map((error) => error.field),
        ['/query/region'],
      );
      const malformed = await fetch(api('/crisis-resources?country=xa&scope=planet'));
      assert.equal(malformed.status, 400);
      const fields = (await problemOf(malformed)).errors?.map((error) => error.field).sort();
      assert.deepEqual(fields, ['/query/country', '/query/scope']);
    });

    it('filters by scope', async () => {
      assert.deepEqual(await publicIds('?region=XA-AUK&scope=campus'), ['xa-campus-auk']);
      assert.deepEqual(await publicIds('?region=XA-WGN&scope=regional'), ['xa-regional-wgn']);
      assert.deepEqual(await publicIds('?country=XA&scope=regional'), [], 'no region, so no regional lines');
      assert.deepEqual(await publicIds('?region=XA-AUK&scope=national'), [
        'xa-national-a',
        'xa-national-c',
        'xa-national-b',
        'xa-national-eating',
        'xa-national-es',
      ]);
    });

    it('puts lines in the asked language and on the asked topic first, without removing any', async () => {
      const all = ['xa-national-a', 'xa-national-c', 'xa-national-b', 'xa-national-eating', 'xa-national-es'];
      assert.deepEqual(await publicIds('?country=XA&lang=mi'), [
        'xa-national-c',
        'xa-national-a',
        'xa-national-b',
        'xa-national-eating',
        'xa-national-es',
      ]);
      const spanish = await publicIds('?country=XA&lang=es-MX');
      assert.equal(spanish[0], 'xa-national-es', 'es-MX matches a line offering es');
      assert.deepEqual([...spanish].sort(), [...all].sort());
      const eating = await publicIds('?country=XA&topic=eating');
      assert.equal(eating[0], 'xa-national-eating');
      assert.deepEqual([...eating].sort(), [...all].sort());
      // Nothing matches: the list is still complete, in priority order.
      assert.deepEqual(await publicIds('?country=XA&lang=fr&topic=gambling'), all);
    });

    it('hides retired resources', async () => {
      assert.ok(!(await publicIds('?country=XA')).includes('xa-retired'));
      const retired = await adminGet('xa-retired');
      assert.equal(retired.status, 'retired');
    });

    it('without country or region, lists the campus place: national lines and the demo campus services', async () => {
      const body = await publicList('');
      const ids = body.items.map((item) => item.id);
      for (const id of ['us-988-lifeline', 'northfield-campus-safety', 'northfield-nightline']) {
        assert.ok(ids.includes(id), id);
      }
      assert.ok(!ids.some((id) => id.startsWith('nz-')));
      assert.deepEqual(body.emergencyNumbers, await bundledEmergencyNumbers('US'));
      const priorities = body.items.map((item) => item.priority);
      assert.deepEqual(
        priorities,
        [...priorities].sort((a, b) => b - a),
      );
    });

    it('answers 501 when the campus has switched crisis resources off', async () => {
      // A server keeps the campus configuration (and its answers) for their max-age, so a change made behind its
      // back, here in SQL, is checked on a server that reads the configuration afresh, as after a restart.
      await db.database.query('UPDATE campus_config SET feature_crisis_resources = false');
      const restarted = await startTestServer(db.database);
      try {
        const response = await fetch(`${restarted.url}/api/v1/crisis-resources?country=XA`);
        assert.equal(response.status, 501);
        assert.equal((await problemOf(response)).type, '/problems/not-implemented');
      } finally {
        await restarted.close();
        await db.database.query('UPDATE campus_config SET feature_crisis_resources = true');
      }
    });
  });

  describe('pairing', () => {
    it('is made mutual, and a filter that keeps one of a pair returns both', async () => {
      await create({
        id: 'xb-regional-qc',
        name: 'Quebec Regional Line',
        country: 'XB',
        scope: 'regional',
        subdivisions: ['XB-QC'],
        priority: 30,
        contactMethods: [{ type: 'phone', value: '+15145550100', hours: alwaysOpen('America/Toronto') }],
      });
      const campus = await create({
        id: 'xb-campus-on',
        name: 'Ontario Campus Line',
        country: 'XB',
        scope: 'campus',
        subdivisions: ['XB-ON'],
        priority: 20,
        pairedWith: ['xb-regional-qc'],
        contactMethods: [{ type: 'phone', value: '+14165550100', hours: alwaysOpen('America/Toronto') }],
      });
      assert.deepEqual(campus.pairedWith, ['xb-regional-qc']);
      assert.deepEqual((await adminGet('xb-regional-qc')).pairedWith, ['xb-campus-on'], 'made mutual');

      const both = ['xb-regional-qc', 'xb-campus-on'];
      assert.deepEqual(await publicIds('?region=XB-ON'), both);
      assert.deepEqual(await publicIds('?region=XB-QC'), both);
      assert.deepEqual(await publicIds('?region=XB-ON&scope=campus'), both);
      assert.deepEqual(await publicIds('?region=XB-QC&scope=national'), [], 'neither matched: neither shown');
      assert.deepEqual(await publicIds('?country=XB'), []);
    });

    it('unpairs both sides on a patch, and retiring a partner unpairs it', async () => {
      const unpaired = await send('PATCH', '/admin/crisis-resources/xb-campus-on', { pairedWith: [] });
      assert.equal(unpaired.status, 200);
      assert.deepEqual(((await unpaired.json()) as AdminCrisisResource).pairedWith, []);
      assert.deepEqual((await adminGet('xb-regional-qc')).pairedWith, []);
      assert.deepEqual(await publicIds('?region=XB-ON'), ['xb-campus-on']);

      const repaired = await send('PATCH', '/admin/crisis-resources/xb-regional-qc', { pairedWith: ['xb-campus-on'] });
      assert.equal(repaired.status, 200);
      assert.deepEqual((await adminGet('xb-campus-on')).pairedWith, ['xb-regional-qc']);

      const retire = await send('POST', '/admin/crisis-resources/xb-campus-on/retire', { reason: 'replaced' });
      assert.equal(retire.status, 200);
      assert.deepEqual((await adminGet('xb-regional-qc')).pairedWith, []);
      assert.deepEqual(await publicIds('?region=XB-QC'), ['xb-regional-qc']);
      assert.deepEqual(await publicIds('?region=XB-ON'), []);
    });

    it('rejects a partner that does not exist, is retired, or is the resource itself', async () => {
      const before = await snapshot();
      for (const [pairedWith, id] of [
        [['no-such-line'], undefined],
        [['xa-retired'], undefined],
        [['xc-self'], 'xc-self'],
      ] as const) {
        const response = await postCreate(resourceInput({ id, country: 'XC', pairedWith }));
        assert.equal(response.status, 400);
        assert.deepEqual(
          (await problemOf(response)).errors?.map((error) => error.field),
          ['/body/pairedWith/0'],
        );
      }
      assert.equal(await snapshot(), before);
    });
  });

  describe('admin authentication', () => {
    it('answers 401 with WWW-Authenticate: Bearer when the token is missing or wrong, and 200 with the right one', async () => {
      const missing = await fetch(api('/admin/crisis-resources'));
      assert.equal(missing.status, 401);
      assert.match(missing.headers.get('www-authenticate') ?? '', /^Bearer realm=/);
      const problem = await problemOf(missing);
      assert.equal(problem.type, '/problems/unauthorized');
      assert.equal(missing.headers.get('content-type'), 'application/problem+json');

      for (const authorization of [`Bearer ${ADMIN_TOKEN}x`, `Bearer ${ADMIN_TOKEN.slice(1)}`, 'Bearer nope']) {
        const wrong = await fetch(api('/admin/crisis-resources'), { headers: { Authorization: authorization } });
        assert.equal(wrong.status, 401, authorization);
        assert.match(wrong.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
      }
      const basic = await fetch(api('/admin/crisis-resources'), {
        headers: { Authorization: `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}` },
      });
      assert.equal(basic.status, 401);

      // Schemes without a check yet (supporter sessions come later) fail closed, even with the admin token.
      const supporter = await fetch(api('/supporter/queue'), { headers: AUTH });
      assert.equal(supporter.status, 401);

      const right = await fetch(api('/admin/crisis-resources'), {
        headers: { Authorization: `bearer ${ADMIN_TOKEN}` },
      });
      assert.equal(right.status, 200);
      assert.equal(right.headers.get('cache-control'), 'no-store');
    });

    it('checks the token before the body, on every admin operation, and stores nothing', async () => {
      const before = await snapshot();
      const attempts = [
        fetch(api('/admin/crisis-resources'), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey() },
          body: JSON.stringify({ not: 'valid' }),
        }),
        fetch(api('/admin/crisis-resources'), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey(), Authorization: 'Bearer wrong' },
          body: JSON.stringify(resourceInput({ id: 'xc-unauthorised' })),
        }),
        fetch(api('/admin/crisis-resources/xa-national-b'), {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ priority: 1 }),
        }),
        fetch(api('/admin/crisis-resources/xa-national-b/retire'), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ reason: 'other' }),
        }),
        fetch(api('/admin/crisis-resources/xa-national-b/verify'), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        }),
      ];
      for (const response of await Promise.all(attempts)) assert.equal(response.status, 401);
      assert.equal(await snapshot(), before);
    });

    it('turns admin off without ADMIN_TOKEN, saying so once in the log at start', async () => {
      const lines: string[] = [];
      const noAdmin = await startTestServer(db.database, { logLevel: 'warn', logSink: (line) => lines.push(line) });
      try {
        for (let round = 0; round < 2; round += 1) {
          const response = await fetch(`${noAdmin.url}/api/v1/admin/crisis-resources`, { headers: AUTH });
          assert.equal(response.status, 401);
          assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
        }
        const notices = lines.filter((line) => line.includes('admin endpoints are disabled'));
        assert.equal(notices.length, 1);
        // The public list does not need admin.
        assert.equal((await fetch(`${noAdmin.url}/api/v1/crisis-resources`)).status, 200);
      } finally {
        await noAdmin.close();
      }
    });

    it('refuses to start with a weak ADMIN_TOKEN, and reads a good one from the environment', async () => {
      await assert.rejects(startTestServer(db.database, { adminToken: 'too-short' }), /ADMIN_TOKEN must be 32/);
      assert.throws(() => optionsFromEnv({ ADMIN_TOKEN: 'short' }), /ADMIN_TOKEN must be 32/);
      assert.throws(() => optionsFromEnv({ ADMIN_TOKEN: `${'a'.repeat(32)} b` }), /ADMIN_TOKEN may only contain/);
      assert.equal(optionsFromEnv({ ADMIN_TOKEN: ` ${ADMIN_TOKEN} ` }).adminToken, ADMIN_TOKEN);
      assert.equal(optionsFromEnv({}).adminToken, undefined);
    });
  });

  describe('admin changes', () => {
    it('creates with a generated id and defaults, answers 201 with Location, and the public list shows it', async () => {
      const response = await postCreate(resourceInput({ name: 'Line Without An Id', country: 'XC' }));
      assert.equal(response.status, 201);
      const created = (await response.json()) as AdminCrisisResource;
      assert.match(created.id, /^line-without-an-id-[0-9a-f]{8}$/);
      assert.equal(response.headers.get('location'), `/api/v1/admin/crisis-resources/${created.id}`);
      assert.equal(created.status, 'active');
      assert.equal(created.priority, 0);
      assert.deepEqual(created.pairedWith, []);
      assert.equal(created.createdAt, created.updatedAt);
      const validate = await contractValidator('AdminCrisisResource');
      assert.ok(validate(created), JSON.stringify(validate.errors));
      assert.ok((await publicIds('?country=XC')).includes(created.id));
    });

    it('answers 409 for an id already in use, and replays a create sent again with its Idempotency-Key', async () => {
      const key = newKey();
      const body = resourceInput({ id: 'xc-replayed', name: 'Replayed Line', country: 'XC' });
      const first = await postCreate(body, key);
      assert.equal(first.status, 201);
      const replay = await postCreate(body, key);
      assert.equal(replay.status, 201);
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(await replay.json(), await first.json());

      const duplicate = await postCreate(body);
      assert.equal(duplicate.status, 409);
      assert.equal((await problemOf(duplicate)).type, '/problems/conflict');

      // A generated id is replayed too, not generated twice.
      const unnamedKey = newKey();
      const unnamed = resourceInput({ name: 'Replayed Without Id', country: 'XC' });
      const one = (await (await postCreate(unnamed, unnamedKey)).json()) as AdminCrisisResource;
      const two = (await (await postCreate(unnamed, unnamedKey)).json()) as AdminCrisisResource;
      assert.equal(two.id, one.id);
      const rows = await db.database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM crisis_resources WHERE name IN ('Replayed Line', 'Replayed Without Id')",
      );
      assert.equal(rows[0]?.n, 2);
    });

    it('keeps the Idempotency-Key free after a rejected create, so the corrected body runs', async () => {
      const key = newKey();
      const weeklyIn = (timeZone: string) => ({
        timeZone,
        alwaysOpen: false,
        weekly: [{ day: 'mon', opens: '09:00', closes: '17:00' }],
      });
      const method = (timeZone: string) => [{ type: 'phone', value: '+6495550101', hours: weeklyIn(timeZone) }];
      const rejected = await postCreate(
        resourceInput({ id: 'xc-corrected', country: 'XC', contactMethods: method('Not/AZone') }),
        key,
      );
      assert.equal(rejected.status, 400);
      const corrected = await postCreate(
        resourceInput({ id: 'xc-corrected', country: 'XC', contactMethods: method('Pacific/Auckland') }),
        key,
      );
      assert.equal(corrected.status, 201, await corrected.clone().text());
      assert.equal(corrected.headers.get('idempotent-replayed'), null);
    });

    it('patches with merge semantics: fields replace, lists are replaced whole, null removes', async () => {
      await create({
        id: 'xc-patched',
        name: 'Patched Line',
        country: 'XC',
        topics: ['general', 'stress'],
        confidentialityNote: 'Private.',
        translations: { ga: { name: 'Líne' } },
      });
      const response = await send('PATCH', '/admin/crisis-resources/xc-patched', {
        priority: 70,
        topics: ['grief'],
        confidentialityNote: null,
        translations: null,
        contactMethods: [
          {
            type: 'sms',
            value: '50808',
            smsKeyword: 'HELLO',
            hours: {
              timeZone: 'Europe/Dublin',
              alwaysOpen: false,
              weekly: [{ day: 'fri', opens: '20:00', closes: '02:00' }],
            },
          },
        ],
      });
      assert.equal(response.status, 200, await response.clone().text());
      const patched = (await response.json()) as AdminCrisisResource;
      assert.equal(patched.priority, 70);
      assert.deepEqual(patched.topics, ['grief']);
      assert.equal('confidentialityNote' in patched, false);
      assert.equal('translations' in patched, false);
      assert.equal(patched.contactMethods.length, 1);
      assert.equal(patched.contactMethods[0]?.smsKeyword, 'HELLO');
      assert.equal(patched.name, 'Patched Line', 'fields not sent stay');
      assert.equal(patched.verifiedAt, '2025-01-15', 'editing does not verify');
      assert.ok(patched.updatedAt >= patched.createdAt);

      const forbidden = await send('PATCH', '/admin/crisis-resources/xc-patched', {
        verifiedAt: '2025-02-01',
        source: { name: 'Elsewhere', url: 'https://elsewhere.example/' },
      });
      assert.equal(forbidden.status, 400);
      assert.deepEqual((await problemOf(forbidden)).errors?.map((error) => error.field).sort(), [
        '/body/source',
        '/body/verifiedAt',
      ]);
      const missing = await send('PATCH', '/admin/crisis-resources/xc-nobody', { priority: 1 });
      assert.equal(missing.status, 404);
    });

    it('retires: kept with its reason, out of the public list, unchanged when retired again, then frozen', async () => {
      await create({ id: 'xc-replacement', name: 'Replacement Line', country: 'XC' });
      await create({ id: 'xc-ending', name: 'Ending Line', country: 'XC' });
      const badReplacement = await send('POST', '/admin/crisis-resources/xc-ending/retire', {
        reason: 'replaced',
        replacedBy: 'xc-ending',
      });
      assert.equal(badReplacement.status, 400);
      assert.deepEqual(
        (await problemOf(badReplacement)).errors?.map((error) => error.field),
        ['/body/replacedBy'],
      );

      const response = await send('POST', '/admin/crisis-resources/xc-ending/retire', {
        reason: 'replaced',
        note: 'Merged into the replacement line.',
        replacedBy: 'xc-replacement',
      });
      assert.equal(response.status, 200);
      const retired = (await response.json()) as AdminCrisisResource;
      assert.equal(retired.status, 'retired');
      assert.deepEqual(retired.retirement, {
        reason: 'replaced',
        note: 'Merged into the replacement line.',
        replacedBy: 'xc-replacement',
      });
      assert.ok(retired.retiredAt && Math.abs(Date.parse(retired.retiredAt) - Date.now()) < 60_000);
      assert.ok(!(await publicIds('?country=XC')).includes('xc-ending'));

      const again = await send('POST', '/admin/crisis-resources/xc-ending/retire', { reason: 'other' });
      assert.equal(again.status, 200);
      assert.deepEqual(await again.json(), retired);

      const edit = await send('PATCH', '/admin/crisis-resources/xc-ending', { priority: 5 });
      assert.equal(edit.status, 409);
      const verify = await send('POST', '/admin/crisis-resources/xc-ending/verify', {});
      assert.equal(verify.status, 409);
      const nobody = await send('POST', '/admin/crisis-resources/xc-nobody/retire', { reason: 'other' });
      assert.equal(nobody.status, 404);
    });

    it('verifies: today on the campus clock unless given, a new source, the note; never in the future', async () => {
      await create({ id: 'xc-verified', name: 'Verified Line', country: 'XC' });
      const today = await send('POST', '/admin/crisis-resources/xc-verified/verify', { note: 'Called the line.' });
      assert.equal(today.status, 200);
      const first = (await today.json()) as AdminCrisisResource;
      assert.equal(first.verifiedAt, todayIn('America/New_York'));
      assert.equal(first.verificationNote, 'Called the line.');

      const source = { name: 'The service website', url: 'https://service.example/hours' };
      const dated = await send('POST', '/admin/crisis-resources/xc-verified/verify', {
        verifiedAt: '2025-03-01',
        source,
      });
      const second = (await dated.json()) as AdminCrisisResource;
      assert.equal(second.verifiedAt, '2025-03-01');
      assert.deepEqual(second.source, source);
      assert.equal('verificationNote' in second, false, 'a verification without a note clears the old one');

      const before = await snapshot();
      const future = await send('POST', '/admin/crisis-resources/xc-verified/verify', { verifiedAt: daysFromToday(3) });
      assert.equal(future.status, 400);
      assert.deepEqual(
        (await problemOf(future)).errors?.map((error) => error.field),
        ['/body/verifiedAt'],
      );
      assert.equal(await snapshot(), before);
    });

    it('lists for staff with status, country, verifiedBefore and name filters, page by page', async () => {
      const retired = (await (await send('GET', '/admin/crisis-resources?status=retired&country=XA')).json()) as {
        items: AdminCrisisResource[];
      };
      assert.deepEqual(
        retired.items.map((item) => item.id),
        ['xa-retired'],
      );
      assert.equal(retired.items[0]?.retirement?.reason, 'service-ended');

      const byName = (await (await send('GET', '/admin/crisis-resources?q=national%20BRAVO')).json()) as {
        items: AdminCrisisResource[];
      };
      assert.deepEqual(
        byName.items.map((item) => item.id),
        ['xa-national-b'],
      );
      const percent = (await (await send('GET', '/admin/crisis-resources?q=%25')).json()) as { items: unknown[] };
      assert.equal(percent.items.length, 0, 'LIKE wildcards in q are literal');

      await send('POST', '/admin/crisis-resources/xa-national-b/verify', { verifiedAt: '2024-06-01' });
      const stale = (await (
        await send('GET', '/admin/crisis-resources?country=XA&verifiedBefore=2025-01-01')
      ).json()) as {
        items: AdminCrisisResource[];
      };
      assert.deepEqual(
        stale.items.map((item) => item.id),
        ['xa-national-b'],
      );

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response = await send(
          'GET',
          `/admin/crisis-resources?country=XA&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
        assert.equal(response.status, 200);
        const page = (await response.json()) as { items: AdminCrisisResource[]; nextCursor: string | null };
        assert.ok(page.items.length <= 3);
        seen.push(...page.items.map((item) => item.name));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      assert.equal(seen.length, 9, 'every XA record, retired included');
      assert.equal(pages, 3);
      assert.deepEqual(
        seen,
        [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
      );

      const badCursor = await send('GET', '/admin/crisis-resources?cursor=bm90IGFuIGlkIQ');
      assert.equal(badCursor.status, 400);
      assert.deepEqual(
        (await problemOf(badCursor)).errors?.map((error) => error.field),
        ['/query/cursor'],
      );
    });
  });

  describe('validation beyond the schema', () => {
    const hours = (timeZone: string, weekly: unknown[] = []) => ({ timeZone, alwaysOpen: weekly.length === 0, weekly });
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [
        'an unknown time zone',
        { contactMethods: [{ type: 'phone', value: '988', hours: hours('Mars/Olympus_Mons') }] },
        '/body/contactMethods/0/hours/timeZone',
      ],
      [
        'a range that opens and closes at the same minute',
        {
          contactMethods: [
            {
              type: 'phone',
              value: '988',
              hours: hours('Pacific/Auckland', [{ day: 'mon', opens: '09:00', closes: '09:00' }]),
            },
          ],
        },
        '/body/contactMethods/0/hours/weekly/0/closes',
      ],
      [
        'a javascript: link',
        { contactMethods: [{ type: 'phone', value: '988', url: 'javascript:alert(1)', hours: hours('UTC') }] },
        '/body/contactMethods/0/url',
      ],
      [
        'a chat link that is not https',
        { contactMethods: [{ type: 'chat', value: 'http://chat.example/', hours: hours('UTC') }] },
        '/body/contactMethods/0/value',
      ],
      [
        'a phone number with letters',
        { contactMethods: [{ type: 'phone', value: '1-800-HELPNOW', hours: hours('UTC') }] },
        '/body/contactMethods/0/value',
      ],
      ['a verification date in the future', { verifiedAt: daysFromToday(3) }, '/body/verifiedAt'],
      ['an unknown partner', { pairedWith: ['xa-no-such-line'] }, '/body/pairedWith/0'],
      [
        'a walk-in without an address',
        { contactMethods: [{ type: 'walk-in', value: 'The front desk', hours: hours('UTC') }] },
        '/body/contactMethods/0/address',
      ],
      ['a subdivision of another country', { scope: 'regional', subdivisions: ['AU-NSW'] }, '/body/subdivisions/0'],
      ['a national line with subdivisions', { subdivisions: ['XA-AUK'] }, '/body/subdivisions'],
      ['a regional line without subdivisions', { scope: 'regional' }, '/body/subdivisions'],
    ];

    for (const [title, overrides, field] of cases) {
      it(`a create with ${title} is a 400 naming ${field}, and stores nothing`, async () => {
        const before = await snapshot();
        const response = await postCreate(resourceInput({ id: 'xa-invalid', ...overrides }));
        assert.equal(response.status, 400);
        const problem = await problemOf(response);
        assert.equal(problem.type, '/problems/validation');
        assert.ok(
          problem.errors?.some((error) => error.field === field),
          `${field} not in ${JSON.stringify(problem.errors)}`,
        );
        assert.equal(await snapshot(), before);
      });
    }

    it('a patch that breaks a rule is a 400 naming the field, and leaves the record as it was', async () => {
      const before = await snapshot();
      const response = await send('PATCH', '/admin/crisis-resources/xa-national-b', {
        priority: 1,
        contactMethods: [{ type: 'phone', value: '988', hours: hours('Atlantis/Capital') }],
      });
      assert.equal(response.status, 400);
      assert.deepEqual(
        (await problemOf(response)).errors?.map((error) => error.field),
        ['/body/contactMethods/0/hours/timeZone'],
      );
      const country = await send('PATCH', '/admin/crisis-resources/xa-regional-auk', { country: 'AU' });
      assert.equal(country.status, 400);
      assert.deepEqual(
        (await problemOf(country)).errors?.map((error) => error.field),
        ['/body/subdivisions/0'],
      );
      assert.equal(await snapshot(), before);
    });
  });

  describe('seeding and bundled data', () => {
    it('SEED=demo again changes nothing: no copies, no new timestamps, retired lines stay retired', async () => {
      await send('POST', '/admin/crisis-resources/us-veterans-crisis-line/retire', { reason: 'other' });
      const before = await snapshot();
      for (let round = 0; round < 2; round += 1) {
        const again = await startTestServer(db.database, { adminToken: ADMIN_TOKEN, seed: 'demo' });
        await again.close();
      }
      assert.equal(await snapshot(), before);
      assert.equal((await adminGet('us-veterans-crisis-line')).status, 'retired');

      const bundled = JSON.parse(await readFile(path.join(defaultCrisisDataDir, NATIONAL_LINES_FILE), 'utf8')) as {
        items: CrisisResource[];
      };
      const seeded = await db.database.query<{ id: string; scope: string }>(
        "SELECT id, scope FROM crisis_resources WHERE id = ANY ($1::text[]) OR id LIKE 'northfield-%' ORDER BY id",
        [bundled.items.map((line) => line.id)],
      );
      for (const line of bundled.items) {
        assert.equal(seeded.find((row) => row.id === line.id)?.scope, 'national', line.id);
      }
      const campus = seeded.filter((row) => row.id.startsWith('northfield-'));
      assert.equal(campus.length, 5);
      assert.ok(campus.every((row) => row.scope === 'campus'));
    });

    it('seeds the Northfield services with fictional numbers, dated today, the counseling pair together', async () => {
      const body = await publicList('?region=US-MA&scope=campus');
      const byId = new Map(body.items.map((item) => [item.id, item]));
      const safety = byId.get('northfield-campus-safety');
      assert.equal(safety?.contactMethods[0]?.value, '+15555550100');
      assert.equal(safety?.contactMethods[0]?.hours.alwaysOpen, true);
      const nightline = byId.get('northfield-nightline');
      assert.equal(nightline?.humanSupport, 'peer');
      assert.equal(nightline?.anonymous, true);
      assert.deepEqual(nightline?.contactMethods[0]?.hours.weekly[6], { day: 'sun', opens: '20:00', closes: '02:00' });
      const dropIn = byId.get('northfield-peer-drop-in');
      assert.equal(dropIn?.contactMethods[0]?.type, 'walk-in');
      assert.ok(dropIn?.contactMethods[0]?.address);
      assert.deepEqual(byId.get('northfield-counseling-center')?.pairedWith, ['northfield-counseling-after-hours']);
      assert.deepEqual(byId.get('northfield-counseling-after-hours')?.pairedWith, ['northfield-counseling-center']);
      for (const item of body.items) {
        assert.equal(item.verifiedAt, todayIn('America/New_York'));
        assert.match(item.source.url, /^https:\/\/northfield\.example\//);
        for (const method of item.contactMethods) {
          if (method.type === 'phone') assert.match(method.value, /^\+155555501\d\d$/);
        }
      }
    });

    it('starts without the bundled files, logging it, and answers with no emergency numbers', async () => {
      const emptyDir = await mkdtemp(path.join(tmpdir(), 'crisis-data-'));
      const lines: string[] = [];
      const bare = await startTestServer(db.database, {
        crisisDataDir: emptyDir,
        logLevel: 'warn',
        logSink: (line) => lines.push(line),
      });
      try {
        const missing = lines.filter((line) => line.includes('bundled crisis data file is missing'));
        assert.equal(missing.length, 2);
        const response = await fetch(`${bare.url}/api/v1/crisis-resources?country=XA`);
        assert.equal(response.status, 200);
        const body = (await response.json()) as PublicList;
        assert.deepEqual(body.emergencyNumbers, []);
        assert.ok(body.items.length > 0, 'resources still come from the database');
      } finally {
        await bare.close();
        await rm(emptyDir, { recursive: true, force: true });
      }
    });

    it('skips bundled records that break the contract, logging each, and seeds the rest', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'crisis-data-'));
      const good = resourceInput({ id: 'zz-good-line', country: 'ZZ', priority: 1, pairedWith: [] });
      const badZone = resourceInput({
        id: 'zz-bad-zone',
        country: 'ZZ',
        priority: 1,
        pairedWith: [],
        contactMethods: [{ type: 'phone', value: '988', hours: alwaysOpen('Nowhere/Land') }],
      });
      const notNational = resourceInput({
        id: 'zz-regional',
        country: 'ZZ',
        scope: 'regional',
        subdivisions: ['ZZ-A'],
        priority: 1,
        pairedWith: [],
      });
      await writeFile(
        path.join(dir, NATIONAL_LINES_FILE),
        JSON.stringify({ generatedAt: new Date().toISOString(), items: [good, badZone, notNational] }),
      );
      await writeFile(
        path.join(dir, EMERGENCY_NUMBERS_FILE),
        JSON.stringify([
          { country: 'ZZ', number: '999', services: ['general'] },
          { country: 'ZZ', number: 'abc' },
        ]),
      );
      const lines: string[] = [];
      const custom = await startTestServer(db.database, {
        crisisDataDir: dir,
        seed: 'demo',
        logLevel: 'warn',
        logSink: (line) => lines.push(line),
      });
      try {
        assert.equal(lines.filter((line) => line.includes('bundled crisis record skipped')).length, 3);
        const body = (await (await fetch(`${custom.url}/api/v1/crisis-resources?country=ZZ`)).json()) as PublicList;
        assert.deepEqual(
          body.items.map((item) => item.id),
          ['zz-good-line'],
        );
        assert.deepEqual(body.emergencyNumbers, [{ country: 'ZZ', number: '999', services: ['general'] }]);
      } finally {
        await custom.close();
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
});
