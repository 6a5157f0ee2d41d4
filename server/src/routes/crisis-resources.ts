import type { CampusConfig, CrisisResourceList, QueryOf } from '../contract/api-types.ts';
import {
  PUBLIC_LIST_MAX_AGE_SECONDS,
  publicCrisisResources,
  publicListKey,
  type PublicListQuery,
} from '../crisis-resources/public-crisis-list.ts';
import { HttpProblem } from '../http/problem.ts';
import type { HandlerMap } from './handler-types.ts';

const PUBLIC_CACHE = `public, max-age=${PUBLIC_LIST_MAX_AGE_SECONDS}`;

type ListQuery = QueryOf<'listCrisisResources'>;

interface Place {
  country: string;
  region: string | undefined;
}

/**
 * Where to look. With neither `country` nor `region`, the campus's own place (its country and region, so its
 * campus services are included). A `region` alone implies its country; a `region` of another country than the
 * one asked for is an error rather than a silently empty regional list.
 */
function placeFor(query: ListQuery, campus: CampusConfig): Place {
  const askedCountry = query.country;
  const askedRegion = query.region;
  if (askedCountry === undefined && askedRegion === undefined) {
    return { country: campus.country, region: campus.region };
  }
  const country = askedCountry ?? askedRegion!.slice(0, 2);
  if (askedRegion !== undefined && !askedRegion.startsWith(`${country}-`)) {
    throw new HttpProblem(400, {
      detail: 'One field is not valid.',
      errors: [{ field: '/query/region', message: `must be a subdivision of ${country}` }],
    });
  }
  return { country, region: askedRegion };
}

export const crisisResourceHandlers: HandlerMap = {
  /**
   * With the campus configuration cached (deps.campusConfig), an answer costs one query, and a repeated question
   * none: answers are kept in deps.crisisListCache for their max-age, and every admin write clears it.
   */
  'GET /crisis-resources': async (c, input) => {
    const { db, crisisData, campusConfig, crisisListCache } = c.var.deps;
    const campus = await campusConfig.get();
    if (!campus.features.crisisResources) {
      // The contract's answer for a switched-off feature; the widgets then keep their bundled numbers.
      throw new HttpProblem(501, { detail: 'This campus does not publish crisis resources through this service.' });
    }
    const asked = input.query as ListQuery;
    const place = placeFor(asked, campus);
    const query: PublicListQuery = { ...place, scope: asked.scope, lang: asked.lang, topic: asked.topic };
    const answer = await crisisListCache.getOrCompute(publicListKey(query), async () => {
      const body: CrisisResourceList = {
        items: await publicCrisisResources(db, query),
        generatedAt: new Date().toISOString(),
        emergencyNumbers: crisisData.emergencyNumbers.filter((entry) => entry.country === place.country),
      };
      return JSON.stringify(body);
    });
    const age = crisisListCache.ageSeconds(answer);
    return c.body(answer.body, 200, {
      'Content-Type': 'application/json',
      'Cache-Control': PUBLIC_CACHE,
      // A kept answer says how old it is, so that shared caches keep it only for what is left of its max-age.
      ...(age > 0 ? { Age: String(age) } : {}),
    });
  },
};
