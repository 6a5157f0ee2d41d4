import type { ApiError } from '../../../core/api/errors.js';
import { errorMessage } from '../../../core/error-message.js';
import type { LocalizeController } from '../../../core/i18n/localize-controller.js';

/**
 * "Could not confirm … try again", with the wait a 429 names after it: told only to try again, the student would
 * try at once and meet the same limit. A wait of 0 is over already: "try again" is true as it stands.
 */
export function withWait(i18n: LocalizeController, error: ApiError, text: string): string {
  if (error.kind !== 'http' || error.status !== 429 || !(Number(error.retryAfterSeconds) > 0)) return text;
  const { key, values } = errorMessage(error, i18n.locale);
  return `${text} ${i18n.t(key, values)}`;
}
