import type { QueryOf, Schemas } from '../contract/api-types.ts';

/** The contract's group records under short names (generated from src/api/openapi.yaml; see api-types.ts). */
export type GroupScheduleRule = Schemas['GroupScheduleRule'];
export type GroupInput = Schemas['GroupInput'];
/** A GroupInput as sent: `registrationOpen` may be left out (the contract's default, true, then applies). */
export type NewGroup = Omit<GroupInput, 'registrationOpen'> & { registrationOpen?: boolean };
export type GroupPatch = Schemas['GroupPatch'];
export type GroupSummary = Schemas['GroupSummary'];
export type Group = Schemas['Group'];
export type AdminGroup = Schemas['AdminGroup'];
export type GroupList = Schemas['GroupList'];
export type AdminGroupList = Schemas['AdminGroupList'];
export type GroupLocation = Schemas['GroupLocation'];
export type Occurrence = Schemas['Occurrence'];
export type GroupRegistrationRequest = Schemas['GroupRegistrationRequest'];
export type GroupRegistration = Schemas['GroupRegistration'];
export type GroupSessionCancel = Schemas['GroupSessionCancel'];
export type GroupListQuery = QueryOf<'listGroups'>;

/**
 * What the database keeps of a group (groups.record): the admin's GroupInput with its defaults filled in, and the
 * sessions staff cancelled (local starts, soonest first). Everything else a view shows is derived from it and from
 * the group's row (counts, times).
 */
export type StoredGroup = GroupInput & { registrationOpen: boolean; cancelledSessions: string[] };
