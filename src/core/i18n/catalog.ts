import { en, type MessageKey, type Messages } from './en.js';
import { es } from './es.js';

/** Per-string overrides a page gives, by locale: `{ en: { 'help.needHelpNow': 'Urgent help' } }`. */
export type StringOverrides = Readonly<Record<string, Partial<Messages>>>;

type Table = Readonly<Record<string, string>>;

/**
 * Per locale, what a lookup reads in turn: the page's own strings (`registerLocale`, merged, the newest winning),
 * then the elements' tables (core first, then each element's in the order their modules load). The elements' tables
 * are kept side by side, never merged: copying a growing table into a new object for every element cost tens of
 * milliseconds of a slow phone's first long task.
 */
const pageTables = new Map<string, Table>();
const elementTables = new Map<string, Table[]>([
  ['en', [en]],
  ['es', [es]],
]);

/**
 * Adds a locale (or replaces its strings) for every widget on the page: `registerLocale('fr', fr)`. Keys the table
 * lacks keep what the locale had, then fall back to English.
 */
export function registerLocale(locale: string, messages: Partial<Messages>): void {
  const tag = locale.toLowerCase();
  pageTables.set(tag, { ...pageTables.get(tag), ...(messages as Table) });
}

/**
 * An element's own strings for a locale, added when the element's module loads. They never replace a string the
 * page has already registered for that locale, nor one an element registered before.
 */
export function extendLocale(locale: string, messages: Table): void {
  const tag = locale.toLowerCase();
  const tables = elementTables.get(tag) ?? [];
  if (!tables.includes(messages)) elementTables.set(tag, [...tables, messages]);
}

export function availableLocales(): string[] {
  return [...new Set([...pageTables.keys(), ...elementTables.keys()])];
}

function hasLocale(tag: string): boolean {
  return pageTables.has(tag) || elementTables.has(tag);
}

/** A table's own string for a key (never one inherited from Object.prototype, such as `constructor`). */
function own(table: Table | undefined, key: string): string | undefined {
  const value = table && Object.hasOwn(table, key) ? table[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function find(locale: string, key: string): string | undefined {
  const fromPage = own(pageTables.get(locale), key);
  if (fromPage !== undefined) return fromPage;
  for (const table of elementTables.get(locale) ?? []) {
    const value = own(table, key);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The best table for a BCP 47 tag: exact ("pt-br"), then the language ("pt"), then English. */
export function matchLocale(requested: string): string {
  const tag = requested.toLowerCase();
  if (hasLocale(tag)) return tag;
  const language = tag.split('-')[0] ?? '';
  return hasLocale(language) ? language : 'en';
}

/** Looks a key up: the page's override for the locale, then the locale's table, then English. */
export function lookup(locale: string, key: MessageKey, overrides?: StringOverrides): string {
  return overrides?.[locale]?.[key] ?? find(locale, key) ?? find('en', key) ?? key;
}

/**
 * Like `interpolate`, but the values may be lit templates (a number isolated for right-to-left text, say): returns
 * the sentence as parts for lit to render, so a value never has to become markup.
 */
export function interpolateParts(template: string, values: Readonly<Record<string, unknown>>): unknown[] {
  const parts: unknown[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const name = match[1] as string;
    parts.push(template.slice(last, match.index), name in values ? values[name] : match[0]);
    last = match.index + match[0].length;
  }
  parts.push(template.slice(last));
  return parts;
}

/** Replaces {name} placeholders; unknown placeholders stay visible so a mistake is noticed, not hidden. */
export function interpolate(template: string, values?: Readonly<Record<string, string | number>>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
