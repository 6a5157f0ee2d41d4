import { bearerToken, createSecretMatcher } from './bearer-token.ts';
import type { SecuritySchemeCheck } from './security-scheme.ts';

/** Long enough that guessing is hopeless (e.g. `openssl rand -base64 32` gives 44 characters). */
export const MIN_ADMIN_TOKEN_LENGTH = 32;
const MAX_ADMIN_TOKEN_LENGTH = 512;
const TOKEN_CHARACTERS = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Checks an ADMIN_TOKEN setting; throws with an explanation so that a weak token stops the server at start. */
export function assertUsableAdminToken(token: string): void {
  if (token.length < MIN_ADMIN_TOKEN_LENGTH || token.length > MAX_ADMIN_TOKEN_LENGTH) {
    throw new Error(
      `ADMIN_TOKEN must be ${MIN_ADMIN_TOKEN_LENGTH} to ${MAX_ADMIN_TOKEN_LENGTH} characters (it has ${token.length}); ` +
        'generate one with: openssl rand -base64 32',
    );
  }
  if (!TOKEN_CHARACTERS.test(token)) {
    throw new Error('ADMIN_TOKEN may only contain A-Z a-z 0-9 - . _ ~ + / (and trailing =), as a bearer token can');
  }
}

/**
 * The `adminAuth` scheme with an operator token from the environment. Without a token admin access is off:
 * every admin request answers 401, whatever it sends.
 */
export function adminTokenCheck(token: string | undefined): SecuritySchemeCheck {
  if (token === undefined) return () => ({ kind: 'disabled' });
  assertUsableAdminToken(token);
  const matches = createSecretMatcher(token);
  return (request) => {
    const presented = bearerToken(request.headers.get('authorization'));
    if (presented === undefined) return { kind: 'missing' };
    return matches(presented) ? { kind: 'ok' } : { kind: 'invalid' };
  };
}
