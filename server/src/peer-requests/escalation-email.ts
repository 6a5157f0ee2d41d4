import type { Schemas } from '../contract/api-types.ts';
import type { EmailMessage } from '../email/mailer.ts';

/** How each escalation reason reads in the alert. */
const REASONS: Record<Schemas['EscalationReason'], string> = {
  'risk-to-life': 'Risk to life',
  'risk-to-others': 'Risk to others',
  safeguarding: 'Safeguarding concern',
  'medical-emergency': 'Medical emergency',
  'beyond-peer-support': 'Beyond what peer support can offer',
  'supporter-needs-support': 'The supporter needs support',
  other: 'Other',
};

const CONTACT_METHODS: Record<'anonymous-code' | 'email' | 'phone', string> = {
  'anonymous-code': 'only through the service (anonymous status code)',
  email: 'by email',
  phone: 'by phone',
};

export interface EscalationAlert {
  /** ON_CALL_EMAIL. */
  to: string;
  campusName: string;
  /** The campus's zone, in which the time is written. */
  timeZone: string;
  requestId: string;
  reason: Schemas['EscalationReason'];
  escalatedAt: Date;
  /** The supporter's display name, so the professional knows whom to call first. */
  escalatedBy: string;
  channel: Schemas['PeerChannel'];
  language: string;
  contactMethod: 'anonymous-code' | 'email' | 'phone';
  /** Where supervisors sign in to read the request (SUPPORTER_INBOX_URL), if configured. */
  inboxUrl?: string;
}

/**
 * The alert to the on-call professional. It says that a request needs them now, why (the reason from the fixed
 * list), when, who escalated it, how the student asked to talk and how they can be reached, and where to read the
 * rest. It deliberately leaves out the student's note, the supporter's escalation note, the topic and the contact
 * details: an email is copied to servers this service does not control, kept in mailboxes past the retention
 * period that deletes everything else, and previewed on lock screens. What is left is enough to act at once (call
 * the supporter, sign in); the details are one sign-in away, shown only to supervisors, and deleted on time.
 */
export function escalationEmail(alert: EscalationAlert): EmailMessage {
  const when = new Intl.DateTimeFormat('en', {
    timeZone: alert.timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(alert.escalatedAt);
  let language = alert.language;
  try {
    language = new Intl.DisplayNames('en', { type: 'language', fallback: 'code' }).of(alert.language) ?? language;
  } catch {
    // A tag the contract's pattern admits but Intl refuses: written as sent.
  }
  const lines = [
    `Reason: ${REASONS[alert.reason]}`,
    `Request: ${alert.requestId}`,
    `Escalated: ${when}`,
    `By: ${alert.escalatedBy} (peer supporter)`,
    `The student asked for: ${alert.channel}, in ${language}`,
    `They can be reached: ${CONTACT_METHODS[alert.contactMethod]}`,
  ];
  const paragraphs = [
    `A peer supporter at ${alert.campusName} has handed a request to the on-call professional.`,
    lines.join('\n'),
    alert.inboxUrl
      ? `Sign in to the supporter inbox to read the request and how to reach the student:\n${alert.inboxUrl}`
      : 'Sign in to the supporter inbox to read the request and how to reach the student.',
    'This email leaves out what the student and the supporter wrote, and the contact details, on purpose: email ' +
      'is kept and shown in places this service does not control.',
    'If a life is in danger now, follow your emergency protocol.',
  ];
  return {
    to: alert.to,
    subject: `Urgent: a peer support request needs the on-call professional (${alert.requestId})`,
    text: `${paragraphs.join('\n\n')}\n`,
  };
}
