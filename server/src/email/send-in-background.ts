import type { Logger } from '../logging/logger.ts';
import type { EmailMessage, Mailer } from './mailer.ts';
import { EmailSendError } from './send-error.ts';

/**
 * Sends without holding up the caller: the HTTP answer that caused the email never waits for it or fails with it.
 * A failure is logged (the mailer has already logged its codes; anything else is logged here by name only) and
 * swallowed. The returned promise always resolves, so tests may await it; handlers should not.
 * @param purpose a fixed word for the log, e.g. "registered", never anything about the student
 */
export function sendInBackground(
  mailer: Mailer,
  message: EmailMessage,
  logger: Logger,
  purpose?: string,
): Promise<void> {
  return Promise.resolve()
    .then(() => mailer.send(message))
    .catch((error: unknown) => {
      if (error instanceof EmailSendError) {
        logger.warn('email dropped', { purpose, code: error.code, temporary: error.temporary });
      } else {
        logger.error('email dropped', { purpose, error: error instanceof Error ? error.name : 'unknown' });
      }
    });
}
