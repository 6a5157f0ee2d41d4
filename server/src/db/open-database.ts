import type { Database } from './database.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { openPostgresDatabase } from './postgres-database.ts';

/** Where the data lives: PostgreSQL when a URL is given, otherwise PGlite in `dataDir` (or `memory://`). */
export type DatabaseConfig =
  { kind: 'pglite'; dataDir: string } | { kind: 'postgresql'; url: string; schema?: string; maxConnections?: number };

export function openDatabase(config: DatabaseConfig, onPoolError?: (error: Error) => void): Promise<Database> {
  if (config.kind === 'pglite') return openPgliteDatabase(config.dataDir);
  return openPostgresDatabase({
    connectionString: config.url,
    ...(config.schema ? { schema: config.schema } : {}),
    ...(config.maxConnections ? { maxConnections: config.maxConnections } : {}),
    ...(onPoolError ? { onPoolError } : {}),
  });
}
