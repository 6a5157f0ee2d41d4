import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Group ids say nothing about the group (an id ends up in page addresses and history, where "grief" or "lgbtq"
 * could out someone); registration ids and cancel tokens are random, and only the token's hash is kept.
 */
export const newGroupId = () => `grp_${randomBytes(8).toString('base64url')}`;
export const newRegistrationId = () => `reg_${randomBytes(12).toString('base64url')}`;

/** A cancel token: 192 random bits, base64url (the contract's Secret). */
export const newCancelToken = () => randomBytes(24).toString('base64url');

/** What is stored of a token. The token is random enough that a plain SHA-256 cannot be reversed. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares a token with a stored hash in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(tokenHash(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
