import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { compileContract } from '../src/contract/compiled-contract.ts';
import { loadContractFile } from '../src/contract/load-contract.ts';
import { groupErrors, storedFromInput } from '../src/groups/group-record.ts';
import type { GroupList } from '../src/groups/group-types.ts';
import { createLogger } from '../src/logging/logger.ts';
import { defaultPaths } from '../src/paths.ts';
import { dayNextWeek, demoGroups } from '../src/seed/demo-groups.ts';
import { runSeed } from '../src/seed/index.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import { groupApi, recordingMailer } from './helpers/group-fixtures.ts';
import { startTestServer, type TestServer } from './helpers/test-server.ts';

it('demo groups are valid, varied and written for the demo campus', async () => {
  const contract = compileContract(await loadContractFile(defaultPaths.contract), createLogger('silent'));
  const groups = demoGroups('2026-11-30');
  assert.equal(groups.length, 30);
  assert.equal(new Set(groups.map((group) => group.id)).size, 30);
  for (const group of groups) {
    assert.deepEqual(groupErrors(contract, storedFromInput(group.input)), [], group.id);
    // Ids never name what a group is about.
    assert.match(group.id, /^grp_nf\d\d$/);
  }
  const inputs = groups.map((group) => group.input);
  const count = (test: (input: (typeof inputs)[number]) => boolean) => inputs.filter(test).length;
  assert.ok(count((input) => input.sensitive) >= 5);
  assert.ok(inputs.filter((input) => input.sensitive).every((input) => input.areaHint !== undefined));
  assert.ok(count((input) => input.dropIn) >= 5);
  assert.ok(count((input) => input.languages.some((language) => language.startsWith('es'))) >= 2);
  assert.deepEqual(new Set(inputs.map((input) => input.format)), new Set(['in-person', 'online', 'hybrid']));
  assert.deepEqual(
    new Set(inputs.map((input) => input.facilitator.type)),
    new Set(['trained-peer', 'lived-experience', 'clinician']),
  );
  assert.ok(groups.filter((group) => group.seedRegistrations).length >= 3);
  assert.ok(new Set(inputs.flatMap((input) => input.topics)).size >= 20);
  assert.equal(dayNextWeek('2026-11-30', 'MO'), '2026-12-07');
  assert.equal(dayNextWeek('2026-11-30', 'TU'), '2026-12-08');
  assert.equal(dayNextWeek('2026-12-06', 'MO'), '2026-12-14');
});

describeEachDatabase('demo seed groups', (target) => {
  let db: TestDatabase;
  let server: TestServer;

  before(async () => {
    db = await target.open();
    server = await startTestServer(db.database, { seed: 'demo', email: recordingMailer() });
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  it('lists the demo groups with full ones on a waitlist, and seeding again changes nothing', async () => {
    const api = groupApi(server.url);
    const list = (await (await api.send('GET', '/groups?limit=50')).json()) as GroupList;
    assert.equal(list.items.length, 30);
    const full = list.items.filter((item) => item.registrationStatus === 'waitlist');
    assert.ok(full.length >= 3);
    assert.ok(full.every((item) => item.spotsLeft === 0));
    assert.ok(list.items.filter((item) => item.locationHidden).every((item) => item.location === undefined));
    const state = () =>
      db.database.query('SELECT id, updated_at, registered_count, waitlisted_count FROM groups ORDER BY id');
    const before = await state();
    await runSeed(db.database, 'demo', { crisisData: { emergencyNumbers: [], nationalLines: [] } } as never);
    assert.deepEqual(await state(), before);
  });
});
