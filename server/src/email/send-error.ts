/**
 * Why a message was not sent, in words that carry no personal data. The mail library's own messages can quote the
 * recipient ("Invalid recipient …", a server's "550 <…>: unknown user"), so only its codes are kept.
 */
export class EmailSendError extends Error {
  override readonly name = 'EmailSendError';
  /**
   * The mail library's code (ECONNECTION, ETIMEDOUT, EAUTH, EENVELOPE, EMESSAGE, ETLS, EPROTOCOL…), a file system
   * code for the outbox (ENOSPC, EACCES…), or EABORT when the send timed out as a whole.
   */
  readonly code: string;
  /** The SMTP server's reply code, when it answered (e.g. 421, 550). */
  readonly responseCode: number | undefined;
  /** The SMTP command that failed, without its arguments (e.g. "RCPT TO", "DATA", "CONN"). */
  readonly command: string | undefined;
  /**
   * Whether the same message may go through later: no answer, a timeout or a 4xx reply. False for a 5xx reply,
   * which the server means as final.
   */
  readonly temporary: boolean;

  constructor(fields: { code: string; responseCode?: number; command?: string }) {
    const { code, responseCode, command } = fields;
    super(`email not sent: ${code}${responseCode ? ` ${responseCode}` : ''}${command ? ` at ${command}` : ''}`);
    this.code = code;
    this.responseCode = responseCode;
    this.command = command;
    this.temporary = responseCode === undefined || responseCode < 500;
  }

  /** The fields a log line may carry. */
  logFields(): Record<string, string | number | boolean | undefined> {
    return { code: this.code, responseCode: this.responseCode, command: this.command, temporary: this.temporary };
  }
}

/** Only the verb of a command: "RCPT TO:<a@b>" would carry an address. */
function commandVerb(command: unknown): string | undefined {
  if (typeof command !== 'string') return undefined;
  const verb = /^[A-Za-z][A-Za-z ]*/.exec(command)?.[0].trim().toUpperCase();
  return verb || undefined;
}

/** An EmailSendError from whatever the mail library or the file system threw, keeping codes only. */
export function toEmailSendError(error: unknown): EmailSendError {
  if (error instanceof EmailSendError) return error;
  const fields = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const isAbort = fields.name === 'AbortError' || fields.name === 'TimeoutError';
  const code = isAbort
    ? 'EABORT'
    : typeof fields.code === 'string' && /^E[A-Z_]+$/.test(fields.code)
      ? fields.code
      : 'EUNKNOWN';
  const responseCode = typeof fields.responseCode === 'number' ? fields.responseCode : undefined;
  return new EmailSendError({ code, responseCode, command: commandVerb(fields.command) });
}
