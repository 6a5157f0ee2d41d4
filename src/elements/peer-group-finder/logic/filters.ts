import type { Query } from '../../../core/api/api-client.js';
import {
  ACCESSIBILITY,
  AUDIENCES,
  DAYS,
  FACILITATORS,
  FORMATS,
  LANGUAGE_TAG,
  TIMES_OF_DAY,
  TOPICS,
  type AccessibilityFeature,
  type Audience,
  type DayOfWeek,
  type FacilitatorType,
  type GroupFormat,
  type SupportTopic,
  type TimeOfDay,
} from './vocabulary.js';

/**
 * What a student is looking for. Values within one list are alternatives; lists must all match (the contract's
 * `GET /groups`). Lists are kept in the vocabulary's order without repeats, so equal choices compare equal.
 */
export interface GroupFilters {
  /** Free text, trimmed; "" for none. At most `Q_MAX` characters. */
  q: string;
  topic: SupportTopic[];
  audience: Audience[];
  format: GroupFormat[];
  day: DayOfWeek[];
  timeOfDay: TimeOfDay[];
  /** true: drop-in groups only; false: groups that need registration only; undefined: both. */
  dropIn?: boolean;
  facilitator: FacilitatorType[];
  /** Every one of these must be offered. */
  accessibility: AccessibilityFeature[];
  /** A BCP 47 tag; undefined for any language. */
  language?: string;
}

/** The list filters and their vocabularies: the names are the contract's query parameters. */
export const LIST_FILTERS = {
  topic: TOPICS,
  audience: AUDIENCES,
  format: FORMATS,
  day: DAYS,
  timeOfDay: TIMES_OF_DAY,
  facilitator: FACILITATORS,
  accessibility: ACCESSIBILITY,
} as const;
export type ListFilter = keyof typeof LIST_FILTERS;
export const LIST_FILTER_NAMES = Object.keys(LIST_FILTERS) as ListFilter[];

/** The query parameters this element owns in the page's URL (with `sync-url`) and in the API request. */
export const FILTER_PARAMS = ['q', ...LIST_FILTER_NAMES, 'dropIn', 'language'] as const;

/** The contract's `q` limit. */
export const Q_MAX = 100;

export function emptyFilters(): GroupFilters {
  return { q: '', topic: [], audience: [], format: [], day: [], timeOfDay: [], facilitator: [], accessibility: [] };
}

/** Known values of a list, in the vocabulary's order, each once; anything unknown is dropped. */
export function canonicalList<K extends ListFilter>(name: K, values: Iterable<string>): GroupFilters[K] {
  const chosen = new Set(values);
  return LIST_FILTERS[name].filter((value) => chosen.has(value)) as GroupFilters[K];
}

/** "true"/"false" (as an attribute or in a URL) → boolean; anything else → undefined (both kinds). */
export function parseDropIn(value: string | null | undefined): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

export function parseLanguage(value: string | null | undefined): string | undefined {
  const tag = value?.trim() ?? '';
  return LANGUAGE_TAG.test(tag) && tag.length <= 35 ? tag : undefined;
}

export function cleanQuery(value: string | null | undefined): string {
  return [...(value ?? '').trim()].slice(0, Q_MAX).join('').trim();
}

/** The values of an attribute such as `topic="grief stress"`: split on white space and commas. */
export function words(value: string | null | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter(Boolean);
}

/** Filters from attributes (each a space-separated list, `drop-in` "true"/"false"). */
export function filtersFromAttributes(attributes: {
  q?: string;
  topic?: string;
  audience?: string;
  format?: string;
  day?: string;
  timeOfDay?: string;
  dropIn?: string;
  facilitator?: string;
  accessibility?: string;
  language?: string;
}): GroupFilters {
  const filters = emptyFilters();
  filters.q = cleanQuery(attributes.q);
  for (const name of LIST_FILTER_NAMES) {
    (filters[name] as string[]) = canonicalList(name, words(attributes[name]));
  }
  const dropIn = parseDropIn(attributes.dropIn);
  if (dropIn !== undefined) filters.dropIn = dropIn;
  const language = parseLanguage(attributes.language);
  if (language) filters.language = language;
  return filters;
}

/**
 * Filters from a URL query (the page's, with `sync-url`), or undefined when it names none of them, so the
 * attributes apply instead. Names repeat for several values (`?topic=stress&topic=sleep`), as the check-in's
 * "find a group" link writes them; unknown values are dropped.
 */
export function filtersFromParams(params: URLSearchParams): GroupFilters | undefined {
  if (!FILTER_PARAMS.some((name) => params.has(name))) return undefined;
  const filters = emptyFilters();
  filters.q = cleanQuery(params.get('q'));
  for (const name of LIST_FILTER_NAMES) {
    (filters[name] as string[]) = canonicalList(name, params.getAll(name).flatMap(words));
  }
  const dropIn = parseDropIn(params.get('dropIn'));
  if (dropIn !== undefined) filters.dropIn = dropIn;
  const language = parseLanguage(params.get('language'));
  if (language) filters.language = language;
  return filters;
}

/** `params` with this element's names replaced by `filters` (the page's own parameters are kept, in order). */
export function filtersToParams(filters: GroupFilters, params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of FILTER_PARAMS) next.delete(name);
  if (filters.q) next.append('q', filters.q);
  for (const name of LIST_FILTER_NAMES) for (const value of filters[name]) next.append(name, value);
  if (filters.dropIn !== undefined) next.append('dropIn', String(filters.dropIn));
  if (filters.language) next.append('language', filters.language);
  return next;
}

/** The `GET /groups` query for the filters (empty lists and blank text left out). */
export function filtersToQuery(filters: GroupFilters): Query {
  const query: Query = {};
  if (filters.q) query.q = filters.q;
  for (const name of LIST_FILTER_NAMES) if (filters[name].length) query[name] = filters[name];
  if (filters.dropIn !== undefined) query.dropIn = filters.dropIn;
  if (filters.language) query.language = filters.language;
  return query;
}

export function sameFilters(a: GroupFilters, b: GroupFilters): boolean {
  return filtersToParams(a, new URLSearchParams()).toString() === filtersToParams(b, new URLSearchParams()).toString();
}

/** How many choices are made in the structured filters (not the free text), for "Clear filters". */
export function chosenCount(filters: GroupFilters): number {
  return (
    LIST_FILTER_NAMES.reduce((count, name) => count + filters[name].length, 0) +
    (filters.dropIn === undefined ? 0 : 1) +
    (filters.language ? 1 : 0)
  );
}
