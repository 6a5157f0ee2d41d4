import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { scorePhq4, scoreWho5 } from '../src/check-ins/scoring.ts';
import { assessCheckIn } from '../src/check-ins/suggestions.ts';
import { SUPPORT_TOPICS_FOR_CHECK_IN_TOPIC, supportTopicsFor } from '../src/check-ins/topic-mapping.ts';
import { CONTRACT_SCHEMA_ID, rewriteSchemaRefs } from '../src/contract/ajv-factory.ts';
import type { CheckInRequest, CheckInTopic, Suggestion } from '../src/contract/api-types.ts';
import { loadContractFile } from '../src/contract/load-contract.ts';
import { defaultPaths } from '../src/paths.ts';

const contract = await loadContractFile(defaultPaths.contract);
const schemas = contract.components?.schemas as Record<string, { enum?: string[] }>;
const ajv = new Ajv2020({ strict: false, allErrors: true });
formats.default(ajv);
ajv.addSchema({ $id: CONTRACT_SCHEMA_ID, $defs: rewriteSchemaRefs(schemas) });
const validSuggestions = ajv.compile({
  type: 'array',
  minItems: 1,
  items: { $ref: `${CONTRACT_SCHEMA_ID}#/$defs/Suggestion` },
});

const COUNSELLING = 'https://campus.example/counselling';
const who5 = (answers: number[], safetyConcern = false): CheckInRequest => ({
  instrument: 'who5',
  answers,
  safetyConcern,
  locale: 'en',
});
const phq4 = (answers: number[], safetyConcern = false): CheckInRequest => ({
  instrument: 'phq4',
  answers,
  safetyConcern,
  locale: 'en',
});
const mood = (level: number, topics: CheckInTopic[] = [], safetyConcern = false): CheckInRequest => ({
  instrument: 'mood',
  answers: { level, topics },
  safetyConcern,
  locale: 'en',
});
const kinds = (suggestions: Suggestion[]) => suggestions.map((suggestion) => `${suggestion.kind}:${suggestion.reason}`);

/** Every answer list of `length` items from 0 to `max`. */
function* allAnswers(length: number, max: number): Generator<number[]> {
  const answers = new Array<number>(length).fill(0);
  for (;;) {
    yield [...answers];
    let position = 0;
    while (position < length && answers[position] === max) answers[position++] = 0;
    if (position === length) return;
    answers[position]! += 1;
  }
}

describe('WHO-5 scoring', () => {
  it('scores raw x 4 with the bands at 50/52 and 28/32 (raw 12/13 and 7/8)', () => {
    const cases: Array<[number[], number, string]> = [
      [[2, 2, 2, 3, 3], 48, 'low'], // raw 12
      [[3, 3, 3, 2, 2], 52, 'typical'], // raw 13
      [[2, 2, 1, 1, 1], 28, 'very-low'], // raw 7
      [[2, 2, 2, 1, 1], 32, 'low'], // raw 8
      [[0, 0, 0, 0, 0], 0, 'very-low'],
      [[5, 5, 5, 5, 5], 100, 'typical'],
    ];
    for (const [answers, percentage, band] of cases) {
      const score = scoreWho5(answers);
      assert.equal(score.percentage, percentage, answers.join(','));
      assert.equal(score.band, band, answers.join(','));
    }
  });

  it('flags any single answer of 0 or 1, whatever the total', () => {
    assert.equal(scoreWho5([5, 5, 5, 5, 1]).lowItem, true);
    assert.equal(scoreWho5([5, 5, 0, 5, 5]).lowItem, true);
    assert.equal(scoreWho5([2, 2, 2, 2, 2]).lowItem, false);
  });
});

describe('PHQ-4 scoring', () => {
  it('bands the total at 2/3, 5/6 and 8/9', () => {
    const cases: Array<[number[], string]> = [
      [[1, 0, 1, 0], 'none'], // 2
      [[1, 0, 1, 1], 'mild'], // 3
      [[2, 0, 2, 1], 'mild'], // 5
      [[2, 1, 2, 1], 'moderate'], // 6
      [[2, 2, 2, 2], 'moderate'], // 8
      [[3, 2, 2, 2], 'severe'], // 9
      [[3, 3, 3, 3], 'severe'], // 12
      [[0, 0, 0, 0], 'none'],
    ];
    for (const [answers, band] of cases) assert.equal(scorePhq4(answers).band, band, answers.join(','));
  });

  it('screens PHQ-2 (answers 0 and 1) and GAD-2 (answers 2 and 3) positive at 3, not at 2', () => {
    assert.deepEqual(pick(scorePhq4([1, 1, 1, 1])), { depression: false, anxiety: false });
    assert.deepEqual(pick(scorePhq4([2, 1, 0, 0])), { depression: true, anxiety: false });
    assert.deepEqual(pick(scorePhq4([0, 0, 1, 2])), { depression: false, anxiety: true });
    // The contract's order: a pair is two neighbours, never items 0 and 2.
    assert.deepEqual(pick(scorePhq4([2, 0, 1, 0])), { depression: false, anxiety: false });
    assert.deepEqual(pick(scorePhq4([3, 0, 0, 0])), { depression: true, anxiety: false });
    assert.deepEqual(pick(scorePhq4([0, 0, 0, 3])), { depression: false, anxiety: true });
  });

  function pick(score: ReturnType<typeof scorePhq4>) {
    return { depression: score.depressionPositive, anxiety: score.anxietyPositive };
  }
});

describe('check-in suggestions', () => {
  it('are valid, unique per kind and never empty for every WHO-5 and PHQ-4 answer, with or without a safety concern', () => {
    const requests = [
      ...[...allAnswers(5, 5)].map((answers) => who5(answers)),
      ...[...allAnswers(4, 3)].map((answers) => phq4(answers)),
      ...[1, 2, 3, 4, 5].flatMap((level) => [mood(level), mood(level, ['exams']), mood(level, ['other'])]),
    ];
    for (const request of requests) {
      for (const safetyConcern of [false, true]) {
        const label = `${request.instrument} ${JSON.stringify(request.answers)} safety=${safetyConcern}`;
        const { suggestions } = assessCheckIn({ ...request, safetyConcern }, { counsellingUrl: COUNSELLING });
        assert.ok(validSuggestions(suggestions), `${label}: ${JSON.stringify(validSuggestions.errors)}`);
        const kindsSeen = suggestions.map((suggestion) => suggestion.kind);
        assert.equal(new Set(kindsSeen).size, kindsSeen.length, label);
        assert.equal(suggestions[0]!.kind === 'crisis', safetyConcern, label);
        assert.deepEqual(
          suggestions.filter((suggestion) => suggestion.urgent).map((suggestion) => suggestion.kind),
          safetyConcern ? ['crisis'] : [],
          label,
        );
      }
    }
  });

  it('after a safety concern: urgent crisis help first, then the counsellor, whatever the answers', () => {
    for (const request of [who5([5, 5, 5, 5, 5], true), phq4([0, 0, 0, 0], true), mood(5, [], true)]) {
      const { suggestions } = assessCheckIn(request, {});
      assert.deepEqual(suggestions[0], { kind: 'crisis', reason: 'safety-concern', urgent: true });
      assert.deepEqual(kinds(suggestions).slice(0, 2), ['crisis:safety-concern', 'counsellor:safety-concern']);
    }
  });

  it('WHO-5: very low puts the counsellor first, low a peer and a group, and any answer of 0 or 1 the counsellor', () => {
    assert.deepEqual(kinds(assessCheckIn(who5([2, 2, 1, 1, 1]), {}).suggestions), [
      'counsellor:very-low-wellbeing',
      'peer:very-low-wellbeing',
      'group:very-low-wellbeing',
    ]);
    assert.deepEqual(kinds(assessCheckIn(who5([2, 2, 2, 1, 1]), {}).suggestions), [
      'peer:low-wellbeing',
      'group:low-wellbeing',
      'counsellor:low-item',
    ]);
    assert.deepEqual(kinds(assessCheckIn(who5([2, 2, 2, 3, 3]), {}).suggestions), [
      'peer:low-wellbeing',
      'group:low-wellbeing',
    ]);
    assert.deepEqual(kinds(assessCheckIn(who5([5, 5, 5, 5, 1]), {}).suggestions), [
      'counsellor:low-item',
      'group:general',
    ]);
    assert.deepEqual(kinds(assessCheckIn(who5([3, 3, 3, 2, 2]), {}).suggestions), ['group:general']);
    const band = assessCheckIn(who5([3, 3, 3, 2, 2]), {}).band;
    assert.deepEqual(band, { instrument: 'who5', band: 'typical', notADiagnosis: true });
  });

  it('PHQ-4: a positive pair or a moderate total brings the counsellor first; the group follows the pair', () => {
    const positiveAnxiety = assessCheckIn(phq4([0, 0, 1, 2]), {}).suggestions;
    assert.deepEqual(kinds(positiveAnxiety), ['counsellor:distress', 'peer:distress', 'group:distress']);
    assert.deepEqual(positiveAnxiety[2]!.topics, ['anxiety']);
    const positiveBoth = assessCheckIn(phq4([2, 1, 2, 1]), {}).suggestions;
    assert.deepEqual(positiveBoth[2]!.topics, ['low-mood', 'anxiety']);
    const mild = assessCheckIn(phq4([1, 1, 1, 0]), {}).suggestions;
    assert.deepEqual(kinds(mild), ['peer:distress', 'group:distress']);
    assert.deepEqual(mild[1]!.topics, ['stress']);
    assert.deepEqual(kinds(assessCheckIn(phq4([1, 0, 1, 0]), {}).suggestions), ['group:general']);
    assert.deepEqual(assessCheckIn(phq4([3, 3, 3, 3]), {}).band, {
      instrument: 'phq4',
      band: 'severe',
      notADiagnosis: true,
    });
  });

  it('quick mood: topics become a group with support topics; a low level brings a peer and the counsellor', () => {
    const low = assessCheckIn(mood(2, ['exams', 'money']), {}).suggestions;
    assert.deepEqual(kinds(low), ['peer:general', 'group:topic-match', 'counsellor:general']);
    assert.deepEqual(low[1]!.topics, ['studies', 'stress', 'money']);
    const good = assessCheckIn(mood(4, ['sleep']), {}).suggestions;
    assert.deepEqual(kinds(good), ['group:topic-match', 'peer:general']);
    assert.deepEqual(kinds(assessCheckIn(mood(4, ['other']), {}).suggestions), ['peer:general']);
    assert.equal(assessCheckIn(mood(4), {}).band, undefined);
  });

  it("a counsellor suggestion carries the campus's counselling page when there is one", () => {
    const withUrl = assessCheckIn(who5([0, 0, 0, 0, 0]), { counsellingUrl: COUNSELLING }).suggestions;
    assert.equal(withUrl.find((suggestion) => suggestion.kind === 'counsellor')?.url, COUNSELLING);
    assert.ok(withUrl.filter((suggestion) => suggestion.kind !== 'counsellor').every((item) => !item.url));
    const without = assessCheckIn(who5([0, 0, 0, 0, 0]), {}).suggestions;
    assert.equal('url' in without.find((suggestion) => suggestion.kind === 'counsellor')!, false);
  });
});

describe('check-in topics to support topics', () => {
  it('maps every CheckInTopic of the contract to SupportTopics of the contract', () => {
    const checkInTopics = schemas.CheckInTopic!.enum!;
    const supportTopics = new Set(schemas.SupportTopic!.enum!);
    assert.deepEqual(Object.keys(SUPPORT_TOPICS_FOR_CHECK_IN_TOPIC).sort(), [...checkInTopics].sort());
    for (const [topic, mapped] of Object.entries(SUPPORT_TOPICS_FOR_CHECK_IN_TOPIC)) {
      for (const supportTopic of mapped) assert.ok(supportTopics.has(supportTopic), `${topic} -> ${supportTopic}`);
    }
  });

  it('maps as written down, each support topic once, in the order chosen', () => {
    assert.deepEqual(SUPPORT_TOPICS_FOR_CHECK_IN_TOPIC, {
      studies: ['studies'],
      exams: ['studies', 'stress'],
      work: ['stress'],
      money: ['money'],
      housing: ['housing'],
      family: ['family'],
      friends: ['relationships', 'loneliness'],
      relationships: ['relationships'],
      loneliness: ['loneliness'],
      health: ['general'],
      sleep: ['sleep'],
      identity: ['identity'],
      future: ['stress'],
      news: ['stress'],
      other: [],
    });
    assert.deepEqual(supportTopicsFor(['future', 'exams', 'friends', 'loneliness']), [
      'stress',
      'studies',
      'relationships',
      'loneliness',
    ]);
    assert.deepEqual(supportTopicsFor(['other']), []);
  });
});
