import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { Logger } from './logger.ts';

/**
 * Gives each request an id and writes one log line when it ends. Only these fields, on purpose: people using
 * this service may be in crisis, so the log never holds IP addresses, user agents, query strings or bodies.
 * `route` is the contract's path template, never the URL as sent.
 */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    c.set('requestId', randomUUID());
    c.set('route', undefined);
    await next();
    const status = c.res.status;
    const level = status >= 500 ? 'error' : 'info';
    logger[level]('request', {
      method: c.req.method,
      route: c.var.route ?? 'unmatched',
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      requestId: c.var.requestId,
    });
  };
}
