import type { ApiError } from './api/errors.js';
import type { MessageKey } from './i18n/en.js';
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
      if (error.status === 429 && error.retryAfterSeconds !== undefined) {
        const { unit, form, count } = waitIn(lang, error.retryAfterSeconds);
        return { key: `error.rateLimited.${unit}.${form}`, values: { count } };
      }
      return { key: 'error.server' };
  }
}
