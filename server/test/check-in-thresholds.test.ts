// A campus's own WHO-5 and PHQ-4 cut-offs (CheckInSettings.thresholds): one setting that GET /config serves to the
// element and that POST /check-ins bands and suggests with, so the two never disagree. Refused when out of bounds
// or out of order, and never stored then.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readCampusConfig } from '../src/campus-config/campus-config-repository.ts';
import { campusConfigErrors } from '../src/campus-config/campus-config-rules.ts';
import { scorePhq4, scoreWho5 } from '../src/check-ins/scoring.ts';
import { assessCheckIn } from '../src/check-ins/suggestions.ts';
import { DEFAULT_THRESHOLDS, thresholdsErrors } from '../src/check-ins/thresholds.ts';
import type { CheckInResult, CheckInSettings } from '../src/contract/api-types.ts';
import { demoCampusConfig } from '../src/seed/demo-campus-config.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import { phq4CheckIn, postCheckIn, who5CheckIn, writeDemoConfig } from './helpers/check-in-fixtures.ts';
import { startTestServer, type TestServer } from './helpers/test-server.ts';

type Thresholds = NonNullable<CheckInSettings['thresholds']>;

const QUIET = { checkIns: { rateLimit: null }, retention: { intervalMs: 0 } } as const;
/** Raw 14 (3, 3, 3, 3, 2) is 56%: typical by the published cut-offs, low from a campus's 60. */
const WHO5_56 = [3, 3, 3, 3, 2];
/** Total 4, no pair reaching 3: mild by default, none from a campus's 5. */
const PHQ4_4 = [1, 1, 1, 1];
/** Four PHQ-4 answers (each 0–3) adding up to `total`, filled item by item. */
const phq4WithTotal = (total: number) => [0, 1, 2, 3].map((item) => Math.min(3, Math.max(0, total - 3 * item)));
const kinds = (result: { suggestions: Array<{ kind: string; reason: string }> }) =>
  result.suggestions.map((suggestion) => `${suggestion.kind}:${suggestion.reason}`);
const settingsWith = (thresholds: unknown): CheckInSettings =>
  ({ ...demoCampusConfig.checkIn!, thresholds }) as CheckInSettings;

describe('campus cut-offs in scoring and suggestions', () => {
  it('band WHO-5 and PHQ-4 by the campus’s cut-offs, and by the published ones where it sets none', () => {
    assert.equal(scoreWho5(WHO5_56).band, 'typical');
    assert.equal(scoreWho5(WHO5_56, { ...DEFAULT_THRESHOLDS, who5Low: 60 }).band, 'low');
    assert.equal(scoreWho5([2, 2, 2, 2, 2], { ...DEFAULT_THRESHOLDS, who5VeryLow: 40 }).band, 'very-low'); // 40
    assert.equal(scoreWho5([2, 2, 2, 2, 3], { ...DEFAULT_THRESHOLDS, who5VeryLow: 40 }).band, 'low'); // 44
    assert.equal(scorePhq4(PHQ4_4).band, 'mild');
    const campus = { ...DEFAULT_THRESHOLDS, phq4Mild: 5, phq4Moderate: 7, phq4Severe: 11 };
    assert.deepEqual(
      [4, 5, 6, 7, 10, 11].map((total) => scorePhq4(phq4WithTotal(total), campus).band),
      ['none', 'mild', 'mild', 'moderate', 'moderate', 'severe'],
    );
    const pairOf2 = { ...DEFAULT_THRESHOLDS, phq4Pair: 2 };
    assert.equal(scorePhq4([1, 1, 0, 0]).depressionPositive, false);
    assert.equal(scorePhq4([1, 1, 0, 0], pairOf2).depressionPositive, true);
    assert.equal(scorePhq4([0, 0, 2, 0], pairOf2).anxietyPositive, true);
  });

  it('choose the next steps by the campus’s cut-offs, each absent one keeping its default', () => {
    assert.deepEqual(kinds(assessCheckIn(who5CheckIn(WHO5_56), {})), ['group:general']);
    const low = assessCheckIn(who5CheckIn(WHO5_56), { thresholds: { who5Low: 60 } });
    assert.deepEqual(low.band, { instrument: 'who5', band: 'low', notADiagnosis: true });
    assert.deepEqual(kinds(low), ['peer:low-wellbeing', 'group:low-wellbeing']);
    assert.deepEqual(kinds(assessCheckIn(phq4CheckIn(PHQ4_4), {})), ['peer:distress', 'group:distress']);
    const none = assessCheckIn(phq4CheckIn(PHQ4_4), { thresholds: { phq4Mild: 5 } });
    assert.equal(none.band?.band, 'none');
    assert.deepEqual(kinds(none), ['group:general']);
    // A pair cut-off of 2 makes [1, 1, 0, 0] a positive PHQ-2: the counsellor, and a low-mood group.
    const pair = assessCheckIn(phq4CheckIn([1, 1, 0, 0]), { thresholds: { phq4Pair: 2 } });
    assert.deepEqual(kinds(pair), ['counsellor:distress', 'group:general']);
  });

  it('refuse a cut-off that is not a whole number within its score’s range, or a name that is not a cut-off', () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ who5Low: 101 }, '/who5Low'],
      [{ who5Low: -1 }, '/who5Low'],
      [{ who5VeryLow: 27.5 }, '/who5VeryLow'],
      [{ phq4Mild: 0 }, '/phq4Mild'],
      [{ phq4Severe: 13 }, '/phq4Severe'],
      [{ phq4Pair: 7 }, '/phq4Pair'],
      [{ phq4Pair: '3' }, '/phq4Pair'],
      [{ phq4Moderate: null }, '/phq4Moderate'],
      [{ who5low: 40 }, '/who5low'],
    ];
    for (const [thresholds, field] of bad) {
      assert.deepEqual(
        thresholdsErrors(thresholds, '/t').map((error) => error.field),
        [`/t${field}`],
        JSON.stringify(thresholds),
      );
    }
    assert.deepEqual(thresholdsErrors([], '/t'), [{ field: '/t', message: 'must be an object' }]);
    for (const good of [{}, { who5Low: 100, who5VeryLow: 0 }, { phq4Mild: 1, phq4Moderate: 2, phq4Severe: 12 }]) {
      assert.deepEqual(thresholdsErrors(good, '/t'), [], JSON.stringify(good));
    }
  });

  it('refuse cut-offs out of order, the defaults standing in for absent ones', () => {
    const fields = (thresholds: Thresholds) => thresholdsErrors(thresholds, '').map((error) => error.field);
    assert.deepEqual(fields({ who5VeryLow: 60, who5Low: 50 }), ['/who5VeryLow']);
    assert.deepEqual(fields({ who5VeryLow: 50 }), ['/who5VeryLow']); // not below the default 50
    assert.deepEqual(fields({ who5Low: 20 }), ['/who5Low']); // below the default 28
    assert.deepEqual(fields({ phq4Moderate: 9 }), ['/phq4Moderate']); // equal to the default severe
    assert.deepEqual(fields({ phq4Mild: 7 }), ['/phq4Mild']);
    assert.deepEqual(fields({ phq4Mild: 5, phq4Moderate: 4, phq4Severe: 3 }), ['/phq4Mild', '/phq4Moderate']);
    const config = { ...demoCampusConfig, checkIn: settingsWith({ who5Low: 20 }) };
    assert.deepEqual(
      campusConfigErrors(config).map((error) => error.field),
      ['/checkIn/thresholds/who5Low'],
    );
  });
});

describeEachDatabase('a campus’s check-in cut-offs', (target) => {
  let db: TestDatabase;

  before(async () => {
    db = await target.open();
    // The first server migrates the database and seeds the demo campus; each test starts its own server after
    // changing the configuration, since a running one keeps it a few minutes.
    await (await startTestServer(db.database, { ...QUIET, seed: 'demo' })).close();
  });
  after(async () => {
    await writeDemoConfig(db?.database);
    await db?.dispose();
  });

  async function withServer(test: (server: TestServer) => Promise<void>): Promise<void> {
    const server = await startTestServer(db.database, QUIET);
    try {
      await test(server);
    } finally {
      await server.close();
    }
  }

  it('are stored and served in GET /config', async () => {
    const thresholds = { who5Low: 60, phq4Mild: 5 };
    await writeDemoConfig(db.database, { checkIn: settingsWith(thresholds) });
    await withServer(async (server) => {
      const config = (await (await fetch(`${server.url}/api/v1/config`)).json()) as { checkIn?: CheckInSettings };
      assert.deepEqual(config.checkIn?.thresholds, thresholds);
    });
  });

  it('band and suggest in POST /check-ins', async () => {
    await writeDemoConfig(db.database, { checkIn: settingsWith({ who5Low: 60, phq4Mild: 5 }) });
    await withServer(async (server) => {
      const who5 = await postCheckIn(server.url, who5CheckIn(WHO5_56));
      assert.equal(who5.status, 201);
      const who5Result = (await who5.json()) as CheckInResult;
      assert.deepEqual(who5Result.band, { instrument: 'who5', band: 'low', notADiagnosis: true });
      assert.deepEqual(kinds(who5Result), ['peer:low-wellbeing', 'group:low-wellbeing']);
      const [stored] = await db.database.query<{ band: string }>('SELECT band FROM check_ins WHERE id = $1', [
        who5Result.id,
      ]);
      assert.equal(stored?.band, 'low', 'the summary counts the band the student was answered with');

      const phq4Result = (await (await postCheckIn(server.url, phq4CheckIn(PHQ4_4))).json()) as CheckInResult;
      assert.equal(phq4Result.band?.band, 'none');
      assert.deepEqual(kinds(phq4Result), ['group:general']);
    });
  });

  it('are refused when out of bounds or out of order, and nothing of that configuration is stored', async () => {
    await writeDemoConfig(db.database, { checkIn: settingsWith({ who5Low: 60 }) });
    for (const thresholds of [{ who5Low: 101 }, { phq4Pair: 2.5 }, { who5VeryLow: 70 }, { phq4Severe: 6 }]) {
      await assert.rejects(
        writeDemoConfig(db.database, { campusName: 'Changed', checkIn: settingsWith(thresholds) }),
        /Invalid campus configuration: \/checkIn\/thresholds\//,
        JSON.stringify(thresholds),
      );
      const config = await readCampusConfig(db.database);
      assert.equal(config.campusName, demoCampusConfig.campusName);
      assert.deepEqual(config.checkIn?.thresholds, { who5Low: 60 });
    }
  });

  it('edited into the database by hand out of order are left out whole: /config and suggestions keep the defaults', async () => {
    await writeDemoConfig(db.database);
    await db.database.query(
      `UPDATE campus_config SET check_in_settings = jsonb_set(check_in_settings, '{thresholds}', $1::jsonb)
        WHERE id = 1`,
      [JSON.stringify({ who5Low: 20 })],
    );
    await withServer(async (server) => {
      const config = (await (await fetch(`${server.url}/api/v1/config`)).json()) as { checkIn?: CheckInSettings };
      assert.equal(config.checkIn !== undefined && 'thresholds' in config.checkIn, false);
      assert.deepEqual(config.checkIn?.topics, demoCampusConfig.checkIn?.topics);
      const result = (await (await postCheckIn(server.url, who5CheckIn(WHO5_56))).json()) as CheckInResult;
      assert.equal(result.band?.band, 'typical');
    });
  });
});
