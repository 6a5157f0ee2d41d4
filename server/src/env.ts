import path from 'node:path';
import { assertUsableAdminToken } from './auth/admin-token.ts';
import { parseAllowedOrigins } from './http/cors.ts';
import { parseLogLevel } from './logging/logger.ts';
import { defaultPaths } from './paths.ts';
import type { StartServerOptions } from './server.ts';

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 8787;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be 0..65535; got "${value}"`);
  return port;
}

/**
 * Server options from the environment: PORT (0 = any free port), HOST, DATA_DIR (PGlite directory or
 * memory://), DATABASE_URL (PostgreSQL instead of PGlite) with optional DATABASE_SCHEMA, ALLOWED_ORIGINS
 * (comma-separated), SEED (e.g. "demo"), LOG_LEVEL (silent|error|warn|info|debug), ADMIN_TOKEN (the operator
 * token for the admin endpoints, at least 32 characters; unset turns admin access off), PGLITE_TEMPLATE_DIR (where
 * prepared empty PGlite databases are kept, default .data/pglite-templates; "none" runs initdb in the server).
 */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): StartServerOptions {
  const databaseUrl = env.DATABASE_URL?.trim();
  const dataDir = env.DATA_DIR?.trim();
  const templateDir = env.PGLITE_TEMPLATE_DIR?.trim();
  const adminToken = env.ADMIN_TOKEN?.trim();
  if (adminToken) assertUsableAdminToken(adminToken);
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
  };
}
