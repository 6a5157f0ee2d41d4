/**
 * The contract's records as TypeScript types. They are generated from src/api/openapi.yaml by openapi-typescript
 * (`npm run generate:api`, also run on `npm ci` through the root `prepare` script) into src/api/schema.d.ts, and
 * this module only gives them short names. Handlers, repositories and seeds use these and never a hand-kept copy,
 * so a change to the contract shows up here as a type error. Only server-internal shapes (database rows, caches)
 * are written by hand, next to the code that uses them.
 */
import type { components, operations } from '../../../src/api/schema.d.ts';

export type Schemas = components['schemas'];

/** The declared query parameters of an operation (by operationId), as the request validator hands them over. */
export type QueryOf<OperationId extends keyof operations> = NonNullable<operations[OperationId]['parameters']['query']>;

/** The JSON request body of an operation (by operationId). */
export type JsonBodyOf<OperationId extends keyof operations> = operations[OperationId] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

export type Health = Schemas['Health'];
export type CampusConfig = Schemas['CampusConfig'];
export type WeeklyHours = Schemas['WeeklyHours'];
export type HoursRange = Schemas['HoursRange'];

export type CrisisResource = Schemas['CrisisResource'];
export type CrisisResourceInput = Schemas['CrisisResourceInput'];
export type CrisisResourcePatch = Schemas['CrisisResourcePatch'];
export type AdminCrisisResource = Schemas['AdminCrisisResource'];
export type AdminCrisisResourceList = Schemas['AdminCrisisResourceList'];
export type CrisisResourceList = Schemas['CrisisResourceList'];
export type ContactMethod = Schemas['ContactMethod'];
export type EmergencyNumber = Schemas['EmergencyNumber'];
export type ResourceScope = Schemas['ResourceScope'];
export type CrisisResourceStatus = Schemas['CrisisResourceStatus'];
export type Retirement = Schemas['CrisisResourceRetire'];
export type RetirementReason = Retirement['reason'];
export type Verification = Schemas['CrisisResourceVerify'];

export type CheckInRequest = Schemas['CheckInRequest'];
export type MoodCheckIn = Schemas['MoodCheckIn'];
export type Who5CheckIn = Schemas['Who5CheckIn'];
export type Phq4CheckIn = Schemas['Phq4CheckIn'];
export type CheckInTopic = Schemas['CheckInTopic'];
export type CheckInBand = Schemas['CheckInBand'];
export type CheckInResult = Schemas['CheckInResult'];
export type CheckInFollowUp = Schemas['CheckInFollowUp'];
export type CheckInContact = Schemas['CheckInContact'];
export type CheckInSettings = Schemas['CheckInSettings'];
export type CheckInSummary = Schemas['CheckInSummary'];
export type CheckInSummaryRow = Schemas['CheckInSummaryRow'];
export type CheckInFollowUpRequest = Schemas['CheckInFollowUpRequest'];
export type CheckInFollowUpList = Schemas['CheckInFollowUpList'];
export type CheckInFollowUpDone = Schemas['CheckInFollowUpDone'];
export type Suggestion = Schemas['Suggestion'];
export type SupportTopic = Schemas['SupportTopic'];
