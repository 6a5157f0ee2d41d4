/**
 * A `Storage` for tests that can be told to fail the way browsers do: a SecurityError (private modes, sandboxed
 * frames, blocked site data), a QuotaExceededError (full), or another tab writing at a chosen moment.
 */
export class MemoryStorage implements Storage {
  readonly values = new Map<string, string>();
  /** Thrown by `getItem`, `setItem` or `removeItem` when set. */
  failGet?: DOMException;
  failSet?: DOMException;
  failRemove?: DOMException;
  /** Runs after each `getItem` has read its value: "another tab" writes here. */
  afterGet?: (key: string, calls: number) => void;
  private gets = 0;

  get length(): number {
    return this.values.size;
  }

  key(index: number): string | null {
    return [...this.values.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    if (this.failGet) throw this.failGet;
    const value = this.values.get(key) ?? null;
    this.afterGet?.(key, ++this.gets);
    return value;
  }

  setItem(key: string, value: string): void {
    if (this.failSet) throw this.failSet;
    this.values.set(key, String(value));
  }

  removeItem(key: string): void {
    if (this.failRemove) throw this.failRemove;
    this.values.delete(key);
  }

  clear(): void {
    this.values.clear();
  }
}

export const securityError = () => new DOMException('The operation is insecure.', 'SecurityError');
export const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
