import type { HandlerMap } from './handler-types.ts';

/** Seconds a load balancer or client should wait before asking again when the database is down. */
const RETRY_AFTER_SECONDS = '5';

export const healthHandlers: HandlerMap = {
  'GET /health': async (c) => {
    const { db, version, logger } = c.var.deps;
    let reachable = true;
    try {
      await db.query('SELECT 1');
    } catch (error) {
      reachable = false;
      logger.error('health check: database did not answer', { error: (error as Error).message });
    }
    const body = {
      status: reachable ? 'ok' : 'unavailable',
      version,
      database: db.kind,
      time: new Date().toISOString(),
    };
    if (reachable) return c.json(body, 200);
    return c.json(body, 503, { 'Retry-After': RETRY_AFTER_SECONDS });
  },
};
