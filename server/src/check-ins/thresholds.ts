import type { CheckInSettings } from '../contract/api-types.ts';
import type { FieldError } from '../http/problem.ts';

/** The campus's cut-offs as the contract's `CheckInThresholds` has them: each one optional. */
export type CheckInThresholds = NonNullable<CheckInSettings['thresholds']>;

/** Every cut-off, defaults filled in: what scoring uses. */
export type Thresholds = Required<CheckInThresholds>;

/**
 * The published cut-offs (DOMAIN.md, "Check-in instruments"): WHO-5 from Psychiatric Centre North Zealand (WHO
 * Collaborating Centre), PHQ-4 from Kroenke, Spitzer, Williams and Löwe. The element has the same defaults.
 */
export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = {
  who5Low: 50,
  who5VeryLow: 28,
  phq4Mild: 3,
  phq4Moderate: 6,
  phq4Severe: 9,
  phq4Pair: 3,
};

/** Whole-number bounds of each cut-off within its score's range (the contract's schema). */
const BOUNDS: Readonly<Record<keyof Thresholds, readonly [min: number, max: number]>> = {
  who5Low: [0, 100],
  who5VeryLow: [0, 100],
  phq4Mild: [1, 12],
  phq4Moderate: [1, 12],
  phq4Severe: [1, 12],
  phq4Pair: [1, 6],
};

/** The cut-offs that must rise in this order, defaults standing in for absent ones. */
const ORDERED: ReadonlyArray<readonly [lower: keyof Thresholds, higher: keyof Thresholds]> = [
  ['who5VeryLow', 'who5Low'],
  ['phq4Mild', 'phq4Moderate'],
  ['phq4Moderate', 'phq4Severe'],
];

/** The campus's cut-offs over the defaults. Only call it with cut-offs that passed `thresholdsErrors`. */
export function thresholdsOf(campus: CheckInThresholds | undefined): Thresholds {
  return { ...DEFAULT_THRESHOLDS, ...campus };
}

/**
 * What is wrong with a campus's cut-offs (the schema's rules, for writes that do not pass the request validator,
 * and the order, which no schema says): an unknown name, a value that is not a whole number within its bounds, or
 * a pair out of order. `at` is the JSON Pointer of the object.
 */
export function thresholdsErrors(value: unknown, at: string): FieldError[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field: at, message: 'must be an object' }];
  }
  const errors: FieldError[] = [];
  const given = value as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!Object.hasOwn(BOUNDS, key)) {
      errors.push({ field: `${at}/${key}`, message: 'is not a known cut-off' });
      continue;
    }
    const [min, max] = BOUNDS[key as keyof Thresholds];
    const number = given[key];
    if (!(Number.isInteger(number) && (number as number) >= min && (number as number) <= max)) {
      errors.push({ field: `${at}/${key}`, message: `must be a whole number from ${min} to ${max}` });
    }
  }
  if (errors.length > 0) return errors;
  const effective = thresholdsOf(given as CheckInThresholds);
  for (const [lower, higher] of ORDERED) {
    if (effective[lower] >= effective[higher]) {
      const field = Object.hasOwn(given, lower) ? lower : higher;
      errors.push({
        field: `${at}/${field}`,
        message: `must keep ${lower} (${effective[lower]}) below ${higher} (${effective[higher]}), defaults included`,
      });
    }
  }
  return errors;
}
