/**
 * English strings: the reference table. Every other locale must have the same keys (checked by the type of
 * `Messages` and by a test) and the same {placeholders}. Wording follows the safe-messaging rules in DOMAIN.md:
 * plain, warm, brief; say what happens next; never blame the student.
 */
export const en = {
  'status.loading': 'Loading…',
  'status.slow': 'This is taking longer than usual. You can keep waiting or try again.',
  'error.notConfigured': 'This service is not set up on this page yet.',
  'error.network': 'We could not connect. Check your internet connection, then try again.',
  'error.timeout': 'The service took too long to answer. Please try again.',
  'error.server': 'Something went wrong on our side. Please try again in a moment.',
  'error.rateLimited': 'A lot of people are using this right now. Please try again in {seconds} seconds.',
  'error.invalidResponse': 'We got an answer we could not read. Please try again.',
  'action.retry': 'Try again',
  'help.needHelpNow': 'Need help now?',
  'help.urgent': 'If you are in danger or thinking about ending your life, you can get help right now.',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };
