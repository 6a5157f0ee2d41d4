import type { MessageKey } from '../../../core/i18n/en.js';
import { waitIn } from '../../../core/wait-words.js';

/** How long to wait before signing in again, as a message ("about 9 minutes" for 508 s), in `lang`'s plural form. */
export function waitMessage(lang: string, seconds: number): { key: MessageKey; values: { count: number } } {
  const { unit, form, count } = waitIn(lang, seconds);
  return { key: `inbox.signIn.tooMany.${unit}.${form}`, values: { count } };
}
