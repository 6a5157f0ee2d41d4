import type { MessageKey } from './en.js';

/** `Intl.PluralRules` by language, shared by every widget on the page. */
const rules = new Map<string, Intl.PluralRules>();

/**
 * `one` or `other` for `count` in `lang`, the language of the table the sentence comes from: our tables carry those
 * two forms (English and Spanish need no more); a language with more forms falls back to `other`, which reads right
 * with a number in it. A tag `Intl` refuses counts like English.
 */
export function pluralForm(lang: string, count: number): 'one' | 'other' {
  let rule = rules.get(lang);
  if (!rule) {
    try {
      rule = new Intl.PluralRules(lang);
    } catch {
      rule = new Intl.PluralRules('en');
    }
    rules.set(lang, rule);
  }
  return rule.select(count) === 'one' ? 'one' : 'other';
}

/** The key for `count`: `${one}` or `${other}`. */
export function pluralKey(lang: string, count: number, one: MessageKey, other: MessageKey): MessageKey {
  return pluralForm(lang, count) === 'one' ? one : other;
}
