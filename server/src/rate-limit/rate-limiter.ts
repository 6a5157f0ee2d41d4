import { createHmac } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import type { DailySecret } from './daily-secret.ts';
import type { RateLimitSetting } from './rate-limit-setting.ts';

export type RateLimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Fixed-window counts per client, in the database so that every instance behind a load balancer adds to the same
 * count. A client is known only by HMAC-SHA-256 of its address under the day's secret; the address itself is
 * never stored. Windows follow the database clock, so instances need not agree on theirs. One statement per
 * request: the upsert that counts it.
 */
export class RateLimiter {
  constructor(
    private readonly db: Queryable,
    private readonly secret: DailySecret,
    private readonly scope: string,
    readonly setting: RateLimitSetting,
  ) {}

  async hit(address: string): Promise<RateLimitOutcome> {
    const clientKey = createHmac('sha256', await this.secret.keyFor())
      .update(address, 'utf8')
      .digest('base64url');
    const [row] = await this.db.query<{ hits: number; seconds_left: number }>(
      `INSERT INTO rate_limit_windows AS w (scope, client_key, window_end, hits)
       VALUES ($1, $2, to_timestamp((floor(extract(epoch FROM now()) / $3::int) + 1) * $3::int), 1)
       ON CONFLICT (scope, client_key, window_end) DO UPDATE SET hits = w.hits + 1
       RETURNING w.hits, extract(epoch FROM w.window_end - now())::float8 AS seconds_left`,
      [this.scope, clientKey, this.setting.windowSeconds],
    );
    if (row!.hits <= this.setting.limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(row!.seconds_left)) };
  }
}
