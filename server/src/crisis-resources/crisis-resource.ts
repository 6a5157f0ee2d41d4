import type { WeeklyHours } from '../campus-config/campus-config.ts';

/** Crisis data as the contract shapes it (CrisisResource, AdminCrisisResource, EmergencyNumber, ...). */
export type ResourceScope = 'national' | 'regional' | 'campus';
export type ResourceStatus = 'active' | 'retired';
export type RetirementReason = 'service-ended' | 'replaced' | 'duplicate' | 'inaccurate' | 'other';

export interface Address {
  line1: string;
  line2?: string;
  locality: string;
  region?: string;
  postalCode?: string;
  country: string;
  directionsUrl?: string;
}

export interface ContactMethod {
  type: 'phone' | 'sms' | 'chat' | 'whatsapp' | 'email' | 'walk-in' | 'tty' | 'video-relay' | 'website';
  value: string;
  displayValue?: string;
  label?: string;
  smsKeyword?: string;
  url?: string;
  hours: WeeklyHours;
  address?: Address;
}

export interface DataSource {
  name: string;
  url: string;
}

export interface ResourceTranslation {
  name?: string;
  description?: string;
  confidentialityNote?: string;
}

/** The public record, stored whole in crisis_resources.record. */
export interface CrisisResource {
  id: string;
  name: string;
  description: string;
  country: string;
  subdivisions: string[];
  scope: ResourceScope;
  topics: string[];
  audiences: string[];
  languages: string[];
  humanSupport: 'trained-volunteer' | 'professional' | 'peer' | 'automated';
  free: boolean;
  anonymous: boolean;
  confidentialityNote?: string;
  isEmergency: boolean;
  priority: number;
  pairedWith: string[];
  verifiedAt: string;
  source: DataSource;
  contactMethods: ContactMethod[];
  translations?: Record<string, ResourceTranslation>;
}

/** CrisisResourceInput: a new record, where id, priority and pairedWith may be left to the backend. */
export type CrisisResourceInput = Omit<CrisisResource, 'id' | 'priority' | 'pairedWith'> &
  Partial<Pick<CrisisResource, 'id' | 'priority' | 'pairedWith'>>;

export interface Retirement {
  reason: RetirementReason;
  note?: string;
  replacedBy?: string;
}

export interface Verification {
  verifiedAt?: string;
  source?: DataSource;
  note?: string;
}

/** What staff see: the record with its status and history. */
export interface AdminCrisisResource extends CrisisResource {
  status: ResourceStatus;
  createdAt: string;
  updatedAt: string;
  retiredAt?: string;
  retirement?: Retirement;
  verificationNote?: string;
}

export interface EmergencyNumber {
  country: string;
  number: string;
  services: Array<'police' | 'ambulance' | 'fire' | 'general'>;
  note?: string;
}

const STAFF_ONLY_FIELDS = ['status', 'createdAt', 'updatedAt', 'retiredAt', 'retirement', 'verificationNote'] as const;

/** The public record inside a staff view (drops status and history). */
export function publicRecord(resource: AdminCrisisResource): CrisisResource {
  const record: Partial<AdminCrisisResource> = { ...resource };
  for (const field of STAFF_ONLY_FIELDS) delete record[field];
  return record as CrisisResource;
}
