/**
 * SMTP_URL, read once at start: `smtp://user:pass@host:587` (STARTTLS) or `smtps://user:pass@host:465` (TLS from
 * the first byte). Errors and descriptions never repeat the URL, which carries a password.
 */
export interface SmtpEndpoint {
  /** The URL as given, for the mail library to read (with its query options). */
  url: string;
  host: string;
  port: number;
  /** smtps: TLS from the first byte. smtp: plain at first, then STARTTLS. */
  secure: boolean;
  /** Whether STARTTLS is required before anything is sent: yes for every host but loopback, unless the URL says `requireTLS=false`. */
  requireTLS: boolean;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function parseSmtpUrl(value: string): SmtpEndpoint {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error('SMTP_URL must be a URL such as smtp://user:pass@host:587 or smtps://user:pass@host:465');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`SMTP_URL must start with smtp:// or smtps://; got "${url.protocol}//"`);
  }
  if (!url.hostname) throw new Error('SMTP_URL must name a host');
  const secure = url.protocol === 'smtps:';
  const requireTLSParam = url.searchParams.get('requireTLS');
  return {
    url: value.trim(),
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    // Credentials and students' addresses cross this connection: never in the clear past this machine, unless the
    // operator says so for a relay on a private network.
    requireTLS: !secure && (requireTLSParam === null ? !LOOPBACK.has(url.hostname) : requireTLSParam === 'true'),
  };
}
