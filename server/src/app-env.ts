import type { ExpiringValue } from './cache/expiring-value.ts';
import type { PublicAnswerCache } from './cache/public-answer-cache.ts';
import type { CampusConfig } from './contract/api-types.ts';
import type { CompiledContract } from './contract/compiled-contract.ts';
import type { CompiledOperation } from './contract/compile-operation.ts';
import type { RequestInput } from './contract/request-input.ts';
import type { BundledCrisisData } from './crisis-resources/bundled-crisis-data.ts';
import type { Database } from './db/database.ts';
import type { Mailer } from './email/mailer.ts';
import type { IdempotencyClaim } from './idempotency/idempotency-middleware.ts';
import type { Logger } from './logging/logger.ts';
import type { PeerRequestDeps } from './peer-requests/peer-request-deps.ts';
import type { ClientAddressRule } from './rate-limit/client-address.ts';
import type { RateLimiter } from './rate-limit/rate-limiter.ts';

/** What handlers may use; reached through `c.var.deps`. */
export interface AppDeps {
  db: Database;
  logger: Logger;
  contract: CompiledContract;
  /** The package version (root package.json), reported by /health. */
  version: string;
  /** Set once shutdown starts, so responses ask clients to close their connections. */
  lifecycle: { shuttingDown: boolean };
  /** The crisis data the widgets bundle (emergency numbers, national lines), read once at start. */
  crisisData: BundledCrisisData;
  /** Whether the database answers, asked at most once a second (GET /health). */
  readiness: ExpiringValue<boolean>;
  /** The campus configuration for the public crisis list, reread at most every CAMPUS_CONFIG_MAX_AGE_SECONDS. */
  campusConfig: ExpiringValue<CampusConfig>;
  /** GET /crisis-resources answers by question, kept for their max-age; every admin write clears it. */
  crisisListCache: PublicAnswerCache;
  checkIns: CheckInDeps;
  /** Email to students; send with sendInBackground (email/send-in-background.ts) so no answer waits on it. */
  mailer: Mailer;
  /** How every rate limit tells clients apart: the connection, or a trusted proxy's header (TRUSTED_PROXIES). */
  clientAddress: ClientAddressRule;
  /** Peer requests, supporters and their sign-in. */
  peerRequests: PeerRequestDeps;
}

/** What the check-in endpoints need beyond the database. */
export interface CheckInDeps {
  /** Counts POST /check-ins per client; null when CHECK_IN_RATE_LIMIT is 0. */
  rateLimiter: RateLimiter | null;
  /** The staff summary's smallest reported count (CHECK_IN_MIN_COUNT). */
  minCount: number;
}

export interface AppVariables {
  deps: AppDeps;
  requestId: string;
  /** What the request log reports: the contract's path template (with base path) or a static route name. */
  route: string | undefined;
  operation: CompiledOperation;
  input: RequestInput;
  /** Set for a request that claimed an Idempotency-Key (idempotency-middleware.ts). */
  idempotencyClaim: IdempotencyClaim | undefined;
}

export type AppEnv = { Variables: AppVariables };
