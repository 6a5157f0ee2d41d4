import { createHash, randomBytes } from 'node:crypto';

/** Random supporter ids (96 bits, base64url): nothing in them says who the supporter is. */
export const newSupporterId = () => `sup_${randomBytes(12).toString('base64url')}`;

/** A session token: 256 random bits. Shown once; only its SHA-256 is stored. */
export const newSessionToken = () => `pst_${randomBytes(32).toString('base64url')}`;

/**
 * SHA-256 of a session token, as stored. A fast hash is right here: the token is random and long, so there is
 * nothing to guess, and the lookup must cost nothing on every supporter request.
 */
export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * The form a login is kept and looked up in: trimmed, NFC, lower-case, so "Alex.P " and "alex.p" are one account.
 * Lower-casing is Unicode's default (not a locale's), so every instance agrees.
 */
export function normaliseLogin(login: string): string {
  return login.trim().normalize('NFC').toLowerCase();
}
