import type { EmailMessage } from './mailer.ts';
import { registrationEmailTexts, type RegistrationEmailTexts } from './message-texts.ts';

/** What a registration email says. The caller formats the texts in the student's language and time zone. */
export interface RegistrationEmailInput {
  to: string;
  /** The group's real name, written only when `discreet` is false. */
  groupName: string;
  /**
   * Default true: the subject and body never name the group. The texts below are written as given, so in discreet
   * mode they must not carry the group's name or topic either (a room is fine; a link whose path names the group
   * is not).
   */
  discreet?: boolean;
  /** When it meets, e.g. "Thursdays 6–7:30 pm, next on Thu 3 Dec". */
  sessionsText: string;
  /** The room or online link. Never written into the waitlisted email: a waiting student does not get it yet. */
  joiningText?: string;
  /** Where the student cancels (or leaves the waiting list). */
  cancelUrl?: string;
  /** The waiting-list place, from 1 (waitlistedEmail only). */
  position?: number;
  /** BCP 47; languages without a table get English. */
  locale: 'en' | 'es' | string;
}

type Kind = 'registered' | 'waitlisted' | 'promoted';

/** Labelled lines, skipping those with nothing to say. */
function details(t: RegistrationEmailTexts, input: RegistrationEmailInput, withJoining: boolean): string[] {
  const lines = [`${t.when}: ${input.sessionsText}`];
  if (withJoining && input.joiningText) lines.push(`${t.joining}: ${input.joiningText}`);
  return lines;
}

function build(kind: Kind, input: RegistrationEmailInput): EmailMessage {
  const t = registrationEmailTexts(input.locale);
  const named = input.discreet === false;
  const group = input.groupName;
  const waitlisted = kind === 'waitlisted';

  let subject: string;
  let lead: string[];
  if (kind === 'waitlisted') {
    subject = named ? t.waitlisted.subjectNamed(group) : t.waitlisted.subject;
    lead = [
      named ? t.waitlisted.leadNamed(group, input.position) : t.waitlisted.lead(input.position),
      t.waitlisted.next,
    ];
  } else {
    subject = named ? t[kind].subjectNamed(group) : t[kind].subject;
    lead = [named ? t[kind].leadNamed(group) : t[kind].lead];
  }

  const paragraphs = [t.greeting, lead.join(' '), details(t, input, !waitlisted).join('\n')];
  if (input.cancelUrl) paragraphs.push(`${waitlisted ? t.cancelWaitlisted : t.cancelRegistered}\n${input.cancelUrl}`);
  paragraphs.push(t.noReply);
  return { to: input.to, subject, text: `${paragraphs.join('\n\n')}\n` };
}

/** The student has a place. */
export function registeredEmail(input: RegistrationEmailInput): EmailMessage {
  return build('registered', input);
}

/** The group is full: the student is on the waiting list (without the room or link). */
export function waitlistedEmail(input: RegistrationEmailInput): EmailMessage {
  return build('waitlisted', input);
}

/** A place freed up and went to the student from the waiting list. */
export function promotedEmail(input: RegistrationEmailInput): EmailMessage {
  return build('promoted', input);
}

/** What an email about a change staff made to a group says (it ended, a session is cancelled or back on). */
export interface GroupChangeEmailInput {
  to: string;
  /** The group's real name, written only when `discreet` is false. */
  groupName: string;
  /** Default true: neither subject nor body names the group or anything that says what it is about. */
  discreet?: boolean;
  /** BCP 47; languages without a table get English. */
  locale: 'en' | 'es' | string;
}

export interface GroupEndedEmailInput extends GroupChangeEmailInput {
  /**
   * The campus counselling page (an https URL from the campus settings). Written only in a named email: such an
   * address usually says what it is for, which a discreet email must not.
   */
  counsellingUrl?: string;
}

export interface SessionChangeEmailInput extends GroupChangeEmailInput {
  /** The session, in the student's language and the group's time zone, e.g. "Tuesday, December 8, 6:00 – 7:00 PM EST". */
  sessionText: string;
}

/** The group was archived: it will not meet again, and the student's details are gone with it. */
export function groupEndedEmail(input: GroupEndedEmailInput): EmailMessage {
  const t = registrationEmailTexts(input.locale);
  const named = input.discreet === false;
  const group = input.groupName;
  const paragraphs = [
    t.greeting,
    `${named ? t.ended.leadNamed(group) : t.ended.lead} ${t.ended.thanks}`,
    t.ended.deleted,
    named ? t.ended.elsewhereNamed : t.ended.elsewhere,
  ];
  if (named && input.counsellingUrl) paragraphs.push(`${t.ended.counselling}\n${input.counsellingUrl}`);
  paragraphs.push(t.noReply);
  return {
    to: input.to,
    subject: named ? t.ended.subjectNamed(group) : t.ended.subject,
    text: `${paragraphs.join('\n\n')}\n`,
  };
}

function sessionChange(kind: 'sessionCancelled' | 'sessionBackOn', input: SessionChangeEmailInput): EmailMessage {
  const t = registrationEmailTexts(input.locale);
  const texts = t[kind];
  const named = input.discreet === false;
  const group = input.groupName;
  const paragraphs = [
    t.greeting,
    named ? texts.leadNamed(group) : texts.lead,
    `${t.when}: ${input.sessionText}`,
    texts.next,
    t.noReply,
  ];
  return {
    to: input.to,
    subject: named ? texts.subjectNamed(group) : texts.subject,
    text: `${paragraphs.join('\n\n')}\n`,
  };
}

/** One session of the group is cancelled (the student keeps their place in the others). */
export function sessionCancelledEmail(input: SessionChangeEmailInput): EmailMessage {
  return sessionChange('sessionCancelled', input);
}

/** A cancelled session will go ahead after all. */
export function sessionBackOnEmail(input: SessionChangeEmailInput): EmailMessage {
  return sessionChange('sessionBackOn', input);
}
