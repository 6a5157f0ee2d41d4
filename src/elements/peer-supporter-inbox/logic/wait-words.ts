import type { MessageKey } from '../../../core/i18n/en.js';

/**
 * How long to wait before signing in again, as a message: seconds under a minute, else whole minutes rounded up
 * ("about 9 minutes" for 508 s), with the plural form the page's language needs (Intl.PluralRules).
 */
export function waitMessage(lang: string, seconds: number): { key: MessageKey; values: { count: number } } {
  const minutes = seconds >= 60;
  const count = minutes ? Math.ceil(seconds / 60) : seconds;
  const form = new Intl.PluralRules(lang).select(count) === 'one' ? 'one' : 'other';
  return { key: `inbox.signIn.tooMany.${minutes ? 'minutes' : 'seconds'}.${form}`, values: { count } };
}
