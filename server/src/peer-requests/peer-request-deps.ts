import type { ExpiringValue } from '../cache/expiring-value.ts';
import type { CampusConfig } from '../contract/api-types.ts';
import type { Queryable } from '../db/database.ts';
import type { Logger } from '../logging/logger.ts';
import type { DailySecret } from '../rate-limit/daily-secret.ts';
import type { RateLimitSetting } from '../rate-limit/rate-limit-setting.ts';
import { RateLimiter } from '../rate-limit/rate-limiter.ts';
import { DEFAULT_SCRYPT_COST, type ScryptCost } from '../supporters/passwords.ts';
import { SignIn } from '../supporters/sign-in.ts';
import { SupporterAuth } from '../supporters/supporter-auth.ts';
import { AvailabilityService } from './availability.ts';

/** Peer requests and supporters, as StartServerOptions.peerRequests (env.ts reads them from the environment). */
export interface PeerRequestOptions {
  /** POST /peer-requests per client (PEER_REQUEST_RATE_LIMIT); null turns it off. Default 10 in 600 s. */
  rateLimit?: RateLimitSetting | null;
  /** POST /supporter/sessions per client (SIGN_IN_RATE_LIMIT); null turns it off. Default 10 in 600 s. */
  signInRateLimit?: RateLimitSetting | null;
  /** Who escalations alert (ON_CALL_EMAIL). Unset: nobody is emailed, and the server warns at start. */
  onCallEmail?: string;
  /** The supporter inbox's address, named in the alert (SUPPORTER_INBOX_URL). */
  inboxUrl?: string;
  /** How long a supporter session lasts (SUPPORTER_SESSION_HOURS). Default 8 hours: a shift. */
  sessionTtlMs?: number;
  /** How long one conversation takes on average, for expected waits (PEER_MINUTES_PER_REQUEST). Default 15. */
  minutesPerRequest?: number;
  /** scrypt cost for supporters' passwords. Default DEFAULT_SCRYPT_COST; tests lower it. */
  passwordCost?: ScryptCost;
  /** How long shifts and hours are kept in memory before they are read again. Default 15 s. */
  rosterMaxAgeMs?: number;
}

export const DEFAULT_PEER_REQUEST_RATE_LIMIT: RateLimitSetting = { limit: 10, windowSeconds: 600 };
export const DEFAULT_SIGN_IN_RATE_LIMIT: RateLimitSetting = { limit: 10, windowSeconds: 600 };
export const DEFAULT_SESSION_TTL_MS = 8 * 60 * 60 * 1000;
export const DEFAULT_MINUTES_PER_REQUEST = 15;
/** Where the demo's escalation alerts go (into the outbox): a reserved domain, so nothing real is ever reached. */
export const DEMO_ON_CALL_EMAIL = 'on-call@northfield.example';

/** What the peer-request and supporter endpoints need beyond the database; reached through `c.var.deps.peerRequests`. */
export interface PeerRequestDeps {
  /** Counts POST /peer-requests per client; null when off. */
  rateLimiter: RateLimiter | null;
  /** Counts POST /supporter/sessions per client; null when off. */
  signInRateLimiter: RateLimiter | null;
  availability: AvailabilityService;
  signIn: SignIn;
  /** The supporterAuth security scheme, and who signed in. */
  auth: SupporterAuth;
  passwordCost: ScryptCost;
  onCallEmail: string | undefined;
  inboxUrl: string | undefined;
}

export function createPeerRequestDeps(
  db: Queryable,
  campusConfig: ExpiringValue<CampusConfig>,
  secret: DailySecret,
  options: PeerRequestOptions,
  logger: Logger,
): PeerRequestDeps {
  const rateLimit = options.rateLimit === undefined ? DEFAULT_PEER_REQUEST_RATE_LIMIT : options.rateLimit;
  const signInLimit = options.signInRateLimit === undefined ? DEFAULT_SIGN_IN_RATE_LIMIT : options.signInRateLimit;
  const passwordCost = options.passwordCost ?? DEFAULT_SCRYPT_COST;
  const signIn = new SignIn({ cost: passwordCost, sessionTtlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS });
  signIn.warmUp();
  if (!options.onCallEmail) {
    logger.warn('escalations alert nobody by email: ON_CALL_EMAIL is not set');
  }
  return {
    rateLimiter: rateLimit ? new RateLimiter(db, secret, 'peer-requests', rateLimit) : null,
    signInRateLimiter: signInLimit ? new RateLimiter(db, secret, 'supporter-sign-in', signInLimit) : null,
    availability: new AvailabilityService(db, campusConfig, {
      minutesPerRequest: options.minutesPerRequest ?? DEFAULT_MINUTES_PER_REQUEST,
      rosterMaxAgeMs: options.rosterMaxAgeMs ?? 15_000,
    }),
    signIn,
    auth: new SupporterAuth(db),
    passwordCost,
    onCallEmail: options.onCallEmail,
    inboxUrl: options.inboxUrl,
  };
}
