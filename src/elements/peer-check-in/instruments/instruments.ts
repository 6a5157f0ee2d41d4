import type { MessageKey } from '../../../core/i18n/en.js';

/** The check-in's modes: a quick labelled mood, the WHO-5 Well-Being Index, or the PHQ-4. */
export type Instrument = 'mood' | 'who5' | 'phq4';

export const INSTRUMENTS: readonly Instrument[] = ['mood', 'who5', 'phq4'];

/** One question of a scale, as shown, and where its answer goes in the contract's `answers` array. */
export interface ScaleItem {
  /** The item's wording. */
  readonly key: MessageKey;
  /** Index in the request's `answers` (the contract fixes the order; the display order may differ). */
  readonly answerIndex: number;
}

export interface Scale {
  readonly instructions: MessageKey;
  /** In display order. */
  readonly items: readonly ScaleItem[];
  /** Answer values in display order, with their labels. */
  readonly answers: ReadonlyArray<{ readonly value: number; readonly key: MessageKey }>;
  readonly attribution: MessageKey;
}

/**
 * WHO-5 Well-Being Index (1998 version): five statements about the last two weeks, each 0 ("at no time") to 5 ("all
 * of the time"), shown from 5 down to 0 as published. Source: WHO Collaborating Centre in Mental Health,
 * Psychiatric Centre North Zealand, https://www.psykiatri-regionh.dk/who-5/ (English and Spanish versions).
 */
export const WHO5: Scale = {
  instructions: 'checkIn.who5.instructions',
  items: [1, 2, 3, 4, 5].map((n, index) => ({ key: `checkIn.who5.item${n}` as MessageKey, answerIndex: index })),
  answers: [5, 4, 3, 2, 1, 0].map((value) => ({ value, key: `checkIn.who5.answer${value}` as MessageKey })),
  attribution: 'checkIn.who5.attribution',
};

/**
 * PHQ-4 (Kroenke, Spitzer, Williams and Löwe, Psychosomatics 2009;50:613–621): shown as published, the two anxiety
 * items (GAD-2) first, then the two depression items (PHQ-2), each 0 ("not at all") to 3 ("nearly every day"). The
 * contract's `answers` order is [little interest, down, nervous, worrying], so each item names its index there.
 * Spanish: the published Spanish (USA) wording of the PHQ-9 and GAD-7 items (Pfizer, phqscreeners.com).
 */
export const PHQ4: Scale = {
  instructions: 'checkIn.phq4.instructions',
  items: [
    { key: 'checkIn.phq4.nervous', answerIndex: 2 },
    { key: 'checkIn.phq4.worrying', answerIndex: 3 },
    { key: 'checkIn.phq4.down', answerIndex: 1 },
    { key: 'checkIn.phq4.interest', answerIndex: 0 },
  ],
  answers: [0, 1, 2, 3].map((value) => ({ value, key: `checkIn.phq4.answer${value}` as MessageKey })),
  attribution: 'checkIn.phq4.attribution',
};

export function scaleOf(instrument: 'who5' | 'phq4'): Scale {
  return instrument === 'who5' ? WHO5 : PHQ4;
}

/**
 * The request's `answers` from answers given in display order, or undefined while any item is unanswered.
 * `displayAnswers[i]` answers `scale.items[i]`.
 */
export function contractAnswers(scale: Scale, displayAnswers: ReadonlyArray<number | undefined>): number[] | undefined {
  const answers: number[] = [];
  for (const [index, item] of scale.items.entries()) {
    const value = displayAnswers[index];
    if (value === undefined) return undefined;
    answers[item.answerIndex] = value;
  }
  return answers;
}

/** The mood scale's five labelled levels, 1 (very low) to 5 (very good). */
export const MOOD_LEVELS = [1, 2, 3, 4, 5] as const;
export type MoodLevel = (typeof MOOD_LEVELS)[number];

/** The contract's emotion words and "what's on your mind" topics, used when the campus config names none. */
export const DEFAULT_EMOTIONS = [
  'calm',
  'content',
  'hopeful',
  'happy',
  'tired',
  'lonely',
  'sad',
  'overwhelmed',
  'anxious',
  'stressed',
  'frustrated',
  'numb',
] as const;
export const DEFAULT_TOPICS = [
  'studies',
  'exams',
  'money',
  'housing',
  'family',
  'friends',
  'relationships',
  'loneliness',
  'health',
  'sleep',
  'future',
  'other',
] as const;
