import type { CrisisResource } from '../contract/api-types.ts';
import type { Queryable } from '../db/database.ts';
import type { FieldError } from '../http/problem.ts';
import { publicRecord } from './public-record.ts';
import { findCrisisResource, updateCrisisResource } from './crisis-resource-repository.ts';

/** The contract caps pairedWith at 10 ids. */
const MAX_PAIRED = 10;

/**
 * Pairing is kept mutual by the backend: naming B in A's pairedWith also adds A to B's (and removing it removes
 * both sides). Asking staff to edit both records instead would make a pairing impossible to create, because the
 * first of the two edits would always name a record that does not name it back yet.
 *
 * This checks, inside the write transaction and with the partners locked, that every newly named partner is an
 * active resource with room for one more pairing. `previous` is the record's pairedWith before the change.
 */
export async function pairingErrors(
  tx: Queryable,
  record: CrisisResource,
  previous: readonly string[],
  at = '/body/pairedWith',
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const [index, id] of record.pairedWith.entries()) {
    if (id === record.id) continue; // reported by the record rules
    const partner = await findCrisisResource(tx, id, { forUpdate: true });
    if (!partner || partner.status !== 'active') {
      errors.push({ field: `${at}/${index}`, message: 'is not the id of an active crisis resource' });
      continue;
    }
    const isNew = !previous.includes(id) && !partner.pairedWith.includes(record.id);
    if (isNew && partner.pairedWith.length >= MAX_PAIRED) {
      errors.push({
        field: `${at}/${index}`,
        message: `is already paired with ${MAX_PAIRED} resources, the most allowed`,
      });
    }
  }
  return errors;
}

async function changePartner(tx: Queryable, partnerId: string, change: (ids: string[]) => string[]): Promise<void> {
  const partner = await findCrisisResource(tx, partnerId, { forUpdate: true });
  if (!partner || partner.status !== 'active') return;
  const record = publicRecord(partner);
  const next = change(record.pairedWith);
  if (next.length === record.pairedWith.length && next.every((id, index) => id === record.pairedWith[index])) return;
  await updateCrisisResource(tx, { ...record, pairedWith: next });
}

/** Mirrors a change of `id`'s pairedWith (from `previous` to `next`) onto the partners. Run after pairingErrors. */
export async function mirrorPairing(
  tx: Queryable,
  id: string,
  previous: readonly string[],
  next: readonly string[],
): Promise<void> {
  for (const partnerId of next) {
    if (partnerId !== id) await changePartner(tx, partnerId, (ids) => (ids.includes(id) ? ids : [...ids, id]));
  }
  for (const partnerId of previous) {
    if (!next.includes(partnerId)) {
      await changePartner(tx, partnerId, (ids) => ids.filter((other) => other !== id));
    }
  }
}
