import type { components } from '../../api/schema.js';

/**
 * The contract's `SupportTopic` codes (src/api/openapi.yaml): what a group, a peer request or a next step is about,
 * in the order lists and filters show them. One list for every element, so a topic the contract adds reaches all of
 * them at once. Their names are in `src/core/i18n/support-topics.ts`.
 */
export const SUPPORT_TOPICS = [
  'general',
  'stress',
  'studies',
  'anxiety',
  'low-mood',
  'loneliness',
  'relationships',
  'family',
  'grief',
  'identity',
  'lgbtqia',
  'discrimination',
  'neurodivergence',
  'disability',
  'chronic-illness',
  'body-image',
  'eating',
  'substance-use',
  'gambling',
  'money',
  'housing',
  'sleep',
  'trauma',
  'sexual-violence',
  'abuse',
  'self-harm',
  'suicidal-thoughts',
  'other',
] as const;

export type SupportTopic = (typeof SUPPORT_TOPICS)[number];

/**
 * The contract's `SharedExperience` codes: what a student may wish a peer supporter to share with them, in the order
 * the request form offers them. Asked for by `<peer-request-button>`, shown by `<peer-supporter-inbox>`.
 */
export const SHARED_EXPERIENCES = [
  'lgbtqia',
  'international-student',
  'student-parent',
  'disability',
  'neurodivergence',
  'first-generation',
  'bipoc',
  'mature-student',
  'faith',
  'care-experience',
] as const;

export type SharedExperience = (typeof SHARED_EXPERIENCES)[number];

// Compiles only while each list is exactly the contract's enum: a code added or removed there fails the type check.
// Nothing here is exported, so the published types never reach for the contract's generated schema.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const matchesContract: Same<SupportTopic, components['schemas']['SupportTopic']> = true;
void matchesContract;
const sharedMatchesContract: Same<SharedExperience, components['schemas']['SharedExperience']> = true;
void sharedMatchesContract;
