import path from 'node:path';
import { repoRoot } from '../paths.ts';

/** How the server sends email, from SMTP_URL, EMAIL_FROM and OUTBOX_DIR. */
export interface EmailSettings {
  /** SMTP_URL; unset: the outbox. */
  smtpUrl?: string;
  /** EMAIL_FROM; default OUTBOX_FROM (outbox only: SMTP needs a real sender). */
  from?: string;
  /** OUTBOX_DIR; default DEFAULT_OUTBOX_DIR. */
  outboxDir?: string;
}

/** Beside the PGlite data, in the `.data/` folder the server already keeps (git-ignored). */
export const DEFAULT_OUTBOX_DIR = path.join(repoRoot, '.data', 'outbox');

/** A sender for files nobody sends: `.invalid` can never be delivered to (RFC 6761), and no name gives the service away. */
export const OUTBOX_FROM = 'no-reply@outbox.invalid';

/** The settings from the environment. Throws when SMTP_URL is set without EMAIL_FROM. */
export function emailSettingsFromEnv(env: NodeJS.ProcessEnv): EmailSettings {
  const smtpUrl = env.SMTP_URL?.trim();
  const from = env.EMAIL_FROM?.trim();
  const outboxDir = env.OUTBOX_DIR?.trim();
  if (smtpUrl && !from)
    throw new Error('EMAIL_FROM must be set with SMTP_URL, e.g. "Student Services <no-reply@example.edu>"');
  return {
    ...(smtpUrl ? { smtpUrl } : {}),
    ...(from ? { from } : {}),
    ...(outboxDir ? { outboxDir: path.resolve(outboxDir) } : {}),
  };
}
