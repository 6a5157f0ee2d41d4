import type { MessageKey } from '../../../core/i18n/en.js';
import type { LocalizeController } from '../../../core/i18n/localize-controller.js';
import { pluralForm } from '../../../core/i18n/plural.js';
import type { HistoryEntry, MoodLevel } from './history-entry.js';
import type { CsvColumn } from './history-export.js';
import { registerHistoryStrings } from './i18n.js';

/**
 * The student's own words for the vocabulary codes an entry keeps (the check-in's emotion words and topics, from
 * the element's strings). A code without words is left out of what is shown, never shown raw.
 */
export interface HistoryLabels {
  emotion?: (code: string) => string | undefined;
  topic?: (code: string) => string | undefined;
}

/** Only the strings a history needs, so the words can be worked out without an element (and in tests). */
export type HistoryI18n = Pick<LocalizeController, 't' | 'dateTime' | 'list' | 'lang'>;

/** A mood level in words ("Good"); never a number. */
export function moodWord(i18n: HistoryI18n, level: MoodLevel): string {
  return i18n.t(`checkIn.history.mood.${level}` as MessageKey);
}

/**
 * How a check-in went, in gentle words: the mood in words, or a WHO-5 / PHQ-4 band as a plain phrase ("A harder
 * time"). Never a score, never a clinical label.
 */
export function feelingWords(i18n: HistoryI18n, entry: HistoryEntry): string {
  if (entry.instrument === 'mood') return entry.level ? moodWord(i18n, entry.level) : '';
  return entry.band ? i18n.t(`checkIn.history.band.${entry.instrument}.${entry.band}` as MessageKey) : '';
}

export function instrumentName(i18n: HistoryI18n, entry: HistoryEntry): string {
  return i18n.t(`checkIn.history.instrument.${entry.instrument}` as MessageKey);
}

/** The entry's emotion words or topics in the student's language, as a list; codes without words left out. */
export function chosenWords(
  i18n: HistoryI18n,
  entry: HistoryEntry,
  kind: 'emotions' | 'topics',
  labels: HistoryLabels = {},
): string {
  const label = kind === 'emotions' ? labels.emotion : labels.topic;
  const words = (entry[kind] ?? []).map((code) => label?.(code)).filter((word): word is string => !!word);
  return words.length ? i18n.list(words) : '';
}

/** The date a check-in was made, naming its day and the time ("Monday, March 2, 2026 at 9:05 AM"). */
export function entryDate(i18n: HistoryI18n, entry: HistoryEntry, timeZone?: string): string {
  return i18n.dateTime(new Date(entry.at), {
    dateStyle: 'full',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  });
}

/** A short date for the chart's axis, still naming the day ("Mon, Mar 2"). */
export function shortDate(i18n: HistoryI18n, entry: HistoryEntry, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
  return i18n.dateTime(new Date(entry.at), timeZone ? { ...options, timeZone } : options);
}

/**
 * The CSV columns in the student's language: the date naming its day, the same moment in UTC (which a spreadsheet
 * can sort), the kind of check-in, how it went in words, and the words chosen. Codes without words are kept as
 * codes here: a download is the student's complete copy.
 */
export function historyCsvColumns(i18n: HistoryI18n, labels: HistoryLabels = {}, timeZone?: string): CsvColumn[] {
  registerHistoryStrings();
  const codesOr = (entry: HistoryEntry, kind: 'emotions' | 'topics') => {
    const label = kind === 'emotions' ? labels.emotion : labels.topic;
    const words = (entry[kind] ?? []).map((code) => label?.(code) || code);
    return words.length ? i18n.list(words) : '';
  };
  return [
    { header: i18n.t('checkIn.history.column.date'), value: (entry) => entryDate(i18n, entry, timeZone) },
    { header: i18n.t('checkIn.history.column.utc'), value: (entry) => entry.at },
    { header: i18n.t('checkIn.history.column.checkIn'), value: (entry) => instrumentName(i18n, entry) },
    { header: i18n.t('checkIn.history.column.feeling'), value: (entry) => feelingWords(i18n, entry) },
    { header: i18n.t('checkIn.history.column.emotions'), value: (entry) => codesOr(entry, 'emotions') },
    { header: i18n.t('checkIn.history.column.topics'), value: (entry) => codesOr(entry, 'topics') },
  ];
}

/** Picks the `one` or `other` form of a sentence by the language's plural rules. */
export function pluralKey(i18n: HistoryI18n, base: string, count: number): MessageKey {
  return `${base}.${pluralForm(i18n.lang, count)}` as MessageKey;
}
