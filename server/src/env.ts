import path from 'node:path';
import { assertUsableAdminToken } from './auth/admin-token.ts';
import { emailSettingsFromEnv } from './email/email-settings.ts';
import { parseAllowedOrigins } from './http/cors.ts';
import { parseLogLevel } from './logging/logger.ts';
import { defaultPaths } from './paths.ts';
import { peerRequestOptionsFromEnv } from './peer-requests/peer-request-env.ts';
import { parseTrustedProxies } from './rate-limit/client-address.ts';
import { parseRateLimit } from './rate-limit/rate-limit-setting.ts';
import { DEFAULT_CHECK_IN_MIN_COUNT, DEFAULT_CHECK_IN_RATE_LIMIT, type StartServerOptions } from './server.ts';

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 8787;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be 0..65535; got "${value}"`);
  return port;
}

/** A whole number from `min` to `max`, or `fallback` when unset. */
function parseWholeNumber(name: string, value: string | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value.trim());
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}; got "${value}"`);
  }
  return number;
}

/** Header names as RFC 9110 allows them (a token); anything else could never match a request. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function parseHeaderName(name: string, value: string | undefined): string | undefined {
  const header = value?.trim();
  if (!header) return undefined;
  if (!HEADER_NAME.test(header)) throw new Error(`${name} must be a header name such as X-Real-IP; got "${value}"`);
  return header;
}

/**
 * Server options from the environment: PORT (0 = any free port), HOST, DATA_DIR (PGlite directory or
 * memory://), DATABASE_URL (PostgreSQL instead of PGlite) with optional DATABASE_SCHEMA, ALLOWED_ORIGINS
 * (comma-separated), SEED (e.g. "demo"), LOG_LEVEL (silent|error|warn|info|debug), ADMIN_TOKEN (the operator
 * token for the admin endpoints, at least 32 characters; unset turns admin access off), PGLITE_TEMPLATE_DIR (where
 * prepared empty PGlite databases are kept, default .data/pglite-templates; "none" runs initdb in the server),
 * CHECK_IN_RATE_LIMIT ("<requests>/<seconds>" per client, "0" off; default 20/600), TRUSTED_PROXIES (addresses or
 * networks of reverse proxies whose forwarding header names the client, for every rate limit) and
 * CLIENT_ADDRESS_HEADER (that header, default X-Forwarded-For; only with TRUSTED_PROXIES), CHECK_IN_MIN_COUNT (the
 * staff summary's smallest reported count, at least 3, default 5), PURGE_INTERVAL_MINUTES (how often the retention
 * purge runs inside the server, 0 off, default 60), SMTP_URL, EMAIL_FROM and OUTBOX_DIR (email/email-settings.ts),
 * and the peer-request settings (peer-requests/peer-request-env.ts).
 */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): StartServerOptions {
  const databaseUrl = env.DATABASE_URL?.trim();
  const dataDir = env.DATA_DIR?.trim();
  const templateDir = env.PGLITE_TEMPLATE_DIR?.trim();
  const adminToken = env.ADMIN_TOKEN?.trim();
  if (adminToken) assertUsableAdminToken(adminToken);
  const trustedProxies = parseTrustedProxies('TRUSTED_PROXIES', env.TRUSTED_PROXIES);
  const clientAddressHeader = parseHeaderName('CLIENT_ADDRESS_HEADER', env.CLIENT_ADDRESS_HEADER);
  if (clientAddressHeader && trustedProxies.length === 0) {
    // A header believed from anyone lets every client choose its own rate-limit key.
    throw new Error('CLIENT_ADDRESS_HEADER is read only from TRUSTED_PROXIES: set TRUSTED_PROXIES to your proxy');
  }
  return {
    port: parsePort(env.PORT),
    host: env.HOST?.trim() || '127.0.0.1',
    database: databaseUrl
      ? { kind: 'postgresql', url: databaseUrl, ...(env.DATABASE_SCHEMA ? { schema: env.DATABASE_SCHEMA.trim() } : {}) }
      : {
          kind: 'pglite',
          dataDir: !dataDir ? defaultPaths.dataDir : dataDir.startsWith('memory://') ? dataDir : path.resolve(dataDir),
          templateRoot: !templateDir
            ? defaultPaths.pgliteTemplates
            : templateDir === 'none'
              ? null
              : path.resolve(templateDir),
        },
    allowedOrigins: parseAllowedOrigins(env.ALLOWED_ORIGINS),
    ...(env.SEED?.trim() ? { seed: env.SEED.trim() } : {}),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    ...(adminToken ? { adminToken } : {}),
    checkIns: {
      rateLimit: env.CHECK_IN_RATE_LIMIT?.trim()
        ? parseRateLimit('CHECK_IN_RATE_LIMIT', env.CHECK_IN_RATE_LIMIT)
        : DEFAULT_CHECK_IN_RATE_LIMIT,
      // Below 3, a count could single out one student, or two who know each other.
      minCount: parseWholeNumber('CHECK_IN_MIN_COUNT', env.CHECK_IN_MIN_COUNT, 3, 1000, DEFAULT_CHECK_IN_MIN_COUNT),
    },
    ...(trustedProxies.length > 0
      ? { clientAddress: { trustedProxies, ...(clientAddressHeader ? { header: clientAddressHeader } : {}) } }
      : {}),
    peerRequests: peerRequestOptionsFromEnv(env),
    retention: {
      intervalMs: parseWholeNumber('PURGE_INTERVAL_MINUTES', env.PURGE_INTERVAL_MINUTES, 0, 10_080, 60) * 60_000,
    },
    email: emailSettingsFromEnv(env),
  };
}
