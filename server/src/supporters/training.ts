import type { Schemas } from '../contract/api-types.ts';

/**
 * Training, as recorded by the command line (cli/supporters.ts): it counts from the day it was completed until the
 * day before it expires, on the campus's calendar ("YYYY-MM-DD" dates compare as text).
 */
export interface TrainingRecord {
  completedOn: string | null;
  expiresOn: string | null;
}

/** Whether training counts on `today` (the campus's date, hours/time-zones.ts todayIn). */
export function trainingIsCurrent(training: TrainingRecord, today: string): boolean {
  return (
    training.completedOn !== null &&
    training.expiresOn !== null &&
    training.completedOn <= today &&
    today < training.expiresOn
  );
}

/** The contract's SupporterTraining. */
export function trainingView(training: TrainingRecord, today: string): Schemas['SupporterTraining'] {
  return { current: trainingIsCurrent(training, today), expiresOn: training.expiresOn };
}
