/**
 * Scoring of the two validated instruments, as their authors publish it (see DOMAIN.md, "Check-in instruments", and
 * the contract's CheckInBand). The bands only choose gentle wording and suggestions: never a diagnosis, and the raw
 * scores never leave the server.
 */

export type Who5Band = 'typical' | 'low' | 'very-low';
export type Phq4Band = 'none' | 'mild' | 'moderate' | 'severe';

/** WHO-5 items are answered 0 ("at no time") to 5 ("all of the time"). */
const WHO5_LOW_ITEM = 1;

export interface Who5Score {
  /** Raw total 0–25 times 4, so 0–100 (Psychiatric Centre North Zealand, WHO Collaborating Centre). */
  percentage: number;
  /** Above 50 typical; 50 or less suggests low wellbeing; 28 or less suggests talking to a professional first. */
  band: Who5Band;
  /** Any single answer of 0 or 1 deserves a gentle suggestion, whatever the total. */
  lowItem: boolean;
}

export function scoreWho5(answers: readonly number[]): Who5Score {
  const percentage = answers.reduce((sum, answer) => sum + answer, 0) * 4;
  const band: Who5Band = percentage <= 28 ? 'very-low' : percentage <= 50 ? 'low' : 'typical';
  return { percentage, band, lowItem: answers.some((answer) => answer <= WHO5_LOW_ITEM) };
}

/**
 * The contract's order of PHQ-4 answers: PHQ-2 (depression) first, then GAD-2 (anxiety). Widgets may display the
 * items in another order, and map them to these positions.
 */
export const PHQ4_ITEMS = {
  littleInterest: 0,
  downOrHopeless: 1,
  nervousOrOnEdge: 2,
  cannotStopWorrying: 3,
} as const;

/** A pair (PHQ-2 or GAD-2) totalling this or more is a positive screen (Kroenke et al.). */
const PAIR_POSITIVE = 3;

export interface Phq4Score {
  /** 0–12: 0–2 none, 3–5 mild, 6–8 moderate, 9–12 severe. */
  total: number;
  band: Phq4Band;
  /** PHQ-2 (little interest + down or hopeless) of 3 or more. */
  depressionPositive: boolean;
  /** GAD-2 (nervous or on edge + can't stop worrying) of 3 or more. */
  anxietyPositive: boolean;
}

export function scorePhq4(answers: readonly number[]): Phq4Score {
  const at = (index: number) => answers[index] ?? 0;
  const total = answers.reduce((sum, answer) => sum + answer, 0);
  const band: Phq4Band = total <= 2 ? 'none' : total <= 5 ? 'mild' : total <= 8 ? 'moderate' : 'severe';
  return {
    total,
    band,
    depressionPositive: at(PHQ4_ITEMS.littleInterest) + at(PHQ4_ITEMS.downOrHopeless) >= PAIR_POSITIVE,
    anxietyPositive: at(PHQ4_ITEMS.nervousOrOnEdge) + at(PHQ4_ITEMS.cannotStopWorrying) >= PAIR_POSITIVE,
  };
}
