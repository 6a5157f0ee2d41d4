import { isPlainAddress } from '../email/header-safety.ts';
import { parseRateLimit } from '../rate-limit/rate-limit-setting.ts';
import type { PeerRequestOptions } from './peer-request-deps.ts';

/** A whole number from `min` to `max`, or undefined when unset. */
function wholeNumber(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value.trim());
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}; got "${value}"`);
  }
  return number;
}

/** An https address (http only on this machine, for trying things out). */
function pageUrl(name: string, value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  const local = url?.hostname === 'localhost' || url?.hostname === '127.0.0.1' || url?.hostname === '[::1]';
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && local)) || url.username || url.password) {
    throw new Error(`${name} must be an https:// address; got "${value}"`);
  }
  return url.href;
}

/**
 * The peer-request settings from the environment: PEER_REQUEST_RATE_LIMIT and SIGN_IN_RATE_LIMIT
 * ("<requests>/<seconds>", "0" off), ON_CALL_EMAIL (who escalations alert), SUPPORTER_INBOX_URL (named in the
 * alert), SUPPORTER_SESSION_HOURS (1 to 24, default 8) and PEER_MINUTES_PER_REQUEST (1 to 240, default 15).
 * Anything malformed stops the start with an explanation.
 */
export function peerRequestOptionsFromEnv(env: NodeJS.ProcessEnv): PeerRequestOptions {
  const options: PeerRequestOptions = {};
  if (env.PEER_REQUEST_RATE_LIMIT?.trim()) {
    options.rateLimit = parseRateLimit('PEER_REQUEST_RATE_LIMIT', env.PEER_REQUEST_RATE_LIMIT);
  }
  if (env.SIGN_IN_RATE_LIMIT?.trim()) {
    options.signInRateLimit = parseRateLimit('SIGN_IN_RATE_LIMIT', env.SIGN_IN_RATE_LIMIT);
  }
  const onCall = env.ON_CALL_EMAIL?.trim();
  if (onCall) {
    if (!isPlainAddress(onCall)) throw new Error('ON_CALL_EMAIL must be one plain email address');
    options.onCallEmail = onCall;
  }
  const inboxUrl = pageUrl('SUPPORTER_INBOX_URL', env.SUPPORTER_INBOX_URL);
  if (inboxUrl) options.inboxUrl = inboxUrl;
  const hours = wholeNumber('SUPPORTER_SESSION_HOURS', env.SUPPORTER_SESSION_HOURS, 1, 24);
  if (hours !== undefined) options.sessionTtlMs = hours * 3_600_000;
  const minutes = wholeNumber('PEER_MINUTES_PER_REQUEST', env.PEER_MINUTES_PER_REQUEST, 1, 240);
  if (minutes !== undefined) options.minutesPerRequest = minutes;
  return options;
}
