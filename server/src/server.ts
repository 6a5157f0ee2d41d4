import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppDeps, AppEnv } from './app-env.ts';
import { buildApp } from './app.ts';
import { adminTokenCheck } from './auth/admin-token.ts';
import type { SecuritySchemeChecks } from './auth/security-scheme.ts';
import { compileContract } from './contract/compiled-contract.ts';
import { loadContractFile } from './contract/load-contract.ts';
import type { OpenApiDocument } from './contract/openapi-types.ts';
import { PublicAnswerCache } from './cache/public-answer-cache.ts';
import { cachedCampusConfig } from './campus-config/campus-config-repository.ts';
import { loadBundledCrisisData } from './crisis-resources/bundled-crisis-data.ts';
import { PUBLIC_LIST_MAX_AGE_SECONDS } from './crisis-resources/public-crisis-list.ts';
import type { Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase, type DatabaseConfig } from './db/open-database.ts';
import { databaseReadiness } from './db/readiness.ts';
import { DEFAULT_OUTBOX_DIR, OUTBOX_FROM, type EmailSettings } from './email/email-settings.ts';
import { createMailer, type Mailer } from './email/mailer.ts';
import {
  DEFAULT_IDEMPOTENCY_TIMINGS,
  IdempotencyStore,
  type IdempotencyTimings,
} from './idempotency/idempotency-store.ts';
import { createLogger, type Logger, type LogLevel, type LogSink } from './logging/logger.ts';
import { defaultPaths } from './paths.ts';
import type { HandlerMap } from './routes/handler-types.ts';
import { defaultHandlers } from './routes/index.ts';
import { runSeed } from './seed/index.ts';
import type { DemoSignIn } from './seed/seeder.ts';
import type { StaticRoots } from './static/static-routes.ts';
import { readVersion } from './version.ts';
import {
  createPeerRequestDeps,
  DEMO_ON_CALL_EMAIL,
  type PeerRequestOptions,
} from './peer-requests/peer-request-deps.ts';
import { clientAddressRule, type ClientAddressSettings } from './rate-limit/client-address.ts';
import { DailySecret } from './rate-limit/daily-secret.ts';
import type { RateLimitSetting } from './rate-limit/rate-limit-setting.ts';
import { RateLimiter } from './rate-limit/rate-limiter.ts';
import { housekeeping } from './retention/housekeeping.ts';
import { schedulePurge, type PurgeSchedule } from './retention/purge-schedule.ts';

export interface StartServerOptions {
  /** 0 picks a free port (tests). Default 8787. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * Where data lives: a config to open (and close with the server), or an open Database that the caller owns
   * and closes (tests share one PGlite between several servers). Default: PGlite in <repo>/.data/pglite.
   */
  database?: DatabaseConfig | Database;
  /** Exact origins allowed to call the API from browsers (CORS). */
  allowedOrigins?: readonly string[];
  /** Named seed to apply after migrations, e.g. "demo". */
  seed?: string;
  logLevel?: LogLevel;
  /** Where log lines go (default stdout); tests capture them. */
  logSink?: LogSink;
  /** The contract: a parsed document or a file path. Default: <repo>/src/api/openapi.yaml. */
  contract?: OpenApiDocument | string;
  /** Replaces the built-in handlers (defaultHandlers); tests pass { ...defaultHandlers, ...extra }. */
  handlers?: HandlerMap;
  migrationsDir?: string;
  staticRoots?: Partial<StaticRoots>;
  /** Largest accepted request body. Default 64 KiB. */
  bodyLimitBytes?: number;
  /** Check every handler response against the contract (tests and development). Default false. */
  validateResponses?: boolean;
  idempotency?: Partial<IdempotencyTimings> & { purgeIntervalMs?: number };
  /** How long close() lets in-flight requests finish before cutting connections. Default 10 s. */
  shutdownTimeoutMs?: number;
  /**
   * The operator token for the admin endpoints (adminAuth), at least 32 characters. Without one, admin access
   * is off: every admin request answers 401.
   */
  adminToken?: string;
  /**
   * Checks for more of the contract's security schemes, or replacements for the built-in ones (adminAuth).
   * Tests use it to act as a signed-in user of a scheme, so that what comes after security can be tested.
   */
  securityChecks?: SecuritySchemeChecks;
  /** Where the widgets' bundled crisis data lives. Default: src/elements/peer-crisis-resources/data. */
  crisisDataDir?: string;
  checkIns?: {
    /** POST /check-ins per client (CHECK_IN_RATE_LIMIT); null turns it off. Default 20 in 600 s. */
    rateLimit?: RateLimitSetting | null;
    /** The staff summary suppresses counts below this (CHECK_IN_MIN_COUNT). Default 5. */
    minCount?: number;
  };
  /**
   * Reverse proxies whose forwarding header names the client, for every rate limit (TRUSTED_PROXIES,
   * CLIENT_ADDRESS_HEADER). Default none: the connection's address counts, whatever headers say.
   */
  clientAddress?: ClientAddressSettings;
  /** Peer requests, supporters and their sign-in (peer-requests/peer-request-deps.ts). */
  peerRequests?: PeerRequestOptions;
  /** The scheduled purge of check-ins past retention and of ended rate-limit windows. */
  retention?: {
    /** Between runs (PURGE_INTERVAL_MINUTES); 0 turns the schedule off. Default 60 minutes. */
    intervalMs?: number;
    /** Until the first run after start. Default 10 s. */
    firstRunDelayMs?: number;
  };
  /**
   * How email goes out (SMTP_URL, EMAIL_FROM, OUTBOX_DIR), or a Mailer the caller owns (tests). Default: `.eml`
   * files in <repo>/.data/outbox.
   */
  email?: EmailSettings | Mailer;
}

export const DEFAULT_CHECK_IN_RATE_LIMIT: RateLimitSetting = { limit: 20, windowSeconds: 600 };
export const DEFAULT_CHECK_IN_MIN_COUNT = 5;
const DEFAULT_RETENTION_INTERVAL_MS = 60 * 60 * 1000;
const DEFAULT_RETENTION_FIRST_RUN_MS = 10_000;

export interface RunningServer {
  /** e.g. "http://127.0.0.1:41234" (no trailing slash). */
  url: string;
  port: number;
  host: string;
  db: Database;
  app: Hono<AppEnv>;
  logger: Logger;
  idempotencyStore: IdempotencyStore;
  /** Sign-ins of the demo's supporter accounts (SEED=demo), for `npm start` to print; empty otherwise. */
  demoSignIns: readonly DemoSignIn[];
  /** Stops accepting, lets in-flight requests finish (bounded), closes the database if it opened it. */
  close(): Promise<void>;
}

const DEFAULT_BODY_LIMIT = 64 * 1024;
const DEFAULT_PURGE_INTERVAL_MS = 60 * 60 * 1000;
/** A country's full answer is tens of kB; this keeps a few hundred questions in at most about 16 MB. */
const CRISIS_LIST_CACHE_ENTRIES = 500;
const CRISIS_LIST_CACHE_BYTES = 16 * 1024 * 1024;

function isDatabase(value: StartServerOptions['database']): value is Database {
  return typeof value === 'object' && value !== null && 'query' in value;
}

function formatUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function listen(app: Hono<AppEnv>, host: string, port: number): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      server.off('error', reject);
      resolve({ server: server as Server, port: info.port });
    });
    server.once('error', reject);
  });
}

/** Opens the database, migrates (and seeds), then serves the app. Used by main.ts and by the tests. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const logger = createLogger(options.logLevel ?? 'info', options.logSink);
  const host = options.host ?? '127.0.0.1';

  const document =
    typeof options.contract === 'object'
      ? options.contract
      : await loadContractFile(options.contract ?? defaultPaths.contract);
  const contract = compileContract(document, logger);
  // Checked before anything is opened, so a weak token stops the start cleanly.
  const adminAuth = adminTokenCheck(options.adminToken);
  if (options.adminToken === undefined) logger.warn('admin endpoints are disabled: ADMIN_TOKEN is not set');
  const crisisData = await loadBundledCrisisData(contract, logger, options.crisisDataDir);
  // Made before the database opens, so a bad SMTP_URL or EMAIL_FROM stops the start cleanly.
  const ownedMailer = options.email && 'send' in options.email ? undefined : mailerFor(options.email ?? {}, logger);
  const mailer = ownedMailer ?? (options.email as Mailer);

  const ownsDatabase = !isDatabase(options.database);
  const db = isDatabase(options.database)
    ? options.database
    : await openDatabase(
        options.database ?? { kind: 'pglite', dataDir: defaultPaths.dataDir },
        (error) => logger.error('database pool error', { error: error.message }),
        (message, fields) => logger.info(message, fields),
      );

  let purgeTimer: NodeJS.Timeout | undefined;
  let retention: PurgeSchedule | undefined;
  try {
    const migrated = await migrate(db, options.migrationsDir ?? defaultPaths.migrations);
    if (migrated.applied.length > 0) {
      logger.info('migrations applied', { versions: migrated.applied.map((m) => m.version).join(',') });
    }
    const demoSignIns: DemoSignIn[] = [];
    if (options.seed) {
      await runSeed(db, options.seed, {
        crisisData,
        signIns: demoSignIns,
        ...(options.peerRequests?.passwordCost ? { passwordCost: options.peerRequests.passwordCost } : {}),
      });
      logger.info('seed applied', { seed: options.seed });
    }

    const timings: IdempotencyTimings = {
      ttlMs: options.idempotency?.ttlMs ?? DEFAULT_IDEMPOTENCY_TIMINGS.ttlMs,
      inFlightTimeoutMs: options.idempotency?.inFlightTimeoutMs ?? DEFAULT_IDEMPOTENCY_TIMINGS.inFlightTimeoutMs,
    };
    const idempotencyStore = new IdempotencyStore(db, timings);
    const rateLimit =
      options.checkIns?.rateLimit === undefined ? DEFAULT_CHECK_IN_RATE_LIMIT : options.checkIns.rateLimit;
    const dailySecret = new DailySecret(db);
    const campusConfig = cachedCampusConfig(db);
    const deps: AppDeps = {
      db,
      logger,
      contract,
      version: await readVersion(),
      lifecycle: { shuttingDown: false },
      crisisData,
      readiness: databaseReadiness(db, logger),
      campusConfig,
      crisisListCache: new PublicAnswerCache({
        maxAgeMs: PUBLIC_LIST_MAX_AGE_SECONDS * 1000,
        maxEntries: CRISIS_LIST_CACHE_ENTRIES,
        maxBytes: CRISIS_LIST_CACHE_BYTES,
      }),
      checkIns: {
        rateLimiter: rateLimit ? new RateLimiter(db, dailySecret, 'check-ins', rateLimit) : null,
        minCount: options.checkIns?.minCount ?? DEFAULT_CHECK_IN_MIN_COUNT,
      },
      mailer,
      clientAddress: clientAddressRule(options.clientAddress),
      peerRequests: createPeerRequestDeps(
        db,
        campusConfig,
        dailySecret,
        // The demo's escalations land in the outbox, so that the whole journey can be seen without a real address.
        options.seed === 'demo'
          ? { onCallEmail: DEMO_ON_CALL_EMAIL, ...options.peerRequests }
          : { ...options.peerRequests },
        logger,
      ),
    };
    const app = buildApp({
      deps,
      handlers: options.handlers ?? defaultHandlers,
      idempotencyStore,
      allowedOrigins: options.allowedOrigins ?? [],
      staticRoots: { demoDir: defaultPaths.demoDir, cdnDir: defaultPaths.cdnDir, ...options.staticRoots },
      bodyLimitBytes: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
      validateResponses: options.validateResponses ?? false,
      securityChecks: { adminAuth, supporterAuth: deps.peerRequests.auth.check, ...options.securityChecks },
    });

    const purge = () => {
      idempotencyStore
        .purgeExpired()
        .then((purged) => {
          if (purged > 0) logger.info('expired idempotency keys purged', { purged });
        })
        .catch((error: Error) => logger.error('idempotency purge failed', { error: error.message }));
    };
    await idempotencyStore.purgeExpired();
    purgeTimer = setInterval(purge, options.idempotency?.purgeIntervalMs ?? DEFAULT_PURGE_INTERVAL_MS);
    purgeTimer.unref();
    const retentionIntervalMs = options.retention?.intervalMs ?? DEFAULT_RETENTION_INTERVAL_MS;
    if (retentionIntervalMs > 0) {
      retention = schedulePurge(housekeeping(db, logger), {
        intervalMs: retentionIntervalMs,
        firstRunDelayMs: options.retention?.firstRunDelayMs ?? DEFAULT_RETENTION_FIRST_RUN_MS,
      });
    }

    const { server, port } = await listen(app, host, options.port ?? 8787);
    const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 10_000;

    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= (async () => {
        deps.lifecycle.shuttingDown = true;
        clearInterval(purgeTimer);
        const retentionStopped = retention?.stop();
        await new Promise<void>((resolve) => {
          const forceTimer = setTimeout(() => {
            logger.warn('shutdown timeout: closing remaining connections');
            server.closeAllConnections();
          }, shutdownTimeoutMs);
          server.close(() => {
            clearTimeout(forceTimer);
            resolve();
          });
          server.closeIdleConnections();
        });
        await retentionStopped;
        await ownedMailer?.close();
        if (ownsDatabase) await db.close();
      })();
      return closing;
    };

    return { url: formatUrl(host, port), port, host, db, app, logger, idempotencyStore, demoSignIns, close };
  } catch (error) {
    clearInterval(purgeTimer);
    await retention?.stop();
    await ownedMailer?.close();
    if (ownsDatabase) await db.close().catch(() => undefined);
    throw error;
  }
}

function mailerFor(settings: EmailSettings, logger: Logger): Mailer & { close(): Promise<void> } {
  return createMailer({
    ...(settings.smtpUrl ? { smtpUrl: settings.smtpUrl } : {}),
    from: settings.from ?? OUTBOX_FROM,
    outboxDir: settings.outboxDir ?? DEFAULT_OUTBOX_DIR,
    logger,
  });
}
