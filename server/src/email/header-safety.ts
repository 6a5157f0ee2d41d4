/**
 * What may go into a mail header. A line break in a header value would end that header and let the rest be read as
 * headers of the sender's choosing (a Bcc, a second body), so every value is checked here before the mail library
 * sees it: subjects are flattened to one line, addresses with anything that is not a single mailbox are refused.
 */

/** An address or display name that cannot go into a header as it is. Its message never repeats the value. */
export class EmailAddressError extends Error {
  override readonly name = 'EmailAddressError';
}

/** C0 and C1 control characters, DEL, and the Unicode line and paragraph separators. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
const CONTROL_RUNS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/gu;

/**
 * A subject as one line of text: every run of control characters (CR, LF, tab…) becomes one space, and the ends are
 * trimmed. Stripping rather than refusing, since a subject is ours or a group's name, never an address.
 */
export function headerText(value: string): string {
  return value.replace(CONTROL_RUNS, ' ').trim();
}

/** The longest forward path SMTP allows (RFC 5321 §4.5.3.1.3 less the angle brackets). */
const MAX_ADDRESS_LENGTH = 254;

/**
 * One mailbox, `local@domain`, with nothing that could end a header or name a second recipient: no spaces, control
 * characters, commas, semicolons, angle brackets, quotes, parentheses or backslashes. Stricter than RFC 5322 (no
 * quoted local parts or comments), which only refuses addresses nobody types into a form. Non-ASCII is allowed.
 */
const MAILBOX = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/u;

/** True when `value` is a single plain mailbox that can be written into a header as it is. */
export function isPlainAddress(value: string): boolean {
  return value.length <= MAX_ADDRESS_LENGTH && !CONTROL.test(value) && MAILBOX.test(value);
}

/**
 * A recipient address, checked. Throws EmailAddressError (without the address in the message) when it is not a
 * single plain mailbox.
 */
export function recipientAddress(value: string): string {
  const address = value.trim();
  if (!isPlainAddress(address)) throw new EmailAddressError('the recipient is not a single plain email address');
  return address;
}

/** A sender: the address, and the display name mail clients show beside it (and on lock screens). */
export interface Mailbox {
  name?: string;
  address: string;
}

/** `Name <address>`, `"Name" <address>` or a bare address. */
const NAME_ADDR = /^(?:"([^"]*)"|([^"<>]*?))\s*<([^<>]*)>$/u;

/**
 * The sender from a setting such as EMAIL_FROM: `Student Services <no-reply@example.edu>`, with the name quoted or
 * not, or a bare address. Throws EmailAddressError, naming `setting` but not the value, for anything else,
 * including line breaks in the name.
 */
export function parseMailbox(value: string, setting = 'the sender'): Mailbox {
  const trimmed = value.trim();
  if (isPlainAddress(trimmed)) return { address: trimmed };
  const match = CONTROL.test(trimmed) ? null : NAME_ADDR.exec(trimmed);
  const name = (match?.[1] ?? match?.[2] ?? '').trim();
  const address = match?.[3]?.trim() ?? '';
  if (!match || !isPlainAddress(address)) {
    throw new EmailAddressError(`${setting} must be an address or "Name <address>", on one line`);
  }
  return name ? { name, address } : { address };
}
