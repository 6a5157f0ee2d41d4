/**
 * Waiting between attempts. Full jitter spreads the retries of many pages that failed at the same moment (a backend
 * restart during a busy hour) over the whole window instead of sending them back in waves.
 */

/**
 * Full-jitter exponential backoff: a uniform delay in [0, min(cap, base · 2^attempt)) milliseconds.
 * @param attempt 0 before the first retry, 1 before the second, …
 * @param random a source of numbers in [0, 1), `Math.random` by default
 */
export function backoffDelay(attempt: number, random: () => number = Math.random, baseMs = 300, capMs = 5000): number {
  return random() * Math.min(capMs, baseMs * 2 ** attempt);
}

/**
 * Reads a `Retry-After` header: delay-seconds ("120") or an HTTP-date, which is measured from `nowMs`. Returns
 * whole seconds, 0 for a date in the past, at most `maxSeconds` (a far-future date is as good as "much later"), or
 * undefined when the header is missing or unreadable.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number,
  maxSeconds = 86_400,
): number | undefined {
  const text = value?.trim() ?? '';
  let seconds: number;
  if (/^\d+$/.test(text)) {
    seconds = Number(text);
  } else {
    // Every HTTP-date form names a weekday or month, so requiring a letter keeps "-5" or "1.5" from parsing as dates.
    const at = /[a-z]/i.test(text) ? Date.parse(text) : NaN;
    if (Number.isNaN(at)) return undefined;
    seconds = Math.ceil((at - nowMs) / 1000);
  }
  return Math.min(Math.max(seconds, 0), maxSeconds);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
