import type { Day, PartOfDay } from './schedule.ts';
import type { GroupListQuery, StoredGroup } from './group-types.ts';

/**
 * Every value GET /groups filters on, as one tag per value ("topic:grief", "day:tue", "lang:es-mx"), kept in the
 * `facets` column under one GIN index. A filter with several values ("any of these topics") is an overlap (&&)
 * with its tags; accessibility ("every one of these") and language are containment (@>).
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

/** One facet condition: the column must overlap (any) or contain (all) these tags. */
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
