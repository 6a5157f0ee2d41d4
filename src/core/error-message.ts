import type { ApiError } from './api/errors.js';
import type { MessageKey } from './i18n/en.js';
import type { LocalizeController } from './i18n/localize-controller.js';
import { waitIn } from './wait-words.js';

export interface ErrorMessage {
  key: MessageKey;
  values?: Record<string, string | number>;
}

/**
 * What to tell a student about a failed request, as a translation key: plain words and a way forward, never a
 * status code or a server's own text (which may be in another language or leak internals). `lang` is the language of
 * the table the words come from: a wait is said in its plural form ("1 second", "9 minutes").
 */
export function errorMessage(error: ApiError, lang: string): ErrorMessage {
  switch (error.kind) {
    case 'not-configured':
      return { key: 'error.notConfigured' };
    case 'network':
    case 'aborted':
      return { key: 'error.network' };
    case 'timeout':
      return { key: 'error.timeout' };
    case 'invalid-response':
      return { key: 'error.invalidResponse' };
    case 'http':
      return rateLimitWait(error, lang) ?? { key: 'error.server' };
  }
}

/**
 * The wait a 429 names, as a message ("… Please try again in 30 seconds."), or undefined when it names none (or 0:
 * the wait is over, and "try again" is true as it stands).
 */
export function rateLimitWait(error: ApiError, lang: string): ErrorMessage | undefined {
  if (error.kind !== 'http' || error.status !== 429 || !(Number(error.retryAfterSeconds) > 0)) return undefined;
  const { unit, form, count } = waitIn(lang, Number(error.retryAfterSeconds));
  return { key: `error.rateLimited.${unit}.${form}`, values: { count } };
}

/**
 * A sentence with the wait a 429 names added before or after it: told only "try again", a student would try at once
 * and meet the same limit. The sentence alone when there is no wait to name.
 */
export function withWait(
  i18n: LocalizeController,
  error: ApiError,
  text: string,
  where: 'before' | 'after' = 'after',
): string {
  const wait = rateLimitWait(error, i18n.locale);
  if (!wait) return text;
  const words = i18n.t(wait.key, wait.values);
  return where === 'before' ? `${words} ${text}` : `${text} ${words}`;
}
