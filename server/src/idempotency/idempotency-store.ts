import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/database.ts';

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type ClaimOutcome =
  | { kind: 'claimed'; claimToken: string }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'in-flight' }
  | { kind: 'key-reused' };

export interface IdempotencyTimings {
  /** How long a key is remembered (the contract says 24 hours). */
  ttlMs: number;
  /** After this long an unfinished claim is treated as abandoned (its server died) and may be taken over. */
  inFlightTimeoutMs: number;
}

export const DEFAULT_IDEMPOTENCY_TIMINGS: IdempotencyTimings = {
  ttlMs: 24 * 60 * 60 * 1000,
  inFlightTimeoutMs: 60 * 1000,
};

interface ExistingRow {
  [column: string]: unknown;
  request_hash: string;
  claim_token: string;
  state: 'in-flight' | 'done';
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
  expired: boolean;
  abandoned: boolean;
}

const ATTEMPTS = 3;

/**
 * Idempotency records in the database, safe with many server instances on one PostgreSQL: a key is claimed with
 * INSERT ... ON CONFLICT DO NOTHING, and stale rows are taken over with a compare-and-set on their claim token.
 * All times come from the database clock, so instances need not agree on theirs.
 */
export class IdempotencyStore {
  constructor(
    private readonly db: Database,
    private readonly timings: IdempotencyTimings = DEFAULT_IDEMPOTENCY_TIMINGS,
  ) {}

  async claim(key: string, method: string, path: string, requestHash: string): Promise<ClaimOutcome> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const claimToken = randomUUID();
      const inserted = await this.db.query(
        `INSERT INTO idempotency_keys (key, method, path, request_hash, claim_token, state)
         VALUES ($1, $2, $3, $4, $5, 'in-flight')
         ON CONFLICT (key, method, path) DO NOTHING
         RETURNING claim_token`,
        [key, method, path, requestHash, claimToken],
      );
      if (inserted.length > 0) return { kind: 'claimed', claimToken };

      const [existing] = await this.db.query<ExistingRow>(
        `SELECT request_hash, claim_token, state, status, headers, body,
                created_at < now() - ($4::double precision * interval '1 millisecond') AS expired,
                (state = 'in-flight'
                  AND created_at < now() - ($5::double precision * interval '1 millisecond')) AS abandoned
           FROM idempotency_keys
          WHERE key = $1 AND method = $2 AND path = $3`,
        [key, method, path, this.timings.ttlMs, this.timings.inFlightTimeoutMs],
      );
      if (!existing) continue; // purged between the two statements: try to claim again

      const sameRequest = existing.request_hash === requestHash;
      if (existing.expired || (existing.abandoned && sameRequest)) {
        if (await this.takeOver(key, method, path, existing.claim_token, requestHash, claimToken)) {
          return { kind: 'claimed', claimToken };
        }
        continue; // another instance took it over first
      }
      if (!sameRequest) return { kind: 'key-reused' };
      if (existing.state === 'in-flight') return { kind: 'in-flight' };
      return {
        kind: 'replay',
        response: { status: existing.status ?? 200, headers: existing.headers ?? {}, body: existing.body ?? '' },
      };
    }
    // Only reachable under extreme churn on one key; telling the client to retry is always safe.
    return { kind: 'in-flight' };
  }

  private async takeOver(
    key: string,
    method: string,
    path: string,
    seenToken: string,
    requestHash: string,
    claimToken: string,
  ): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE idempotency_keys
          SET request_hash = $5, claim_token = $6, state = 'in-flight',
              status = NULL, headers = NULL, body = NULL, created_at = now(), completed_at = NULL
        WHERE key = $1 AND method = $2 AND path = $3 AND claim_token = $4
        RETURNING claim_token`,
      [key, method, path, seenToken, requestHash, claimToken],
    );
    return rows.length > 0;
  }

  /**
   * Stores the response of a claimed request. Pass the handler's transaction as `db` to store it together with
   * what the request created, so that neither commits without the other.
   */
  async complete(
    key: string,
    method: string,
    path: string,
    claimToken: string,
    response: StoredResponse,
    db: Queryable = this.db,
  ) {
    await db.query(
      `UPDATE idempotency_keys
          SET state = 'done', status = $5, headers = $6::jsonb, body = $7, completed_at = now()
        WHERE key = $1 AND method = $2 AND path = $3 AND claim_token = $4`,
      [key, method, path, claimToken, response.status, JSON.stringify(response.headers), response.body],
    );
  }

  /** Forgets a claim whose request failed in a way worth retrying (5xx, 429), so the retry runs for real. */
  async release(key: string, method: string, path: string, claimToken: string) {
    await this.db.query(
      'DELETE FROM idempotency_keys WHERE key = $1 AND method = $2 AND path = $3 AND claim_token = $4',
      [key, method, path, claimToken],
    );
  }

  /** Deletes records older than the time-to-live; returns how many went. */
  async purgeExpired(): Promise<number> {
    const [row] = await this.db.query<{ purged: number }>(
      `WITH purged AS (
         DELETE FROM idempotency_keys
          WHERE created_at < now() - ($1::double precision * interval '1 millisecond')
          RETURNING 1
       )
       SELECT count(*)::int AS purged FROM purged`,
      [this.timings.ttlMs],
    );
    return row?.purged ?? 0;
  }
}
