import { DEFAULT_THRESHOLDS, type Thresholds } from './thresholds.ts';

/**
 * Scoring of the two validated instruments, as their authors publish it (see DOMAIN.md, "Check-in instruments", and
 * the contract's CheckInBand), with the campus's cut-offs when it sets them (CheckInThresholds). The bands only
 * choose gentle wording and suggestions: never a diagnosis, and the raw scores never leave the server.
 */

export type Who5Band = 'typical' | 'low' | 'very-low';
export type Phq4Band = 'none' | 'mild' | 'moderate' | 'severe';

/** WHO-5 items are answered 0 ("at no time") to 5 ("all of the time"). */
const WHO5_LOW_ITEM = 1;

export interface Who5Score {
  /** Raw total 0–25 times 4, so 0–100 (Psychiatric Centre North Zealand, WHO Collaborating Centre). */
  percentage: number;
  /**
   * By default above 50 typical; 50 or less suggests low wellbeing; 28 or less suggests talking to a professional
   * first.
   */
  band: Who5Band;
  /** Any single answer of 0 or 1 deserves a gentle suggestion, whatever the total. */
  lowItem: boolean;
}

export function scoreWho5(answers: readonly number[], thresholds: Thresholds = DEFAULT_THRESHOLDS): Who5Score {
  const percentage = answers.reduce((sum, answer) => sum + answer, 0) * 4;
  const band: Who5Band =
    percentage <= thresholds.who5VeryLow ? 'very-low' : percentage <= thresholds.who5Low ? 'low' : 'typical';
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

export interface Phq4Score {
  /** 0–12: by default 0–2 none, 3–5 mild, 6–8 moderate, 9–12 severe. */
  total: number;
  band: Phq4Band;
  /** PHQ-2 (little interest + down or hopeless) of 3 (the pair cut-off) or more. */
  depressionPositive: boolean;
  /** GAD-2 (nervous or on edge + can't stop worrying) of 3 (the pair cut-off) or more. */
  anxietyPositive: boolean;
}

export function scorePhq4(answers: readonly number[], thresholds: Thresholds = DEFAULT_THRESHOLDS): Phq4Score {
  const at = (index: number) => answers[index] ?? 0;
  const total = answers.reduce((sum, answer) => sum + answer, 0);
  const band: Phq4Band =
    total >= thresholds.phq4Severe
      ? 'severe'
      : total >= thresholds.phq4Moderate
        ? 'moderate'
        : total >= thresholds.phq4Mild
          ? 'mild'
          : 'none';
  const pair = thresholds.phq4Pair;
  return {
    total,
    band,
    depressionPositive: at(PHQ4_ITEMS.littleInterest) + at(PHQ4_ITEMS.downOrHopeless) >= pair,
    anxietyPositive: at(PHQ4_ITEMS.nervousOrOnEdge) + at(PHQ4_ITEMS.cannotStopWorrying) >= pair,
  };
}
