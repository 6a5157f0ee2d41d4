import type { Channel, SupportKind, Topic } from './request-data.js';
import { SHARED } from './request-data.js';

/**
 * What the student has answered so far. It lives on the element (never in browser storage) from the first answer
 * until the request is sent, so closing the dialog, Escape, Back and Next lose nothing.
 */
export interface RequestForm {
  safety: '' | 'yes' | 'no';
  topic: Topic | '';
  note: string;
  supportKind: SupportKind;
  channel: Channel;
  when: 'asap' | 'scheduled';
  /** The value of a `datetime-local` input, in the student's own time: "2026-12-01T18:30". */
  at: string;
  language: string;
  gender: string;
  shared: readonly string[];
  contact: 'anonymous-code' | 'email' | 'phone';
  email: string;
  phone: string;
  textOk: boolean;
  consent: boolean;
}

export const STEPS = ['safety', 'topic', 'kind', 'channel', 'when', 'language', 'contact', 'consent'] as const;
export type Step = (typeof STEPS)[number];

/** A field that needs attention, by the id of its control. */
export type FieldError = 'safety' | 'topic' | 'note' | 'at' | 'shared' | 'email' | 'phone' | 'consent';

export function emptyForm(language: string): RequestForm {
  return {
    safety: '',
    topic: '',
    note: '',
    supportKind: 'listen',
    channel: 'chat',
    when: 'asap',
    at: '',
    language,
    gender: '',
    shared: [],
    contact: 'anonymous-code',
    email: '',
    phone: '',
    textOk: false,
    consent: false,
  };
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}\.[A-Za-z]{2,63}$/;
const E164 = /^\+[1-9][0-9]{6,14}$/;
const MIN_AHEAD_MS = 15 * 60_000;
const MAX_AHEAD_MS = 30 * 86_400_000;

/** "+1 (212) 555-0123" → "+12125550123": people type numbers with spaces and brackets. */
export function cleanPhone(text: string): string {
  return text.replace(/[\s().-]/g, '');
}

/** The instant a `datetime-local` value names on the student's clock, or NaN. */
export function localInstant(value: string): number {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(value) ? new Date(value).getTime() : NaN;
}

/** The problems on one step, in the order of its fields. */
export function validateStep(step: Step, form: RequestForm, now = Date.now()): FieldError[] {
  switch (step) {
    case 'safety':
      return form.safety === 'no' ? [] : ['safety'];
    case 'topic': {
      const errors: FieldError[] = [];
      if (!form.topic) errors.push('topic');
      if ([...form.note.trim()].length > 500) errors.push('note');
      return errors;
    }
    case 'when': {
      if (form.when === 'asap') return [];
      const ahead = localInstant(form.at) - now;
      return ahead >= MIN_AHEAD_MS && ahead <= MAX_AHEAD_MS ? [] : ['at'];
    }
    case 'language':
      return form.shared.length > 5 ? ['shared'] : [];
    case 'contact':
      if (form.contact === 'email' && !EMAIL.test(form.email.trim())) return ['email'];
      if (form.contact === 'phone' && !E164.test(cleanPhone(form.phone))) return ['phone'];
      return [];
    case 'consent':
      return form.consent ? [] : ['consent'];
    default:
      return [];
  }
}

/**
 * The contract's PeerRequestCreate. Only what the student chose goes: no empty note, no preferences when none were
 * given, and an email or phone only when that is how they asked to be reached.
 */
export function requestBody(form: RequestForm, noticeVersion: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    topic: form.topic,
    supportKind: form.supportKind,
    channel: form.channel,
    when:
      form.when === 'scheduled'
        ? { mode: 'scheduled', at: new Date(localInstant(form.at)).toISOString() }
        : { mode: 'asap' },
    language: form.language,
    contact:
      form.contact === 'email'
        ? { method: 'email', email: form.email.trim() }
        : form.contact === 'phone'
          ? { method: 'phone', phone: cleanPhone(form.phone), textOk: form.textOk }
          : { method: 'anonymous-code' },
    consent: { accepted: true, noticeVersion },
  };
  const note = form.note.trim();
  if (note) body['note'] = note;
  const preferences: Record<string, unknown> = {};
  if (form.gender) preferences['supporterGender'] = form.gender;
  const shared = form.shared.filter((item) => (SHARED as readonly string[]).includes(item));
  if (shared.length) preferences['sharedExperience'] = shared;
  if (Object.keys(preferences).length) body['preferences'] = preferences;
  return body;
}
