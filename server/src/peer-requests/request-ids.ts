import { createHash, randomBytes } from 'node:crypto';

/**
 * Crockford's base 32: digits and capitals without I, L, O and U, so that a code read aloud, written down or typed
 * on another device comes out the same ("0" for "O", "1" for "I" or "L" are accepted on the way back in).
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(length: number): string {
  // 256 is a multiple of 32, so taking each byte modulo 32 keeps every symbol equally likely.
  return [...randomBytes(length)].map((byte) => ALPHABET[byte % 32]).join('');
}

/** A request id a student can read out: "pr_" and 13 symbols (65 bits; an id is not a secret, only unique). */
export const newRequestId = () => `pr_${base32(13)}`;

export const newEscalationId = () => `esc_${randomBytes(12).toString('base64url')}`;
export const newNoteId = () => `note_${randomBytes(12).toString('base64url')}`;

/**
 * The secret status code shown once to the student: 28 symbols (140 bits, past the contract's 128) in groups of
 * four, e.g. "K7QM-3XWA-9D2F-…".
 */
export function newRequestSecret(): string {
  return base32(28).match(/.{4}/g)!.join('-');
}

/** The code as it is compared: capitals, no hyphens, the look-alike letters read as the digits they stand for. */
export function normaliseSecret(secret: string): string {
  return secret.toUpperCase().replaceAll('-', '').replaceAll('O', '0').replace(/[IL]/g, '1');
}

/** What is stored: SHA-256 of the normalised code (140 random bits need no slow hash). */
export function secretHash(secret: string): string {
  return createHash('sha256').update(normaliseSecret(secret), 'utf8').digest('hex');
}
