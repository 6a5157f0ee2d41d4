import type { components } from '../../../api/schema.js';
import { arr, bool, int, lenientArr, literal, obj, opt, record, str, type Infer } from '../../../core/api/shape.js';

/**
 * Runtime checks for crisis data from a backend or a static file, limited to what the widget reads and mirroring the
 * contract's limits. Anything unexpected is dropped per record, so one bad record never hides the good ones.
 */
const COUNTRY = /^[A-Z]{2}$/;
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

const hoursRange = obj({
  day: literal('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'),
  opens: str({ max: 5, pattern: HH_MM }),
  closes: str({ max: 5, pattern: /^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/ }),
});

const weeklyHours = obj({
  timeZone: str({ max: 64, min: 1 }),
  alwaysOpen: bool,
  weekly: arr(hoursRange, { max: 50 }),
});

const address = obj({
  line1: str({ max: 120, min: 1 }),
  line2: opt(str({ max: 120 })),
  locality: str({ max: 80, min: 1 }),
  region: opt(str({ max: 80 })),
  postalCode: opt(str({ max: 20 })),
  country: str({ max: 2, pattern: COUNTRY }),
  directionsUrl: opt(str({ max: 2048 })),
});

const contactMethod = obj({
  type: literal('phone', 'sms', 'chat', 'whatsapp', 'email', 'walk-in', 'tty', 'video-relay', 'website'),
  value: str({ max: 2048, min: 1 }),
  displayValue: opt(str({ max: 80, min: 1 })),
  label: opt(str({ max: 80, min: 1 })),
  smsKeyword: opt(str({ max: 30, min: 1 })),
  url: opt(str({ max: 2048 })),
  hours: weeklyHours,
  address: opt(address),
});

const methodTranslation = obj({
  label: opt(str({ max: 80, min: 1 })),
  displayValue: opt(str({ max: 80, min: 1 })),
});

const translation = obj({
  name: opt(str({ max: 120, min: 1 })),
  description: opt(str({ max: 1000, min: 1 })),
  confidentialityNote: opt(str({ max: 500, min: 1 })),
  contactMethods: opt(arr(methodTranslation, { max: 20 })),
});

export const crisisResourceCheck = obj({
  id: str({ max: 64, min: 1 }),
  name: str({ max: 120, min: 1 }),
  description: str({ max: 1000, min: 1 }),
  country: str({ max: 2, pattern: COUNTRY }),
  subdivisions: arr(str({ max: 6 }), { max: 100 }),
  scope: literal('national', 'regional', 'campus'),
  audiences: arr(str({ max: 40 }), { max: 21 }),
  languages: arr(str({ max: 35, pattern: LANGUAGE }), { max: 30 }),
  humanSupport: literal('trained-volunteer', 'professional', 'peer', 'automated'),
  free: bool,
  anonymous: bool,
  confidentialityNote: opt(str({ max: 500, min: 1 })),
  isEmergency: bool,
  priority: int({ min: 0, max: 1000 }),
  pairedWith: arr(str({ max: 64 }), { max: 10 }),
  verifiedAt: str({ max: 10, pattern: /^\d{4}-\d{2}-\d{2}$/ }),
  source: obj({ name: str({ max: 120, min: 1 }), url: str({ max: 2048 }) }),
  contactMethods: arr(contactMethod, { max: 20, min: 1 }),
  lang: opt(str({ max: 35, pattern: LANGUAGE })),
  translations: opt(record(LANGUAGE, translation, { max: 20 })),
});

export const emergencyNumberCheck = obj({
  country: str({ max: 2, pattern: COUNTRY }),
  number: str({ max: 6, pattern: /^[0-9]{2,6}$/ }),
  services: arr(literal('police', 'ambulance', 'fire', 'general'), { max: 4, min: 1 }),
  from: opt(literal('mobile', 'landline')),
  note: opt(str({ max: 200 })),
});

/** A crisis resource list from `GET /crisis-resources` or a static file, checked record by record. */
export const crisisResourceListCheck = obj({
  items: lenientArr(crisisResourceCheck, { max: 500 }),
  generatedAt: opt(str({ max: 40 })),
  emergencyNumbers: opt(lenientArr(emergencyNumberCheck, { max: 600 })),
});

export type CrisisResource = Infer<typeof crisisResourceCheck>;
export type ContactMethod = CrisisResource['contactMethods'][number];
export type EmergencyNumber = Infer<typeof emergencyNumberCheck>;
export type WeeklyHours = ContactMethod['hours'];
export type CrisisResourceList = Infer<typeof crisisResourceListCheck>;

// The checked types must stay assignable from the contract's generated types: if the contract changes a field the
// widget reads, type checking fails here instead of the widget misreading data.
type Contract = components['schemas'];
type Expect<T extends true> = T;
type Assignable<From, To> = [From] extends [To] ? true : false;
export type ContractCompatibility = [
  Expect<Assignable<Contract['CrisisResource'], CrisisResource>>,
  Expect<Assignable<Contract['EmergencyNumber'], EmergencyNumber>>,
];
