import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** One message as the SMTP server received it. */
export interface ReceivedEmail {
  /** MAIL FROM and RCPT TO, as the client sent them. */
  mailFrom: string;
  rcptTo: string[];
  /** The raw message (headers and body, CRLF), as bytes. */
  raw: Buffer;
  /** Whether the connection was TLS when the message went through (smtps, or after STARTTLS). */
  secure: boolean;
  /** The user name the client logged in with, if it did. */
  user: string | undefined;
}

export interface SmtpTestServer {
  port: number;
  /** Messages accepted so far, in order. */
  received: ReceivedEmail[];
  /** smtp://user:pass@127.0.0.1:<port> (or smtps://), plus any query given. */
  url(query?: string): string;
  close(): Promise<void>;
}

export interface SmtpTestServerOptions {
  /** TLS from the first byte (smtps). Default false. */
  secure?: boolean;
  /** Advertise STARTTLS (with the library's self-signed localhost certificate). Default false. */
  starttls?: boolean;
  /** Answer RCPT TO with this reply code and text, e.g. [550, 'No such user here']. */
  rejectRecipient?: [number, string];
  /** Answer the end of DATA with this reply code and text, e.g. [451, 'Try again later']. */
  rejectData?: [number, string];
}

const USER = 'mailer';
const PASSWORD = 'p@ss word';

function smtpError(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

/**
 * A real SMTP server (smtp-server, from the nodemailer project) on a free loopback port, requiring the login that
 * url() carries, and keeping what it accepts.
 */
export async function startSmtpTestServer(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
  const received: ReceivedEmail[] = [];
  const serverOptions: SMTPServerOptions = {
    secure: options.secure ?? false,
    disabledCommands: options.secure || options.starttls ? [] : ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: auth.username });
      else callback(smtpError(535, 'Authentication failed'));
    },
    onRcptTo(_address, _session, callback) {
      if (options.rejectRecipient) callback(smtpError(...options.rejectRecipient));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (options.rejectData) return callback(smtpError(...options.rejectData));
        const from = session.envelope.mailFrom;
        received.push({
          mailFrom: from ? from.address : '',
          rcptTo: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks),
          secure: session.secure,
          user: session.user as string | undefined,
        });
        callback();
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  const scheme = options.secure ? 'smtps' : 'smtp';
  return {
    port,
    received,
    url: (query) => `${scheme}://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}${query ? `?${query}` : ''}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
