import { expect } from '@open-wc/testing';
import { PHQ4, WHO5, contractAnswers } from '../../../src/elements/peer-check-in/instruments/instruments.js';
import {
  DEFAULT_THRESHOLDS,
  phq4Band,
  phq4PairPositive,
  thresholdsFrom,
  who5Band,
  who5LowItem,
  who5Percentage,
} from '../../../src/elements/peer-check-in/instruments/scoring.js';
import {
  defaultSuggestions,
  supportTopics,
  type CheckInAnswers,
} from '../../../src/elements/peer-check-in/logic/suggestions.js';

/** Five WHO-5 answers (each 0–5) that add up to `raw`. */
function who5WithRaw(raw: number): number[] {
  const answers = [0, 0, 0, 0, 0];
  for (let i = 0; i < raw; i++) answers[i % 5]! += 1;
  return answers;
}

/** Four PHQ-4 answers (contract order) adding up to `total`, filled item by item. */
function phq4WithTotal(total: number): number[] {
  const answers = [0, 0, 0, 0];
  for (let i = 0; i < total; i++) answers[i % 4]! += 1;
  return answers;
}

describe('WHO-5 scoring', () => {
  it('is the raw total times four, 0 to 100', () => {
    expect(who5Percentage([0, 0, 0, 0, 0])).to.equal(0);
    expect(who5Percentage([5, 5, 5, 5, 5])).to.equal(100);
    expect(who5Percentage([2, 1, 2, 1, 3])).to.equal(36);
  });

  it('bands every raw total 0–25 at the published cut-offs (≤ 28 very low, ≤ 50 low)', () => {
    for (let raw = 0; raw <= 25; raw++) {
      const expected = raw * 4 <= 28 ? 'very-low' : raw * 4 <= 50 ? 'low' : 'typical';
      expect(who5Band(who5WithRaw(raw)), `raw ${raw}`).to.equal(expected);
    }
    // the boundaries named in the contract: 28/32 and 48/52
    expect(who5Band(who5WithRaw(7))).to.equal('very-low');
    expect(who5Band(who5WithRaw(8))).to.equal('low');
    expect(who5Band(who5WithRaw(12))).to.equal('low');
    expect(who5Band(who5WithRaw(13))).to.equal('typical');
  });

  it('notices any answer of 0 or 1', () => {
    expect(who5LowItem([5, 5, 5, 5, 2])).to.equal(false);
    expect(who5LowItem([5, 5, 5, 5, 1])).to.equal(true);
    expect(who5LowItem([0, 5, 5, 5, 5])).to.equal(true);
  });

  it('takes a campus’s own cut-offs, ignoring values that are not numbers', () => {
    const thresholds = thresholdsFrom({ who5Low: 60, who5VeryLow: 'x' as unknown as number });
    expect(thresholds.who5VeryLow).to.equal(DEFAULT_THRESHOLDS.who5VeryLow);
    expect(who5Band(who5WithRaw(14), thresholds)).to.equal('low'); // 56
    expect(who5Band(who5WithRaw(16), thresholds)).to.equal('typical'); // 64
    // a cut-off is inclusive: at exactly the cut-off the band is the lower one
    const exact = thresholdsFrom({ who5Low: 52, who5VeryLow: 32 });
    expect(who5Band(who5WithRaw(13), exact)).to.equal('low');
    expect(who5Band(who5WithRaw(8), exact)).to.equal('very-low');
  });
});

describe('PHQ-4 scoring', () => {
  it('bands every total 0–12: 0–2 none, 3–5 mild, 6–8 moderate, 9–12 severe', () => {
    const expected = (total: number) =>
      total >= 9 ? 'severe' : total >= 6 ? 'moderate' : total >= 3 ? 'mild' : 'none';
    for (let total = 0; total <= 12; total++) {
      expect(phq4Band(phq4WithTotal(total)), `total ${total}`).to.equal(expected(total));
    }
  });

  it('screens each pair positive from 3: PHQ-2 (interest, down) and GAD-2 (nervous, worrying)', () => {
    expect(phq4PairPositive([1, 1, 1, 1])).to.equal(false);
    expect(phq4PairPositive([2, 1, 0, 0])).to.equal(true);
    expect(phq4PairPositive([0, 0, 1, 2])).to.equal(true);
    expect(phq4PairPositive([2, 0, 0, 2])).to.equal(false); // split across pairs
  });

  it('maps the published display order (GAD-2 first) onto the contract’s order', () => {
    // displayed: nervous, worrying, down, interest
    expect(PHQ4.items.map((item) => item.key)).to.deep.equal([
      'checkIn.phq4.nervous',
      'checkIn.phq4.worrying',
      'checkIn.phq4.down',
      'checkIn.phq4.interest',
    ]);
    // contract: [interest, down, nervous, worrying]
    expect(contractAnswers(PHQ4, [3, 2, 1, 0])).to.deep.equal([0, 1, 3, 2]);
    expect(contractAnswers(PHQ4, [3, 2, undefined, 0])).to.equal(undefined);
    expect(contractAnswers(WHO5, [5, 4, 3, 2, 1])).to.deep.equal([5, 4, 3, 2, 1]);
  });

  it('offers WHO-5 answers from "all of the time" (5) down to "at no time" (0), as published', () => {
    expect(WHO5.answers.map((answer) => answer.value)).to.deep.equal([5, 4, 3, 2, 1, 0]);
    expect(PHQ4.answers.map((answer) => answer.value)).to.deep.equal([0, 1, 2, 3]);
  });
});

describe('default next steps', () => {
  const t = DEFAULT_THRESHOLDS;
  it('put urgent crisis help first after a safety concern, whatever the answers', () => {
    const all: CheckInAnswers[] = [
      { instrument: 'mood', level: 5, emotions: [], topics: [] },
      { instrument: 'who5', answers: [5, 5, 5, 5, 5] },
      { instrument: 'phq4', answers: [0, 0, 0, 0] },
    ];
    for (const answers of all) {
      const steps = defaultSuggestions(answers, true, t);
      expect(steps[0]).to.deep.equal({ kind: 'crisis', reason: 'safety-concern', urgent: true });
      expect(steps.filter((step) => step.urgent)).to.have.length(1);
    }
  });

  it('suggest a counsellor first for very low wellbeing or a lot of distress; crisis help only last and not urgent unasked', () => {
    expect(defaultSuggestions({ instrument: 'who5', answers: [1, 1, 1, 1, 1] }, false, t)[0]?.kind).to.equal(
      'counsellor',
    );
    expect(defaultSuggestions({ instrument: 'phq4', answers: [3, 3, 1, 1] }, false, t)[0]?.kind).to.equal('counsellor');
    expect(defaultSuggestions({ instrument: 'who5', answers: [2, 2, 2, 2, 2] }, false, t)[0]?.kind).to.equal('peer');
    for (const steps of [
      defaultSuggestions({ instrument: 'who5', answers: [0, 0, 0, 0, 0] }, false, t),
      defaultSuggestions({ instrument: 'phq4', answers: [3, 3, 3, 3] }, false, t),
    ]) {
      expect(steps.at(-1)).to.deep.equal({ kind: 'crisis', reason: 'general', urgent: false });
      expect(steps.filter((step) => step.urgent)).to.have.length(0);
    }
  });

  it('carry the matching group topics from topics and emotion words, one step per kind', () => {
    const steps = defaultSuggestions(
      { instrument: 'mood', level: 2, emotions: ['anxious', 'lonely'], topics: ['exams', 'sleep', 'other'] },
      false,
      t,
    );
    const group = steps.find((step) => step.kind === 'group');
    expect(group?.reason).to.equal('topic-match');
    expect(group?.topics).to.deep.equal(['stress', 'sleep', 'anxiety', 'loneliness']);
    expect(new Set(steps.map((step) => step.kind)).size).to.equal(steps.length);
    // always a way forward where a page links no group or peer page
    expect(steps.map((step) => step.kind)).to.include.members(['counsellor', 'crisis']);
    expect(supportTopics(['other'])).to.deep.equal([]);
  });
});
