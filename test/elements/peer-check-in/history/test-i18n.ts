import { interpolate, lookup } from '../../../../src/core/i18n/catalog.js';
import type { MessageKey } from '../../../../src/core/i18n/en.js';
import type { HistoryI18n } from '../../../../src/elements/peer-check-in/history/history-words.js';

/** Strings and formats for one locale without an element, as LocalizeController gives them. */
export function i18nFor(lang: string, overrides: Partial<Record<MessageKey, string>> = {}): HistoryI18n {
  return {
    lang,
    t: (key, values) => interpolate(overrides[key] ?? lookup(lang, key), values),
    dateTime: (value, options) => new Intl.DateTimeFormat(lang, options).format(value),
    list: (items) => new Intl.ListFormat(lang, { type: 'conjunction' }).format(items),
  };
}
