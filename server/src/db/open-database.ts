import type { LogFields } from '../logging/logger.ts';
import { defaultPaths } from '../paths.ts';
import type { Database } from './database.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { openPostgresDatabase } from './postgres-database.ts';

/**
 * Where the data lives: PostgreSQL when a URL is given, otherwise PGlite in `dataDir` (or `memory://`). A new
 * PGlite database starts from the prepared template under `templateRoot` (default .data/pglite-templates; null
 * makes PGlite run initdb in this process, as it did before templates).
 */
export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string; templateRoot?: string | null }
  | { kind: 'postgresql'; url: string; schema?: string; maxConnections?: number };

export function openDatabase(
  config: DatabaseConfig,
  onPoolError?: (error: Error) => void,
  log?: (message: string, fields?: LogFields) => void,
): Promise<Database> {
  if (config.kind === 'pglite') {
    const templateRoot = config.templateRoot === undefined ? defaultPaths.pgliteTemplates : config.templateRoot;
    return openPgliteDatabase(config.dataDir, {
      ...(templateRoot === null ? {} : { templateRoot }),
      ...(log ? { log } : {}),
    });
  }
  return openPostgresDatabase({
    connectionString: config.url,
    ...(config.schema ? { schema: config.schema } : {}),
    ...(config.maxConnections ? { maxConnections: config.maxConnections } : {}),
    ...(onPoolError ? { onPoolError } : {}),
  });
}
