import type { Queryable } from '../db/database.ts';
import type { CrisisResource, ResourceScope } from './crisis-resource.ts';
import { listActiveForPlace, listActivePairedWith } from './crisis-resource-repository.ts';

export interface PublicListQuery {
  country: string;
  region: string | undefined;
  scope: ResourceScope | undefined;
  lang: string | undefined;
  topic: string | undefined;
}

/** Pair chains are short (a handful of lines); the bound only guards against a loop in bad data. */
const MAX_PAIRING_ROUNDS = 10;

/**
 * Adds every active partner of the selected resources, and their partners in turn. When a filter (a region, a
 * scope) keeps one resource of a pair and drops the other, the contract allows "both or neither"; we choose both,
 * because crisis help must never shrink: dropping a line someone may need is worse than showing one extra line.
 */
async function withPartners(db: Queryable, selected: Map<string, CrisisResource>): Promise<void> {
  for (let round = 0; round < MAX_PAIRING_ROUNDS; round += 1) {
    const ids = new Set<string>();
    for (const resource of selected.values()) {
      ids.add(resource.id);
      for (const partner of resource.pairedWith) ids.add(partner);
    }
    const linked = await listActivePairedWith(db, [...ids]);
    const added = linked.filter((resource) => !selected.has(resource.id));
    if (added.length === 0) return;
    for (const resource of added) selected.set(resource.id, resource);
  }
}

function primaryLanguage(tag: string): string {
  return tag.split('-', 1)[0]!.toLowerCase();
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

/** What GET /crisis-resources lists: active resources for the place, their partners, in the student's order. */
export async function publicCrisisResources(db: Queryable, query: PublicListQuery): Promise<CrisisResource[]> {
  const found = await listActiveForPlace(db, query);
  const selected = new Map(found.map((resource) => [resource.id, resource]));
  await withPartners(db, selected);
  return orderForStudent([...selected.values()], query);
}
