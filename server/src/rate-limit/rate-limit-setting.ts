/** At most `limit` requests per client in each window of `windowSeconds`. */
export interface RateLimitSetting {
  limit: number;
  windowSeconds: number;
}

const SETTING = /^(\d{1,6})\/(\d{1,6})$/;

/**
 * Reads a rate limit written as "<requests>/<seconds>" (e.g. "20/600": 20 in ten minutes), or "0" for none (null).
 * Throws with an explanation for anything else, so that a typo stops the start instead of leaving the limit off.
 */
export function parseRateLimit(name: string, value: string): RateLimitSetting | null {
  const text = value.trim();
  if (text === '0') return null;
  const match = SETTING.exec(text);
  const limit = Number(match?.[1]);
  const windowSeconds = Number(match?.[2]);
  if (!match || limit < 1 || windowSeconds < 1 || windowSeconds > 86_400) {
    throw new Error(
      `${name} must be "<requests>/<seconds>" (e.g. "20/600"; at least 1 request, a window of 1 to 86400 seconds) ` +
        `or "0" to turn the limit off; got "${value}"`,
    );
  }
  return { limit, windowSeconds };
}
