import type { CrisisResource, ResourceScope, Schemas } from '../contract/api-types.ts';
import type { Queryable } from '../db/database.ts';
import { listPublicForPlace } from './crisis-resource-repository.ts';

export interface PublicListQuery {
  country: string;
  region: string | undefined;
  scope: ResourceScope | undefined;
  lang: string | undefined;
  topic: Schemas['SupportTopic'] | undefined;
}

/** Public, and the same for every student of a place: shared caches, and this server, may keep it five minutes. */
export const PUBLIC_LIST_MAX_AGE_SECONDS = 300;

function primaryLanguage(tag: string): string {
  return tag.split('-', 1)[0]!.toLowerCase();
}

/**
 * Two questions with the same key get the same answer: the place, the scope, and what the order depends on (the
 * primary language subtag, the topic). "es-MX" and "es" share an entry, so the key space stays small.
 */
export function publicListKey(query: PublicListQuery): string {
  return [
    query.country,
    query.region ?? '',
    query.scope ?? '',
    query.lang === undefined ? '' : primaryLanguage(query.lang),
    query.topic ?? '',
  ].join('|');
}

const nameOrder = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * The contract's order: resources matching the asked language and topic first (they never remove anything, so a
 * student never gets an empty list because of a language), then higher priority, then by name. A language matches
 * on its primary subtag, so "es-MX" finds a line that offers "es".
 */
export function orderForStudent(
  resources: CrisisResource[],
  wanted: Pick<PublicListQuery, 'lang' | 'topic'>,
): CrisisResource[] {
  const matches = (resource: CrisisResource) => {
    let score = 0;
    if (wanted.lang) {
      const language = primaryLanguage(wanted.lang);
      if (resource.languages.some((offered) => primaryLanguage(offered) === language)) score += 1;
    }
    if (wanted.topic && resource.topics.includes(wanted.topic)) score += 1;
    return score;
  };
  const scored = resources.map((resource) => ({ resource, score: matches(resource) }));
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      b.resource.priority - a.resource.priority ||
      nameOrder.compare(a.resource.name, b.resource.name) ||
      (a.resource.id < b.resource.id ? -1 : a.resource.id > b.resource.id ? 1 : 0),
  );
  return scored.map((entry) => entry.resource);
}

/**
 * What GET /crisis-resources lists: active resources for the place and, whatever filter kept one of a pair, its
 * partners too (the contract allows "both or neither"; we choose both, because crisis help must never shrink:
 * dropping a line someone may need is worse than showing one extra line), in the student's order. One query.
 */
export async function publicCrisisResources(db: Queryable, query: PublicListQuery): Promise<CrisisResource[]> {
  return orderForStudent(await listPublicForPlace(db, query), query);
}
