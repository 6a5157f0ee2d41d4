/**
 * RFC 5545 §3.1 content lines: TEXT escaping, parameter quoting, and folding at 75 octets of UTF-8.
 */

/**
 * A TEXT value (§3.3.11): backslash, semicolon and comma escaped, a newline written as `\n`. CR is dropped (so CRLF
 * becomes one newline), and so are the other control characters TEXT cannot carry; tab stays.
 */
export function escapeText(value: string): string {
  return value
    .replace(/[\0-\x08\x0b-\x1f\x7f]/g, '')
    .replace(/[\\;,]/g, '\\$&')
    .replace(/\n/g, '\\n');
}

/** A parameter value (§3.2): quoted when it holds `;`, `:` or `,`; control characters and `"` cannot appear at all. */
export function paramValue(value: string): string {
  const safe = value.replace(/[\0-\x1f\x7f"]/g, '');
  return /[;:,]/.test(safe) ? `"${safe}"` : safe;
}

/**
 * One content line folded so that no physical line is longer than 75 octets (the leading space of a continuation
 * counts), breaking only between code points so that no UTF-8 sequence is split. A lone surrogate counts 3 octets,
 * the size of the U+FFFD it becomes when the text is encoded.
 */
export function fold(line: string): string {
  let folded = '';
  let octets = 0;
  for (const char of line) {
    const code = char.codePointAt(0)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > 75) {
      folded += '\r\n ';
      octets = 1;
    }
    folded += char;
    octets += size;
  }
  return folded;
}
