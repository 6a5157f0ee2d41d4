/**
 * Bands from answers, used only to choose gentle wording and next steps: never shown as a label or a number, and
 * never a diagnosis. Defaults follow DOMAIN.md and the contract's `CheckInBand`; a campus may change the cut-offs
 * in its config (`checkIn.thresholds`, the contract's `CheckInThresholds`, which the backend suggests with too) or a
 * page with the element's `thresholds` property.
 */
export interface Thresholds {
  /** WHO-5 percentage (raw 0–25 × 4) at or below which wellbeing is `low`. Default 50. */
  who5Low: number;
  /** WHO-5 percentage at or below which it is `very-low` (suggest a professional first). Default 28. */
  who5VeryLow: number;
  /** PHQ-4 totals (0–12) from which the band is `mild`, `moderate`, `severe`. Defaults 3, 6, 9. */
  phq4Mild: number;
  phq4Moderate: number;
  phq4Severe: number;
  /** A PHQ-2 or GAD-2 pair total from which the pair is a positive screen. Default 3. */
  phq4Pair: number;
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = {
  who5Low: 50,
  who5VeryLow: 28,
  phq4Mild: 3,
  phq4Moderate: 6,
  phq4Severe: 9,
  phq4Pair: 3,
};

export type Who5Band = 'typical' | 'low' | 'very-low';
export type Phq4Band = 'none' | 'mild' | 'moderate' | 'severe';
export type Band = Who5Band | Phq4Band;

/** The WHO-5 percentage: the five answers (each 0–5) summed and multiplied by 4, so 0–100. */
export function who5Percentage(answers: readonly number[]): number {
  return answers.reduce((sum, value) => sum + value, 0) * 4;
}

export function who5Band(answers: readonly number[], thresholds: Thresholds = DEFAULT_THRESHOLDS): Who5Band {
  const percentage = who5Percentage(answers);
  if (percentage <= thresholds.who5VeryLow) return 'very-low';
  if (percentage <= thresholds.who5Low) return 'low';
  return 'typical';
}

/** Any WHO-5 answer of 0 or 1 ("at no time", "some of the time") deserves a gentle suggestion of its own. */
export function who5LowItem(answers: readonly number[]): boolean {
  return answers.some((value) => value <= 1);
}

/** `answers` in the contract's order: [little interest, down, nervous, worrying]. */
export function phq4Band(answers: readonly number[], thresholds: Thresholds = DEFAULT_THRESHOLDS): Phq4Band {
  const total = answers.reduce((sum, value) => sum + value, 0);
  if (total >= thresholds.phq4Severe) return 'severe';
  if (total >= thresholds.phq4Moderate) return 'moderate';
  if (total >= thresholds.phq4Mild) return 'mild';
  return 'none';
}

/** Whether the PHQ-2 (answers 0 and 1) or the GAD-2 (answers 2 and 3) pair reaches the positive-screen cut-off. */
export function phq4PairPositive(answers: readonly number[], thresholds: Thresholds = DEFAULT_THRESHOLDS): boolean {
  const [interest = 0, down = 0, nervous = 0, worrying = 0] = answers;
  return interest + down >= thresholds.phq4Pair || nervous + worrying >= thresholds.phq4Pair;
}

/**
 * Whole-number bounds of each cut-off within its score's range, as the contract's `CheckInThresholds` has them:
 * a campus's cut-off outside them is dropped.
 */
export const THRESHOLD_BOUNDS: Readonly<Record<keyof Thresholds, readonly [min: number, max: number]>> = {
  who5Low: [0, 100],
  who5VeryLow: [0, 100],
  phq4Mild: [1, 12],
  phq4Moderate: [1, 12],
  phq4Severe: [1, 12],
  phq4Pair: [1, 6],
};

/**
 * The campus's cut-offs from `/config` (each already within its bounds) over the defaults. An instrument whose
 * cut-offs, defaults included, are out of order (very low not below low; mild, moderate, severe not rising) keeps
 * its published ones: the reference server refuses such a set, so it can only come from another backend, and
 * its bands would not mean what their names say.
 */
export function campusThresholds(partial: Partial<Thresholds> | undefined): Thresholds {
  const result = thresholdsFrom(partial);
  if (result.who5VeryLow >= result.who5Low) {
    result.who5VeryLow = DEFAULT_THRESHOLDS.who5VeryLow;
    result.who5Low = DEFAULT_THRESHOLDS.who5Low;
  }
  if (!(result.phq4Mild < result.phq4Moderate && result.phq4Moderate < result.phq4Severe)) {
    result.phq4Mild = DEFAULT_THRESHOLDS.phq4Mild;
    result.phq4Moderate = DEFAULT_THRESHOLDS.phq4Moderate;
    result.phq4Severe = DEFAULT_THRESHOLDS.phq4Severe;
  }
  return result;
}

/** Thresholds from a page's partial object; anything not a finite number keeps its default. */
export function thresholdsFrom(partial: Partial<Record<keyof Thresholds, unknown>> | undefined): Thresholds {
  const result = { ...DEFAULT_THRESHOLDS };
  for (const key of Object.keys(result) as Array<keyof Thresholds>) {
    const value = partial?.[key];
    if (typeof value === 'number' && Number.isFinite(value)) result[key] = value;
  }
  return result;
}
