import type { MessageKey } from '../../../core/i18n/en.js';

/** `Intl.PluralRules` by language, shared by every finder on the page (the core's controller has none). */
const rules = new Map<string, Intl.PluralRules>();

/**
 * `one` or `other` for `count` in `lang`: our tables carry those two forms (English and Spanish need no more);
 * a language with more forms falls back to `other`, which reads right with a number in it.
 */
export function pluralForm(lang: string, count: number): 'one' | 'other' {
  let rule = rules.get(lang);
  if (!rule) {
    rule = new Intl.PluralRules(lang);
    rules.set(lang, rule);
  }
  return rule.select(count) === 'one' ? 'one' : 'other';
}

/** The key for `count`: `${one}` or `${other}`. */
export function pluralKey(lang: string, count: number, one: MessageKey, other: MessageKey): MessageKey {
  return pluralForm(lang, count) === 'one' ? one : other;
}
