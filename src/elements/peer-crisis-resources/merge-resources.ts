import type { CrisisResource, EmergencyNumber } from './crisis-data.js';

/**
 * Combines crisis data from the sources in the order they improve on each other: each later list replaces records
 * with the same id and adds its own. Records for other countries (a static file may hold many) are left out, but
 * a record's pair partner is always kept with it: paired services are shown both or neither, and "both" is the
 * safe choice because crisis help must never shrink.
 */
export function mergeResources(
  country: string,
  region: string | undefined,
  ...sources: ReadonlyArray<readonly CrisisResource[]>
): CrisisResource[] {
  const byId = new Map<string, CrisisResource>();
  for (const source of sources) for (const resource of source) byId.set(resource.id, resource);
  const all = [...byId.values()];
  const selected = new Set(all.filter((resource) => appliesTo(resource, country, region)));
  for (const resource of [...selected]) {
    for (const partnerId of resource.pairedWith) {
      const partner = byId.get(partnerId);
      if (partner) selected.add(partner);
    }
  }
  return all.filter((resource) => selected.has(resource)).sort((a, b) => b.priority - a.priority);
}

function appliesTo(resource: CrisisResource, country: string, region: string | undefined): boolean {
  if (resource.country !== country) return false;
  if (resource.scope !== 'regional' || resource.subdivisions.length === 0) return true;
  // A regional line applies when the student's region is one of its subdivisions; with no region known, show it
  // rather than hide a line that may be theirs.
  return region === undefined || resource.subdivisions.includes(region);
}

/** Emergency numbers from a better source replace the bundled ones for that country, never add to a blank. */
export function mergeEmergencyNumbers(
  country: string,
  bundled: readonly EmergencyNumber[],
  remote: readonly EmergencyNumber[] | undefined,
): EmergencyNumber[] {
  const fromRemote = (remote ?? []).filter((entry) => entry.country === country);
  return fromRemote.length > 0 ? fromRemote : [...bundled];
}
