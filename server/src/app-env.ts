import type { ExpiringValue } from './cache/expiring-value.ts';
import type { PublicAnswerCache } from './cache/public-answer-cache.ts';
import type { CampusConfig } from './contract/api-types.ts';
import type { CompiledContract } from './contract/compiled-contract.ts';
import type { CompiledOperation } from './contract/compile-operation.ts';
import type { RequestInput } from './contract/request-input.ts';
import type { BundledCrisisData } from './crisis-resources/bundled-crisis-data.ts';
import type { Database } from './db/database.ts';
import type { Logger } from './logging/logger.ts';

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
}

export interface AppVariables {
  deps: AppDeps;
  requestId: string;
  /** What the request log reports: the contract's path template (with base path) or a static route name. */
  route: string | undefined;
  operation: CompiledOperation;
  input: RequestInput;
}

export type AppEnv = { Variables: AppVariables };
