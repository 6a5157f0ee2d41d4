import type { CompiledContract } from '../contract/compiled-contract.ts';
import { toFieldErrors } from '../contract/field-errors.ts';
import { componentSchemaValidator } from '../contract/schema-validator.ts';
import type { FieldError } from '../http/problem.ts';
import type { GroupInput, GroupPatch, NewGroup, StoredGroup } from './group-types.ts';
import { instantOf, isSessionStart, scheduleErrors } from './schedule.ts';

/** A new group as stored: registration open unless staff said otherwise, no session cancelled yet. */
export function storedFromInput(input: NewGroup): StoredGroup {
  return { ...structuredClone(input), registrationOpen: input.registrationOpen ?? true, cancelledSessions: [] };
}

/** The contract's input view of a stored group (what a PATCH merges into and what is checked again). */
export function inputOf(group: StoredGroup): GroupInput {
  const { cancelledSessions: _cancelled, ...input } = group;
  return input;
}

/**
 * The contract's merge rules for GroupPatch: a field sent replaces the stored one (lists whole), `null` removes an
 * optional field. A new schedule keeps only the cancellations that are still sessions of it.
 */
export function applyGroupPatch(group: StoredGroup, patch: GroupPatch): StoredGroup {
  const next = structuredClone(group) as unknown as Record<string, unknown>;
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete next[field];
    else next[field] = structuredClone(value);
  }
  const merged = next as unknown as StoredGroup;
  if (patch.schedule) {
    merged.cancelledSessions = merged.cancelledSessions.filter((start) => isSessionStart(merged.schedule, start));
  }
  return merged;
}

const FORMAT_NEEDS = {
  'in-person': ['venue'],
  online: ['online'],
  hybrid: ['venue', 'online'],
} as const;

/**
 * Everything a group must satisfy before it is saved, as 400 field errors: the contract's GroupInput schema on the
 * whole record (a merged patch has not been checked as a whole), the location its format needs, and a schedule
 * this server can expand.
 */
export function groupErrors(contract: CompiledContract, group: StoredGroup): FieldError[] {
  const validate = componentSchemaValidator(contract, 'GroupInput');
  if (!validate(inputOf(group))) return toFieldErrors('body', validate.errors);
  const errors: FieldError[] = [];
  for (const part of FORMAT_NEEDS[group.format]) {
    if (!group.location[part]) {
      errors.push({ field: `/body/location/${part}`, message: `is needed for a group that meets ${group.format}` });
    }
  }
  return [...errors, ...scheduleErrors(group.schedule, '/body/schedule')];
}

/** The local starts of the sessions staff cancelled that have not started yet, soonest first. */
export function cancelledSessionsToCome(group: StoredGroup, now: Date): string[] {
  return group.cancelledSessions.filter((start) => instantOf(start, group.schedule.timeZone) > now).sort();
}
