import type { CrisisResource, CrisisResourcePatch } from '../contract/api-types.ts';

/**
 * The contract's merge rules for CrisisResourcePatch: a field sent replaces the stored one (lists whole, never
 * merged item by item), and `null` removes an optional field. The schema has already limited which fields may
 * come and which may be null; the result is checked again as a whole record before it is saved.
 */
export function applyPatch(record: CrisisResource, patch: CrisisResourcePatch): CrisisResource {
  const next = structuredClone(record) as unknown as Record<string, unknown>;
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete next[field];
    else next[field] = structuredClone(value);
  }
  return next as unknown as CrisisResource;
}
