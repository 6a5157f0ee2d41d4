/**
 * One value loaded on demand and kept for `ttlMs`: the campus configuration behind the public crisis list, the
 * database readiness behind /health. Callers that arrive while a load runs share it, so however many requests
 * come in, the source is asked at most once per `ttlMs`. A load that rejects is not kept (the next call tries
 * again); a load that resolves is kept unless `clear()` was called while it ran.
 */
export class ExpiringValue<T> {
  private value: { data: T; loadedAt: number } | undefined;
  private pending: Promise<T> | undefined;
  private generation = 0;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<T> {
    if (this.value && this.now() - this.value.loadedAt < this.ttlMs) return Promise.resolve(this.value.data);
    if (this.pending) return this.pending;
    const generation = this.generation;
    const loading = this.load().then(
      (data) => {
        if (generation === this.generation) this.value = { data, loadedAt: this.now() };
        if (this.pending === loading) this.pending = undefined;
        return data;
      },
      (error: unknown) => {
        if (this.pending === loading) this.pending = undefined;
        throw error;
      },
    );
    this.pending = loading;
    return loading;
  }

  clear(): void {
    this.generation += 1;
    this.value = undefined;
    this.pending = undefined;
  }
}
