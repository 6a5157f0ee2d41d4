import { optionsFromEnv } from '../env.ts';
import { runPurge } from './run-purge.ts';

/**
 * `npm run purge -w server`: deletes check-ins past retention once, on the database the server would use
 * (DATABASE_URL, else PGlite in DATA_DIR), for a cron job or before a backup, and prints how many went.
 */
async function main(): Promise<void> {
  const { database } = optionsFromEnv();
  // optionsFromEnv always gives a config, never an open database; the check tells TypeScript so.
  if (database === undefined || 'query' in database) throw new Error('no database is configured');
  process.stdout.write(`${await runPurge(database)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`purge failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
