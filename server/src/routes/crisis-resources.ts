import { readCampusConfig } from '../campus-config/campus-config-repository.ts';
import type { CampusConfig } from '../campus-config/campus-config.ts';
import type { ResourceScope } from '../crisis-resources/crisis-resource.ts';
import { publicCrisisResources } from '../crisis-resources/public-crisis-list.ts';
import { HttpProblem } from '../http/problem.ts';
import type { HandlerMap } from './handler-types.ts';

/** Public, and the same for every student of a place: shared caches may keep it for five minutes. */
const PUBLIC_CACHE = 'public, max-age=300';

interface Place {
  country: string;
  region: string | undefined;
}

/**
 * Where to look. With neither `country` nor `region`, the campus's own place (its country and region, so its
 * campus services are included). A `region` alone implies its country; a `region` of another country than the
 * one asked for is an error rather than a silently empty regional list.
 */
function placeFor(query: Record<string, unknown>, campus: CampusConfig): Place {
  const askedCountry = query.country as string | undefined;
  const askedRegion = query.region as string | undefined;
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
  'GET /crisis-resources': async (c, input) => {
    const { db, crisisData } = c.var.deps;
    const campus = await readCampusConfig(db);
    if (!campus.features.crisisResources) {
      // The contract's answer for a switched-off feature; the widgets then keep their bundled numbers.
      throw new HttpProblem(501, { detail: 'This campus does not publish crisis resources through this service.' });
    }
    const place = placeFor(input.query, campus);
    const items = await publicCrisisResources(db, {
      ...place,
      scope: input.query.scope as ResourceScope | undefined,
      lang: input.query.lang as string | undefined,
      topic: input.query.topic as string | undefined,
    });
    const body = {
      items,
      generatedAt: new Date().toISOString(),
      emergencyNumbers: crisisData.emergencyNumbers.filter((entry) => entry.country === place.country),
    };
    return c.json(body, 200, { 'Cache-Control': PUBLIC_CACHE });
  },
};
