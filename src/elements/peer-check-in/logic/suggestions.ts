import type { components } from '../../../api/schema.js';
import type { MoodLevel } from '../instruments/instruments.js';
import {
  phq4Band,
  phq4PairPositive,
  who5Band,
  who5LowItem,
  type Band,
  type Thresholds,
} from '../instruments/scoring.js';

export type Suggestion = components['schemas']['Suggestion'];
export type SupportTopic = components['schemas']['SupportTopic'];
export type CheckInTopic = components['schemas']['CheckInTopic'];
export type EmotionWord = components['schemas']['EmotionWord'];

/** What the student answered, in the contract's terms. */
export type CheckInAnswers =
  | { instrument: 'mood'; level: MoodLevel; emotions: EmotionWord[]; topics: CheckInTopic[] }
  | { instrument: 'who5'; answers: number[] }
  | { instrument: 'phq4'; answers: number[] };

/** "What's on your mind" topics → the group finder's topics, so a group suggestion pre-fills a matching search. */
export const TOPIC_TO_SUPPORT: Readonly<Record<CheckInTopic, SupportTopic | undefined>> = {
  studies: 'studies',
  exams: 'stress',
  work: 'stress',
  money: 'money',
  housing: 'housing',
  family: 'family',
  friends: 'relationships',
  relationships: 'relationships',
  loneliness: 'loneliness',
  health: 'chronic-illness',
  sleep: 'sleep',
  identity: 'identity',
  future: 'stress',
  news: 'stress',
  other: undefined,
};

/** Emotion words that point at a group topic too. */
const EMOTION_TO_SUPPORT: Partial<Record<EmotionWord, SupportTopic>> = {
  anxious: 'anxiety',
  worried: 'anxiety',
  sad: 'low-mood',
  numb: 'low-mood',
  lonely: 'loneliness',
  stressed: 'stress',
  overwhelmed: 'stress',
};

export function supportTopics(topics: readonly CheckInTopic[], emotions: readonly EmotionWord[] = []): SupportTopic[] {
  const found = [
    ...topics.map((topic) => TOPIC_TO_SUPPORT[topic]),
    ...emotions.map((emotion) => EMOTION_TO_SUPPORT[emotion]),
  ];
  return [...new Set(found.filter((topic): topic is SupportTopic => topic !== undefined))];
}

/** The band for wording: WHO-5 and PHQ-4 only (a mood check-in has none). */
export function bandOf(answers: CheckInAnswers, thresholds: Thresholds): Band | undefined {
  if (answers.instrument === 'who5') return who5Band(answers.answers, thresholds);
  if (answers.instrument === 'phq4') return phq4Band(answers.answers, thresholds);
  return undefined;
}

const WHO5_BANDS: readonly Band[] = ['typical', 'low', 'very-low'];
const PHQ4_BANDS: readonly Band[] = ['none', 'mild', 'moderate', 'severe'];

/** The backend's band for these answers, if it sent one that fits their instrument. */
export function backendBand(
  answers: CheckInAnswers,
  band: { instrument: string; band: string } | undefined,
): Band | undefined {
  if (!band || band.instrument !== answers.instrument) return undefined;
  const bands = answers.instrument === 'who5' ? WHO5_BANDS : answers.instrument === 'phq4' ? PHQ4_BANDS : [];
  return bands.find((known) => known === band.band);
}

/**
 * Next steps chosen from the answers alone, best first, used until (or instead of) the backend's: the same rules the
 * contract describes for `Suggestion.reason`. Always at least one; crisis help first after a safety concern.
 */
export function defaultSuggestions(
  answers: CheckInAnswers,
  safetyConcern: boolean,
  thresholds: Thresholds,
): Suggestion[] {
  const steps: Suggestion[] = [];
  const add = (kind: Suggestion['kind'], reason: Suggestion['reason'], extra: Partial<Suggestion> = {}) => {
    if (!steps.some((step) => step.kind === kind)) steps.push({ kind, reason, urgent: false, ...extra });
  };
  if (safetyConcern) steps.push({ kind: 'crisis', reason: 'safety-concern', urgent: true });

  if (answers.instrument === 'who5') {
    const band = who5Band(answers.answers, thresholds);
    if (band === 'very-low') {
      add('counsellor', 'very-low-wellbeing');
      add('peer', 'very-low-wellbeing');
    } else if (band === 'low') {
      add('peer', 'low-wellbeing');
      add('group', 'low-wellbeing');
    }
    if (who5LowItem(answers.answers)) add('counsellor', 'low-item');
  } else if (answers.instrument === 'phq4') {
    const band = phq4Band(answers.answers, thresholds);
    const distress = band !== 'none' || phq4PairPositive(answers.answers, thresholds);
    if (band === 'severe' || band === 'moderate') {
      add('counsellor', 'distress');
      add('peer', 'distress');
    } else if (distress) {
      add('peer', 'distress');
      add('counsellor', 'distress');
    }
  } else {
    const topics = supportTopics(answers.topics, answers.emotions);
    if (answers.level <= 2) add('peer', 'general');
    if (topics.length) add('group', 'topic-match', { topics });
  }
  add('group', 'general');
  add('peer', 'general');
  // Always a way forward, even where a page links no group or peer page: counselling, and crisis help (not urgent).
  add('counsellor', 'general');
  add('crisis', 'general');
  return steps;
}
