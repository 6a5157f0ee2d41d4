import { arr, bool, int, literal, nullable, obj, opt, str, type Infer } from '../../../core/api/shape.js';

/**
 * Shape checks for the supporter endpoints (the contract's SupporterSession, SupporterQueue, SupporterRequest and
 * SupporterNoteList). Strings and lists are bounded as the contract bounds them; identifiers match its Id pattern,
 * since they end up in element ids and URLs. Codes the inbox does not know are kept as text, never as markup.
 */

const id = str({ min: 1, max: 64, pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/ });
const code = str({ min: 1, max: 64 });
const instant = str({ min: 10, max: 40 });

export const STATES = ['queued', 'claimed', 'in-progress', 'closed', 'cancelled', 'escalated-to-professional'] as const;
export type RequestState = (typeof STATES)[number];

const supporterRef = obj({ id, displayName: str({ max: 60 }) });
export type SupporterRef = Infer<typeof supporterRef>;

const training = obj({ current: bool, expiresOn: nullable(str({ max: 10 })) });

export const profileCheck = obj({
  id,
  displayName: str({ max: 60 }),
  roles: arr(code, { max: 10 }),
  training: opt(training),
});
export type SupporterProfile = Infer<typeof profileCheck>;

export const sessionCheck = obj({
  token: str({ min: 16, max: 512 }),
  tokenType: literal('Bearer'),
  expiresAt: instant,
  supporter: profileCheck,
});
export type SupporterSession = Infer<typeof sessionCheck>;

const when = obj({ mode: literal('asap', 'scheduled'), at: opt(instant) });

const contact = obj({
  method: literal('anonymous-code', 'email', 'phone'),
  email: opt(str({ max: 254 })),
  phone: opt(str({ max: 20 })),
  textOk: opt(bool),
});

const escalation = obj({
  id,
  reason: code,
  createdAt: instant,
  createdBy: supporterRef,
  acknowledgedAt: opt(nullable(instant)),
});

export const requestCheck = obj({
  requestId: id,
  status: literal(...STATES),
  topic: code,
  supportKind: code,
  channel: code,
  when,
  language: str({ min: 1, max: 35 }),
  preferences: opt(obj({ supporterGender: opt(code), sharedExperience: opt(arr(code, { max: 5 })) })),
  note: opt(str({ max: 500 })),
  contactMethod: literal('anonymous-code', 'email', 'phone'),
  contact: opt(contact),
  position: nullable(int({ min: 1 })),
  claimedBy: nullable(supporterRef),
  claimedAt: opt(instant),
  escalation: opt(escalation),
  outcome: opt(code),
  closedAt: opt(instant),
  noteCount: opt(int({ min: 0 })),
  createdAt: instant,
  updatedAt: instant,
});
export type SupporterRequest = Infer<typeof requestCheck>;

export const queueCheck = obj({ items: arr(requestCheck, { max: 100 }), nextCursor: nullable(str({ max: 512 })) });
export type SupporterQueue = Infer<typeof queueCheck>;

export const NOTE_KINDS = ['note', 'handoff', 'safety'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const noteCheck = obj({
  id,
  requestId: id,
  kind: literal(...NOTE_KINDS),
  text: str({ max: 2000 }),
  author: supporterRef,
  createdAt: instant,
});
export type SupporterNote = Infer<typeof noteCheck>;

export const noteListCheck = obj({ items: arr(noteCheck, { max: 500 }) });

export const ESCALATION_REASONS = [
  'risk-to-life',
  'risk-to-others',
  'safeguarding',
  'medical-emergency',
  'beyond-peer-support',
  'supporter-needs-support',
  'other',
] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

export const CLOSE_OUTCOMES = [
  'supported',
  'referred-to-counselling',
  'referred-to-crisis-line',
  'referred-to-other-service',
  'handled-by-professional',
  'student-left',
  'no-response',
  'duplicate',
  'other',
] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];

/** Training that lets this supporter claim: `unknown` when the page signed in for us and no profile came back. */
export type TrainingState = 'current' | 'missing' | 'expired' | 'unknown';

export function trainingState(profile: SupporterProfile | undefined): TrainingState {
  if (!profile?.training) return profile ? 'missing' : 'unknown';
  if (profile.training.current) return 'current';
  return profile.training.expiresOn ? 'expired' : 'missing';
}

export const isSupervisor = (profile: SupporterProfile | undefined) => !!profile?.roles.includes('supervisor');

/**
 * Whether this supporter may see a request's private parts (the student's note, contact, and supporters' notes):
 * the holder and supervisors only. Checked here too, not only on the server, so that a backend that sends more
 * than it should still never puts a note in front of someone who has not claimed the request.
 */
export function mayReadPrivate(
  request: SupporterRequest,
  profile: SupporterProfile | undefined,
  heldHere: ReadonlySet<string>,
): boolean {
  if (isSupervisor(profile)) return true;
  const holder = request.claimedBy?.id;
  if (!holder) return false;
  return profile ? holder === profile.id : heldHere.has(request.requestId);
}
