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

/**
 * For the demo pages: powerful features they never use are off, for them and anything they embed. The crisis
 * widget copies phone numbers, so writing to the clipboard stays allowed for the page's own origin. Only names
 * that Chromium (156) recognizes: an unknown one, such as bluetooth, puts a warning in the console of every page.
 */
export const PAGE_PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'browsing-topics=()',
  'camera=()',
  'clipboard-read=()',
  'clipboard-write=(self)',
  'display-capture=()',
  'encrypted-media=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'idle-detection=()',
  'interest-cohort=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/**
 * Headers for every demo page and bundle file: the CSP, the permissions policy, and a browsing context group of
 * their own (a page opened from elsewhere, or opened by the demo, cannot reach the other's window).
 */
export function pageHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': PAGE_CSP,
    'Permissions-Policy': PAGE_PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

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
