import type { ContactMethod, CrisisResource, EmergencyNumber } from '../data/crisis-data.js';
import { dialString } from './phone-digits.js';

/**
 * Crisis help is a floor that later data can raise but never lower.
 *
 * The floor is what the student could already see: the bundled national lines and emergency numbers, then
 * everything shown since. Later data (a backend or a `src` file) may add services and numbers, reorder them and
 * update a record of the same id and country, but a contact method or an emergency number on the floor is never
 * removed or replaced: an update that leaves one out gets it back.
 */

/** How a contact method is recognised across updates: its kind and what it dials or opens. */
function methodKey(method: ContactMethod): string {
  return `${method.type}:${dialString(method.value) ?? method.value.trim().toLowerCase()}`;
}

/** `update`, with every contact method of `floor` it left out put back after its own. */
function keepFloorMethods(floor: CrisisResource, update: CrisisResource): CrisisResource {
  const present = new Set(update.contactMethods.map(methodKey));
  const missing = floor.contactMethods.filter((method) => !present.has(methodKey(method)));
  return missing.length ? { ...update, contactMethods: [...update.contactMethods, ...missing] } : update;
}

/**
 * The services to show for `country` (and `region`, when known): the floor, raised by `updates`.
 *
 * - Records of other countries, or regional records for another region, are left out (a static file may hold
 *   many); they can never replace a floor record, even with the same id.
 * - A record's pair partner of the same country is kept with it: paired services are shown both or neither, and
 *   "both" is the safe choice because crisis help must never shrink.
 * - Higher `priority` first; ties keep the order in which records arrived.
 */
export function mergeResources(
  country: string,
  region: string | undefined,
  floor: readonly CrisisResource[],
  updates: readonly CrisisResource[],
): CrisisResource[] {
  const shown = new Map<string, CrisisResource>();
  for (const resource of floor) if (resource.country === country) shown.set(resource.id, resource);
  const others = new Map<string, CrisisResource>();
  for (const update of updates) {
    const before = shown.get(update.id);
    if (!appliesTo(update, country, region)) {
      if (!before) others.set(update.id, update);
      continue;
    }
    shown.set(update.id, before ? keepFloorMethods(before, update) : update);
  }
  for (const resource of [...shown.values()]) {
    for (const partnerId of resource.pairedWith) {
      const partner = others.get(partnerId);
      // A partner for another region of this country is kept; one for another country never is.
      if (partner?.country === country && !shown.has(partnerId)) shown.set(partnerId, partner);
    }
  }
  return [...shown.values()]
    .map((resource, index) => ({ resource, index }))
    .sort((a, b) => b.resource.priority - a.resource.priority || a.index - b.index)
    .map(({ resource }) => resource);
}

function appliesTo(resource: CrisisResource, country: string, region: string | undefined): boolean {
  if (resource.country !== country) return false;
  if (resource.scope !== 'regional' || resource.subdivisions.length === 0) return true;
  // A regional line applies when the student's region is one of its subdivisions; with no region known, show it
  // rather than hide a line that may be theirs.
  return region === undefined || resource.subdivisions.includes(region);
}

/**
 * The emergency numbers for `country`: the floor's, in the floor's order (the number to call first stays first),
 * then any number an update adds. An update may change a floor number's services or note, never drop or replace it.
 */
export function mergeEmergencyNumbers(
  country: string,
  floor: readonly EmergencyNumber[],
  updates: readonly EmergencyNumber[] | undefined,
): EmergencyNumber[] {
  const byNumber = new Map<string, EmergencyNumber>();
  for (const entry of floor) if (entry.country === country) byNumber.set(entry.number, entry);
  for (const entry of updates ?? []) if (entry.country === country) byNumber.set(entry.number, entry);
  return [...byNumber.values()];
}
