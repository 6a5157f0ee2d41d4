import type { Health } from '../contract/api-types.ts';
import type { HandlerMap } from './handler-types.ts';

/** Seconds a load balancer or client should wait before asking again when the database is down. */
const RETRY_AFTER_SECONDS = '5';

export const healthHandlers: HandlerMap = {
  // The database is asked through deps.readiness, at most once a second however often load balancers poll.
  'GET /health': async (c) => {
    const { db, version, readiness } = c.var.deps;
    const reachable = await readiness.get();
    const body: Health = {
      status: reachable ? 'ok' : 'unavailable',
      version,
      database: db.kind,
      time: new Date().toISOString(),
    };
    if (reachable) return c.json(body, 200);
    return c.json(body, 503, { 'Retry-After': RETRY_AFTER_SECONDS });
  },
};
