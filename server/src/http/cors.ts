import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';

export interface CorsOptions {
  /** Exact origins ("https://www.campus.edu") allowed to call the API from a browser. */
  allowedOrigins: readonly string[];
  /** Methods to announce in preflight answers. */
  methods: readonly string[];
}

const ALLOWED_HEADERS =
  'Content-Type, Idempotency-Key, Authorization, Request-Secret, Registration-Token, If-None-Match';
// ETag: a peer request's status is polled with If-None-Match; Location: the status URL of a new request.
const EXPOSED_HEADERS = 'Retry-After, Idempotent-Replayed, ETag, Location';
/** Two hours: the most Chromium honours. */
const PREFLIGHT_MAX_AGE_SECONDS = '7200';

/**
 * CORS with an allowlist. Origins not on the list get no CORS headers at all, so browsers keep their pages out;
 * same-origin pages need none. No credentials mode: the API authenticates with headers, never cookies.
 */
export function corsAllowlist(options: CorsOptions): MiddlewareHandler<AppEnv> {
  const allowed = new Set(options.allowedOrigins);
  const methods = options.methods.join(', ');
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const isAllowed = origin !== undefined && allowed.has(origin);
    const isPreflight = c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method') !== undefined;

    if (isPreflight) {
      const headers: Record<string, string> = { Vary: 'Origin' };
      if (isAllowed) {
        Object.assign(headers, {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': methods,
          'Access-Control-Allow-Headers': ALLOWED_HEADERS,
          'Access-Control-Max-Age': PREFLIGHT_MAX_AGE_SECONDS,
        });
      }
      return c.body(null, 204, headers);
    }

    await next();
    c.res.headers.append('Vary', 'Origin');
    if (isAllowed) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
    return undefined;
  };
}

/** ALLOWED_ORIGINS is a comma-separated list of exact origins; anything that is not an origin is an error. */
export function parseAllowedOrigins(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => {
      let parsed: URL;
      try {
        parsed = new URL(item);
      } catch {
        throw new Error(`ALLOWED_ORIGINS: "${item}" is not an origin like https://www.campus.edu`);
      }
      if (parsed.origin !== item.replace(/\/$/, '') || parsed.origin === 'null') {
        throw new Error(`ALLOWED_ORIGINS: "${item}" must be just scheme://host[:port], without a path`);
      }
      return parsed.origin;
    });
}
