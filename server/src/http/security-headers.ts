import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';

/** For the demo pages: only same-origin code, and only through Trusted Types (lit-html's policy and ours). */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html peer-support-widgets',
].join('; ');

/** JSON responses never need to load or run anything. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** On every response; also asks clients to close connections once shutdown has begun. */
export function baseHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
    if (c.var.deps.lifecycle.shuttingDown) c.res.headers.set('Connection', 'close');
  };
}

/**
 * API answers are personal and live: never cached anywhere, unless a handler says otherwise for public data
 * (the campus configuration).
 */
export function apiHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
    c.res.headers.set('Content-Security-Policy', API_CSP);
  };
}
