import { bool, int, lenientArr, literal, obj, opt, str, type Check, type Infer } from '../../../core/api/shape.js';
import { SUPPORT_TOPICS } from '../../../core/api/vocabulary.js';
import { THRESHOLD_BOUNDS, type Thresholds } from '../instruments/scoring.js';

const TOPICS = [
  'studies',
  'exams',
  'work',
  'money',
  'housing',
  'family',
  'friends',
  'relationships',
  'loneliness',
  'health',
  'sleep',
  'identity',
  'future',
  'news',
  'other',
] as const;
const EMOTIONS = [
  'calm',
  'content',
  'grateful',
  'hopeful',
  'happy',
  'excited',
  'proud',
  'relieved',
  'motivated',
  'tired',
  'bored',
  'lonely',
  'sad',
  'disappointed',
  'numb',
  'overwhelmed',
  'anxious',
  'stressed',
  'worried',
  'frustrated',
  'angry',
  'irritable',
  'ashamed',
  'confused',
] as const;

const httpsUrl = str({ max: 2048, pattern: /^https:\/\//i });

/** An optional value that is dropped, not fatal, when it is wrong: one bad setting must not lose the others. */
const dropIfBad = <T>(check: Check<T>) =>
  opt<T | undefined>((value) => {
    const result = check(value);
    return result.ok ? result : { ok: true, value: undefined };
  });

/** A list whose unknown codes (a newer backend's) are left out; never shown raw. */
const knownCodes = <T>(check: Check<T>, max: number): Check<T[]> => {
  const lenient = lenientArr(check, { max });
  return (value) => {
    const result = lenient(value);
    return result.ok ? { ok: true, value: result.value.items } : result;
  };
};

/** A cut-off that is not a whole number within its bounds drops only itself (the others still apply). */
const cutOff = (key: keyof Thresholds) => {
  const [min, max] = THRESHOLD_BOUNDS[key];
  return dropIfBad(int({ min, max }));
};

/** The contract's `CheckInThresholds`, each cut-off read on its own; their order is checked where they are used. */
const thresholdsCheck = obj({
  who5Low: cutOff('who5Low'),
  who5VeryLow: cutOff('who5VeryLow'),
  phq4Mild: cutOff('phq4Mild'),
  phq4Moderate: cutOff('phq4Moderate'),
  phq4Severe: cutOff('phq4Severe'),
  phq4Pair: cutOff('phq4Pair'),
});

/**
 * The parts of `GET /config` the check-in uses (the contract's `CampusConfig`). Each setting is read on its own: a
 * wrong one (an unknown topic code, a counselling page that is not https) is dropped and the rest still apply.
 */
export const checkInConfigCheck = obj({
  campusName: dropIfBad(str({ max: 120, min: 1 })),
  retentionDays: dropIfBad(int({ min: 1, max: 3650 })),
  counsellingUrl: dropIfBad(httpsUrl),
  features: dropIfBad(obj({ checkIn: dropIfBad(bool) })),
  checkIn: dropIfBad(
    obj({
      topics: dropIfBad(knownCodes(literal(...TOPICS), 50)),
      emotions: dropIfBad(knownCodes(literal(...EMOTIONS), 50)),
      followUp: dropIfBad(bool),
      followUpWorkingDays: dropIfBad(int({ min: 1, max: 30 })),
      thresholds: dropIfBad(thresholdsCheck),
    }),
  ),
});
export type CheckInConfig = Infer<typeof checkInConfigCheck>;

const suggestionCheck = obj({
  kind: literal('group', 'peer', 'counsellor', 'crisis'),
  reason: literal(
    'safety-concern',
    'very-low-wellbeing',
    'low-wellbeing',
    'low-item',
    'distress',
    'topic-match',
    'general',
  ),
  urgent: bool,
  topics: dropIfBad(knownCodes(literal(...SUPPORT_TOPICS), 20)),
  url: dropIfBad(httpsUrl),
});

/**
 * The contract's `CheckInResult`, read leniently: an `id` is what says the server has the check-in. A suggestion
 * this element does not know (a newer backend's kind) or cannot use drops only itself, and a link that is not https
 * only its link; the element's own next steps follow the backend's anyway. The band is never shown: it chooses the
 * result's wording, so that the wording and the backend's next steps come from the same cut-offs.
 */
export const checkInResultCheck = obj({
  id: str({ max: 64, min: 1 }),
  receivedAt: dropIfBad(str({ max: 40 })),
  instrument: dropIfBad(literal('mood', 'who5', 'phq4')),
  band: dropIfBad(
    obj({
      instrument: literal('who5', 'phq4'),
      band: literal('typical', 'low', 'very-low', 'none', 'mild', 'moderate', 'severe'),
    }),
  ),
  suggestions: dropIfBad(knownCodes(suggestionCheck, 10)),
});
export type CheckInResult = Infer<typeof checkInResultCheck>;
