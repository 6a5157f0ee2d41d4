/**
 * The only way a value from a backend or a data file becomes an `href`. Anything that is not a plainly safe
 * https:, tel:, sms: or mailto: URL gives `null`, and the caller renders the value as text instead.
 */
export interface SafeHrefOptions {
  /** Allow http: to localhost and loopback addresses (development backends). Default true. */
  allowHttpLocalhost?: boolean;
}

const MAX_LENGTH = 2048;
const PHONE = /^\+?[0-9*#]([0-9*#(). -]{0,30}[0-9#])?$/;
const EMAIL = /^[^\s@/?#]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}$/;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function safeHref(value: unknown, options: SafeHrefOptions = {}): string | null {
  if (typeof value !== 'string') return null;
  const raw = value.trim();
  // Control characters and whitespace inside a URL are how filters get bypassed ("java\tscript:").
  if (raw.length === 0 || raw.length > MAX_LENGTH || /[\u0000-\u001f\u007f\s\\]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw); // absolute URLs only: a relative value would resolve against the campus page
  } catch {
    return null;
  }
  switch (url.protocol) {
    case 'https:':
      return isPlainWebUrl(url) ? url.href : null;
    case 'http:':
      return (options.allowHttpLocalhost ?? true) && LOCAL_HOSTS.has(url.hostname) && isPlainWebUrl(url)
        ? url.href
        : null;
    case 'tel:':
      return url.search === '' &&
        url.hash === '' &&
        PHONE.test(decodeOrEmpty(url.pathname).replace(/;ext=\d{1,8}$/, ''))
        ? raw
        : null;
    case 'sms:':
      return url.hash === '' && PHONE.test(decodeOrEmpty(url.pathname)) && onlyKeys(url.search, ['body']) ? raw : null;
    case 'mailto:':
      return url.hash === '' && EMAIL.test(decodeOrEmpty(url.pathname)) && onlyKeys(url.search, ['subject', 'body'])
        ? raw
        : null;
    default:
      return null;
  }
}

/** A web URL with a host and no credentials (user:pass@ is used to disguise where a link goes). */
function isPlainWebUrl(url: URL): boolean {
  return url.hostname.length > 0 && url.username === '' && url.password === '';
}

function onlyKeys(search: string, allowed: string[]): boolean {
  return [...new URLSearchParams(search).keys()].every((key) => allowed.includes(key));
}

function decodeOrEmpty(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}

/** `tel:` link for a phone number written for people ("+1 (800) 273-8255" → "tel:+18002738255"). */
export function telHref(number: string): string | null {
  return safeHref(`tel:${number.replace(/[^0-9+*#]/g, '').replace(/#/g, '%23')}`);
}

/** `sms:` link, with the keyword as a pre-filled body (always also show the number and keyword as text). */
export function smsHref(number: string, keyword?: string): string | null {
  const digits = number.replace(/[^0-9+]/g, '');
  return safeHref(keyword ? `sms:${digits}?body=${encodeURIComponent(keyword)}` : `sms:${digits}`);
}
