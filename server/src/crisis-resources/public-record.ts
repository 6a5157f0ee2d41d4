import type { AdminCrisisResource, CrisisResource } from '../contract/api-types.ts';

/** The fields AdminCrisisResource adds to CrisisResource: staff-only status and history. */
const STAFF_ONLY_FIELDS = ['status', 'createdAt', 'updatedAt', 'retiredAt', 'retirement', 'verificationNote'] as const;

/** The public record inside a staff view (drops status and history). */
export function publicRecord(resource: AdminCrisisResource): CrisisResource {
  const record: Partial<AdminCrisisResource> = { ...resource };
  for (const field of STAFF_ONLY_FIELDS) delete record[field];
  return record as CrisisResource;
}
