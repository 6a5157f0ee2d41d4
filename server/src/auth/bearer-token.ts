import { createHash, timingSafeEqual } from 'node:crypto';

/** RFC 6750 b64token after "Bearer" (the scheme name is case-insensitive). */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** The token of an `Authorization: Bearer …` header, or undefined when there is none (or another scheme). */
export function bearerToken(authorization: string | null | undefined): string | undefined {
  if (!authorization) return undefined;
  return BEARER.exec(authorization)?.[1];
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * A comparison whose time does not depend on where the strings differ (or on their lengths): both sides are
 * hashed to 32 bytes first, then compared with timingSafeEqual.
 */
export function createSecretMatcher(secret: string): (candidate: string) => boolean {
  const expected = sha256(secret);
  return (candidate) => timingSafeEqual(sha256(candidate), expected);
}
