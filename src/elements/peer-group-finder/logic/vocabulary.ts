/**
 * The contract's closed lists for groups (src/api/openapi.yaml: SupportTopic, Audience, GroupFormat, DayOfWeek,
 * TimeOfDay, FacilitatorType, AccessibilityFeature), in the order the filters show them. The order is also the
 * canonical order of a filter's values, so two filter sets with the same choices compare equal.
 */

import { SUPPORT_TOPICS, type SupportTopic } from '../../../core/api/vocabulary.js';

/** Group topics are the contract's support topics, shared with every element. */
export const TOPICS = SUPPORT_TOPICS;

export const AUDIENCES = [
  'everyone',
  'students',
  'undergraduate',
  'postgraduate',
  'international-students',
  'youth',
  'adults',
  'lgbtqia',
  'trans-nonbinary',
  'women',
  'men',
  'bipoc',
  'indigenous',
  'first-generation',
  'student-parents',
  'carers',
  'disabled',
  'neurodivergent',
  'mature-students',
  'veterans',
  'staff',
] as const;

export const FORMATS = ['in-person', 'online', 'hybrid'] as const;
/** ISO 8601 order: Monday first. */
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const TIMES_OF_DAY = ['morning', 'afternoon', 'evening'] as const;
export const FACILITATORS = ['trained-peer', 'lived-experience', 'clinician'] as const;
export const ACCESSIBILITY = [
  'step-free',
  'accessible-toilet',
  'gender-neutral-toilet',
  'hearing-loop',
  'captions',
  'sign-language',
  'quiet-room',
  'low-sensory',
  'large-print',
  'screen-reader-friendly',
  'camera-optional',
  'breaks',
] as const;

export type { SupportTopic };
export type Audience = (typeof AUDIENCES)[number];
export type GroupFormat = (typeof FORMATS)[number];
export type DayOfWeek = (typeof DAYS)[number];
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];
export type FacilitatorType = (typeof FACILITATORS)[number];
export type AccessibilityFeature = (typeof ACCESSIBILITY)[number];

/** A BCP 47 tag as the contract's LanguageTag allows it. */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
