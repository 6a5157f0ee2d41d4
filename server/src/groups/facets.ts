import type { Day, PartOfDay } from './schedule.ts';
import type { GroupListQuery, StoredGroup } from './group-types.ts';

/**
 * Every value GET /groups filters on, as one tag per value ("topic:grief", "day:tue", "lang:es-mx"). The tags are
 * lexemes of the `search` tsvector, written with a leading "#" (searchLexemes), beside the words of the name and
 * summary, so that one GIN index answers every filter and the free text together. A filter with several values
 * ("any of these topics") is an OR of its tags; accessibility ("every one of these") and language are ANDs.
 */

/**
 * A language tag and every shorter prefix of it, lower-cased: "es-MX" gives "es" and "es-mx", so that asking for
 * `es` finds a group held in es-MX (the contract's rule) while asking for `es-MX` does not find every `es` group.
 */
export function languagePrefixes(tag: string): string[] {
  const subtags = tag.toLowerCase().split('-');
  return subtags.map((_, index) => subtags.slice(0, index + 1).join('-'));
}

/** The facet tags of a group that meets on `days` and starts in `partsOfDay` (both from its sessions). */
export function groupFacets(group: StoredGroup, days: readonly Day[], partsOfDay: readonly PartOfDay[]): string[] {
  const tags = [
    ...group.topics.map((topic) => `topic:${topic}`),
    ...group.audiences.map((audience) => `audience:${audience}`),
    `format:${group.format}`,
    ...days.map((day) => `day:${day}`),
    ...partsOfDay.map((part) => `time:${part}`),
    `dropin:${group.dropIn}`,
    `facilitator:${group.facilitator.type}`,
    ...group.accessibility.map((feature) => `access:${feature}`),
    ...group.languages.flatMap((language) => languagePrefixes(language).map((prefix) => `lang:${prefix}`)),
  ];
  return [...new Set(tags)].sort();
}

/** One facet condition: the group must have any, or all, of these tags. */
export interface FacetCondition {
  match: 'any' | 'all';
  tags: string[];
}

/** The facet conditions of a GET /groups question; an absent or empty filter adds none. */
export function facetConditions(query: GroupListQuery): FacetCondition[] {
  const conditions: FacetCondition[] = [];
  const anyOf = (prefix: string, values: readonly string[] | undefined) => {
    if (values && values.length > 0)
      conditions.push({ match: 'any', tags: values.map((value) => `${prefix}:${value}`) });
  };
  anyOf('topic', query.topic);
  anyOf('audience', query.audience);
  anyOf('format', query.format);
  anyOf('day', query.day);
  anyOf('time', query.timeOfDay);
  anyOf('facilitator', query.facilitator);
  if (query.dropIn !== undefined) conditions.push({ match: 'all', tags: [`dropin:${query.dropIn}`] });
  if (query.accessibility && query.accessibility.length > 0) {
    conditions.push({ match: 'all', tags: query.accessibility.map((feature) => `access:${feature}`) });
  }
  if (query.language !== undefined) conditions.push({ match: 'all', tags: [`lang:${query.language.toLowerCase()}`] });
  return conditions;
}

/** A tag as a lexeme: "#" first, which no word lexeme has, so that a word prefix never matches a tag. */
export const tagLexeme = (tag: string) => `#${tag}`;

/**
 * The conditions as tsquery text, e.g. `('#topic:grief' | '#topic:stress') & '#access:step-free'`. Tags hold only
 * lower-case letters, digits, ":" and "-", so quoting each one as a lexeme is all the escaping it needs.
 */
export function conditionsQuery(conditions: readonly FacetCondition[]): string[] {
  return conditions.map((condition) => {
    const lexemes = condition.tags.map((tag) => `'${tagLexeme(tag)}'`);
    return lexemes.length === 1 ? lexemes[0]! : `(${lexemes.join(condition.match === 'any' ? ' | ' : ' & ')})`;
  });
}
