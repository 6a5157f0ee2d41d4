import type { Database } from '../db/database.ts';
import { groupHousekeeping } from '../groups/group-housekeeping.ts';
import type { Logger } from '../logging/logger.ts';
import { purgePeerRequests } from '../peer-requests/purge-peer-requests.ts';
import { purgeRateLimits } from '../rate-limit/purge-rate-limits.ts';
import { purgeExpiredCheckIns } from './purge-check-ins.ts';

/**
 * The scheduled purge: check-ins past retention (with their follow-ups), ended rate-limit windows and old
 * address-hashing secrets; group sessions written further ahead and registrants' details of ended groups
 * (groups/group-housekeeping.ts); peer requests past retention and expired supporter sessions
 * (peer-requests/purge-peer-requests.ts). Logs counts only. Each part runs even when another fails.
 */
export function housekeeping(db: Database, logger: Logger): () => Promise<void> {
  return async () => {
    try {
      const purged = await purgeExpiredCheckIns(db);
      if (purged.checkIns > 0) {
        logger.info('check-ins past retention deleted', {
          checkIns: purged.checkIns,
          followUps: purged.followUps,
          retentionDays: purged.retentionDays,
        });
      }
    } catch (error) {
      logger.error('check-in retention purge failed', { error: (error as Error).message });
    }
    try {
      const purged = await purgeRateLimits(db);
      if (purged.windows + purged.secrets > 0) logger.debug('rate-limit records deleted', { ...purged });
    } catch (error) {
      logger.error('rate-limit purge failed', { error: (error as Error).message });
    }
    try {
      const groups = await groupHousekeeping(db);
      if (groups.refreshed + groups.pastSessions + groups.registrations > 0)
        logger.info('group housekeeping', { ...groups });
    } catch (error) {
      logger.error('group housekeeping failed', { error: (error as Error).message });
    }
    try {
      const purged = await purgePeerRequests(db);
      if (purged.requests + purged.sessions > 0) logger.info('peer requests past retention deleted', { ...purged });
    } catch (error) {
      logger.error('peer request purge failed', { error: (error as Error).message });
    }
  };
}
