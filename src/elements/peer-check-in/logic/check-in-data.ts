import { arr, bool, int, literal, obj, opt, str, type Infer } from '../../../core/api/shape.js';

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

/**
 * The parts of `GET /config` the check-in uses (the contract's `CampusConfig`). Unknown topic or emotion codes from
 * a newer backend fail the check; the element then falls back to its defaults rather than showing a raw code.
 */
export const checkInConfigCheck = obj({
  campusName: opt(str({ max: 120 })),
  retentionDays: opt(int({ min: 1, max: 3650 })),
  counsellingUrl: opt(httpsUrl),
  features: opt(obj({ checkIn: opt(bool) })),
  checkIn: opt(
    obj({
      topics: opt(arr(literal(...TOPICS), { max: TOPICS.length })),
      emotions: opt(arr(literal(...EMOTIONS), { max: EMOTIONS.length })),
      followUp: opt(bool),
      followUpWorkingDays: opt(int({ min: 1, max: 30 })),
    }),
  ),
});
export type CheckInConfig = Infer<typeof checkInConfigCheck>;

const SUPPORT_TOPICS = [
  'general',
  'stress',
  'studies',
  'anxiety',
  'low-mood',
  'loneliness',
  'relationships',
  'family',
  'grief',
  'identity',
  'lgbtqia',
  'discrimination',
  'neurodivergence',
  'disability',
  'chronic-illness',
  'body-image',
  'eating',
  'substance-use',
  'gambling',
  'money',
  'housing',
  'sleep',
  'trauma',
  'sexual-violence',
  'abuse',
  'self-harm',
  'suicidal-thoughts',
  'other',
] as const;

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
  topics: opt(arr(literal(...SUPPORT_TOPICS), { max: 20 })),
  url: opt(httpsUrl),
});

/** The contract's `CheckInResult`. The band is read but never shown; the element words its own message. */
export const checkInResultCheck = obj({
  id: str({ max: 64, min: 1 }),
  receivedAt: str({ max: 40 }),
  instrument: literal('mood', 'who5', 'phq4'),
  suggestions: arr(suggestionCheck, { min: 1, max: 10 }),
});
export type CheckInResult = Infer<typeof checkInResultCheck>;
