import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { openDatabase, type DatabaseConfig } from '../db/open-database.ts';
import { defaultPaths } from '../paths.ts';
import { purgePeerRequests } from '../peer-requests/purge-peer-requests.ts';
import { purgeRateLimits } from '../rate-limit/purge-rate-limits.ts';
import { purgeExpiredCheckIns } from './purge-check-ins.ts';

/**
 * The retention purge once, on the database the server would use, for `npm run purge -w server`
 * (purge-command.ts). Returns the line to print.
 *
 * An embedded database can be open in one process only: a second one writing the same files would corrupt them.
 * PGlite leaves postmaster.pid in its directory while open, so this refuses to run beside the server (which
 * purges on its own schedule anyway).
 */
export async function runPurge(config: DatabaseConfig): Promise<string> {
  if (config.kind === 'pglite') {
    if (config.dataDir.startsWith('memory://'))
      throw new Error('DATA_DIR is memory://: there is nothing kept to purge');
    if (existsSync(path.join(config.dataDir, 'postmaster.pid'))) {
      throw new Error(
        `the embedded database in ${config.dataDir} is open in another process (the server?). The server purges by ` +
          'itself every PURGE_INTERVAL_MINUTES; to purge now, stop it first (or restart it: it purges soon after start).',
      );
    }
  }
  const db: Database = await openDatabase(config);
  try {
    await migrate(db, defaultPaths.migrations);
    const checkIns = await purgeExpiredCheckIns(db);
    const rateLimits = await purgeRateLimits(db);
    const peerRequests = await purgePeerRequests(db);
    return (
      `Deleted ${checkIns.checkIns} check-in(s) older than ${checkIns.retentionDays} day(s), ` +
      `with ${checkIns.followUps} follow-up request(s); ` +
      `${peerRequests.requests} peer request(s) ended or untouched that long, ` +
      `${peerRequests.sessions} expired supporter session(s); ` +
      `and ${rateLimits.windows} ended rate-limit window(s), ${rateLimits.secrets} old secret(s).`
    );
  } finally {
    await db.close();
  }
}
