import nodemailer from 'nodemailer';
import type { Logger } from '../logging/logger.ts';
import { EmailAddressError, headerText, parseMailbox, recipientAddress, type Mailbox } from './header-safety.ts';
import { writeOutboxFile } from './outbox-file.ts';
import { EmailSendError, toEmailSendError } from './send-error.ts';
import { parseSmtpUrl } from './smtp-url.ts';

/** One email to one student. Plain text always; HTML only as an alternative to the same words. */
export interface EmailMessage {
  /** A single plain address. Anything else (a second address, a line break) is refused before sending. */
  to: string;
  /** One line; line breaks and other control characters are flattened to spaces. */
  subject: string;
  text: string;
  html?: string;
}

/** Sends email. Callers in a request should use sendInBackground, so a slow or failing server never holds the answer. */
export interface Mailer {
  /**
   * Resolves once the SMTP server accepted the message (or the outbox file is in place). Rejects with
   * EmailAddressError for an address that is not a single plain mailbox, or EmailSendError (see `temporary`) when
   * sending failed; either way nothing personal is in the error or the log.
   */
  send(message: EmailMessage): Promise<void>;
}

export interface MailerOptions {
  /** SMTP_URL: `smtp://user:pass@host:587` (STARTTLS) or `smtps://…:465`. Unset: messages go to `outboxDir`. */
  smtpUrl?: string;
  /** EMAIL_FROM: `Name <address>` or an address. Its name is what inboxes and lock screens show. */
  from: string;
  /** Where `.eml` files are written when there is no SMTP_URL. */
  outboxDir: string;
  logger?: Logger;
  /**
   * The longest one SMTP send may take, connecting included, in milliseconds; past it the send is abandoned and
   * rejects with code EABORT. Default 30 000.
   */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** Mail through SMTP when `smtpUrl` is set, else into the outbox folder. Logs once which it is. */
export function createMailer(options: MailerOptions): Mailer & { close(): Promise<void> } {
  const from = parseMailbox(options.from, 'EMAIL_FROM');
  const logger = options.logger;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transport = options.smtpUrl
    ? smtpTransport(options.smtpUrl, timeoutMs, logger)
    : outboxTransport(options.outboxDir, logger);
  const pending = new Set<Promise<void>>();

  const deliver = async (message: EmailMessage): Promise<void> => {
    try {
      const detail = await transport.send({
        from,
        to: recipientAddress(message.to),
        subject: headerText(message.subject),
        text: message.text,
        ...(message.html === undefined ? {} : { html: message.html }),
      });
      logger?.info('email sent', { transport: transport.kind, ...detail });
    } catch (error) {
      if (error instanceof EmailSendError) {
        logger?.error('email not sent', { transport: transport.kind, ...error.logFields() });
      } else if (error instanceof EmailAddressError) {
        logger?.error('email not sent', { transport: transport.kind, code: 'EADDRESS', temporary: false });
      }
      throw error;
    }
  };

  return {
    send(message) {
      const sending = deliver(message);
      const settled = sending.then(
        () => undefined,
        () => undefined,
      );
      pending.add(settled);
      void settled.then(() => pending.delete(settled));
      return sending;
    },
    /** Waits for sends under way, then lets the connection go. */
    async close() {
      await Promise.all(pending);
      transport.close();
    },
  };
}

interface Outgoing {
  from: Mailbox;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

interface Transport {
  kind: 'smtp' | 'outbox';
  /** Sends; resolves with log fields free of personal data, or rejects with EmailSendError. */
  send(message: Outgoing): Promise<Record<string, string>>;
  close(): void;
}

/** Never read files or URLs named in a message: every part here is our own text. */
const NO_OUTSIDE_CONTENT = { disableFileAccess: true, disableUrlAccess: true } as const;

function smtpTransport(smtpUrl: string, timeoutMs: number, logger: Logger | undefined): Transport {
  const endpoint = parseSmtpUrl(smtpUrl);
  const mail = nodemailer.createTransport({
    url: endpoint.url,
    requireTLS: endpoint.requireTLS,
    // Each step gets its own limit, within the whole send's limit below.
    connectionTimeout: Math.min(10_000, timeoutMs),
    greetingTimeout: Math.min(10_000, timeoutMs),
    socketTimeout: timeoutMs,
    ...NO_OUTSIDE_CONTENT,
  });
  logger?.info('email goes out through SMTP', {
    host: endpoint.host,
    port: endpoint.port,
    tls: endpoint.secure ? 'implicit' : endpoint.requireTLS ? 'starttls-required' : 'starttls-if-offered',
  });
  return {
    kind: 'smtp',
    async send(message) {
      try {
        const info = await mail.sendMail({ ...message, signal: AbortSignal.timeout(timeoutMs) });
        if (info.rejected.length > 0) throw new EmailSendError({ code: 'EENVELOPE', command: 'RCPT TO' });
        return {};
      } catch (error) {
        throw toEmailSendError(error);
      }
    },
    close: () => mail.close(),
  };
}

function outboxTransport(outboxDir: string, logger: Logger | undefined): Transport {
  // The same library composes the file as it would the SMTP message: RFC 5322 headers, UTF-8 encoded words, CRLF.
  const mail = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
    ...NO_OUTSIDE_CONTENT,
  });
  logger?.info('email is written to the outbox folder, not sent: set SMTP_URL to send it', { outboxDir });
  return {
    kind: 'outbox',
    async send(message) {
      try {
        const info = await mail.sendMail(message);
        const file = await writeOutboxFile(outboxDir, info.message as Buffer);
        return { file };
      } catch (error) {
        throw toEmailSendError(error);
      }
    },
    close: () => mail.close(),
  };
}
