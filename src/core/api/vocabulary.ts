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

// Compiles only while the list is exactly the contract's enum: a topic added or removed there fails the type check.
// Nothing here is exported, so the published types never reach for the contract's generated schema.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const matchesContract: Same<SupportTopic, components['schemas']['SupportTopic']> = true;
void matchesContract;
