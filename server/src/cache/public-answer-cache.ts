/**
 * An in-memory cache for public answers (the same for every caller), so that a burst of students opening the
 * crisis panel costs one database query per distinct question instead of one per student.
 *
 * - An entry lives as long as the answer's own `max-age`, so this process never serves an answer that a shared
 *   cache would already have to refetch; `ageSeconds` lets the caller send `Age` so downstream caches count it too.
 * - `clear()` drops everything at once (the owner calls it after every write that can change an answer). Answers
 *   that were being computed while the write happened are not stored: each computation notes the generation it
 *   started in, and `clear()` starts a new one.
 * - Concurrent misses for one key share one computation.
 * - Size is bounded by entry count and by total bytes; the least recently used entries go first.
 *
 * Another instance on the same PostgreSQL does not see this process's `clear()`: there, a changed answer appears
 * when the entry expires, within `max-age`, which is as long as any shared cache may keep it anyway.
 */
export interface CachedAnswer {
  /** The serialised body. */
  body: string;
  /** When the answer was computed (ms, from the cache's clock). */
  storedAt: number;
}

export interface PublicAnswerCacheOptions {
  maxAgeMs: number;
  maxEntries: number;
  maxBytes: number;
  /** Milliseconds; tests pass a fake clock. */
  now?: () => number;
}

export class PublicAnswerCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private readonly pending = new Map<string, Promise<CachedAnswer>>();
  private bytes = 0;
  private generation = 0;
  private readonly now: () => number;

  constructor(private readonly options: PublicAnswerCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  /** The fresh entry for `key`, or undefined (an expired one is dropped). Counts as a use for eviction order. */
  get(key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt >= this.options.maxAgeMs) {
      this.remove(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /**
   * The cached answer for `key`, or the one `compute` produces (stored unless a `clear()` happened meanwhile).
   * A failing `compute` stores nothing and rejects every caller that waited on it.
   */
  async getOrCompute(key: string, compute: () => Promise<string>): Promise<CachedAnswer> {
    const cached = this.get(key);
    if (cached) return cached;
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;

    const generation = this.generation;
    const computation = (async () => {
      const body = await compute();
      const answer: CachedAnswer = { body, storedAt: this.now() };
      if (generation === this.generation) this.store(key, answer);
      return answer;
    })();
    this.pending.set(key, computation);
    try {
      return await computation;
    } finally {
      if (this.pending.get(key) === computation) this.pending.delete(key);
    }
  }

  /** Whole seconds since the answer was computed, for the `Age` header. */
  ageSeconds(answer: CachedAnswer): number {
    return Math.max(0, Math.floor((this.now() - answer.storedAt) / 1000));
  }

  /** Forgets every answer, and every answer still being computed. */
  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.pending.clear();
    this.bytes = 0;
  }

  private store(key: string, answer: CachedAnswer): void {
    const size = answer.body.length * 2;
    if (size > this.options.maxBytes) return;
    this.remove(key);
    this.entries.set(key, answer);
    this.bytes += size;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes) break;
      this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.length * 2;
  }
}
