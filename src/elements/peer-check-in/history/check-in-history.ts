import { parseHistory, sortAndDeduplicate, toHistoryEntry, type HistoryEntry } from './history-entry.js';

/**
 * Why the history could not be read or kept:
 * - `unavailable`: the browser gives no storage here, or refuses it (a SecurityError in private modes, sandboxed
 *   frames, blocked site data) or fails in some other way.
 * - `full`: the storage for this site is full (a QuotaExceededError; the campus page shares it with its own scripts).
 * - `malformed`: something saved under our key was not a history we would write; the valid entries are kept.
 * - `off`: the student has not turned the history on, so nothing was written.
 * - `invalid`: the entry offered is not a valid history entry (a bug in the caller), so nothing was written.
 */
export type HistoryProblem = 'unavailable' | 'full' | 'malformed' | 'off' | 'invalid';

export interface HistoryRead {
  /** Oldest first. Empty when there is nothing, or nothing readable. */
  entries: HistoryEntry[];
  problem?: 'unavailable' | 'malformed';
}

export type HistoryWrite = { ok: true } | { ok: false; problem: 'unavailable' | 'full' | 'off' | 'invalid' };

export interface CheckInHistoryOptions {
  /** Where to keep it. Default: `window.localStorage` (whose getter itself may throw). */
  storage?: () => Storage | null | undefined;
  /** The key of the entries. Default: `peer-support-widgets:check-in-history:v1`. */
  key?: string;
  /** The most entries kept; the oldest are dropped first. Default: 200. */
  max?: number;
}

export const DEFAULT_HISTORY_KEY = 'peer-support-widgets:check-in-history:v1';
export const DEFAULT_HISTORY_MAX = 200;
/**
 * The version of the words that explained the history when the student turned it on (kept with the choice), so a
 * later change to what is kept can ask again rather than assume.
 */
export const HISTORY_CONSENT_VERSION = 1;

/** Tries to write before giving up when another tab keeps changing the value under us. */
const WRITE_ATTEMPTS = 3;

/**
 * The student's own check-in history, kept only on this device and only after they turned it on. Every method
 * returns what happened and never throws: storage that refuses, a full quota, a hostile saved value or another tab
 * writing at the same moment must never break a check-in.
 *
 * Two keys: the entries (`key`) and the student's choice (`key` + `:on`), so that turning the history off removes
 * both and leaves nothing behind.
 */
export class CheckInHistory {
  readonly key: string;
  /** The key of the student's choice: present (with when and which wording) only while the history is on. */
  readonly choiceKey: string;
  readonly max: number;
  private readonly storage: () => Storage | null | undefined;

  constructor(options: CheckInHistoryOptions = {}) {
    this.key = options.key ?? DEFAULT_HISTORY_KEY;
    this.choiceKey = `${this.key}:on`;
    const max = options.max ?? DEFAULT_HISTORY_MAX;
    this.max = Number.isInteger(max) && max > 0 ? max : DEFAULT_HISTORY_MAX;
    this.storage = options.storage ?? (() => window.localStorage);
  }

  /** Whether the student turned the history on (false when storage cannot be read). */
  isOn(): boolean {
    const value = this.get(this.choiceKey);
    if (typeof value !== 'string') return false;
    try {
      const choice: unknown = JSON.parse(value);
      return typeof choice === 'object' && choice !== null && 'version' in choice && Number.isInteger(choice.version);
    } catch {
      return false;
    }
  }

  /** Records the student's choice to keep their check-ins here. Writes nothing else. */
  turnOn(now: Date = new Date()): HistoryWrite {
    const choice = JSON.stringify({ version: HISTORY_CONSENT_VERSION, at: now.toISOString() });
    const problem = this.set(this.choiceKey, choice);
    return problem ? { ok: false, problem } : { ok: true };
  }

  /**
   * Turns the history off and deletes everything it kept. The entries go first: if they cannot be deleted, the
   * choice stays on, so the student still sees them and is not told they are gone.
   */
  turnOff(): { ok: boolean } {
    if (!this.clear().ok) return { ok: false };
    return { ok: this.remove(this.choiceKey) };
  }

  read(): HistoryRead {
    const value = this.get(this.key);
    if (value === undefined) return { entries: [], problem: 'unavailable' };
    const parsed = parseHistory(value);
    const entries = parsed.entries.slice(-this.max);
    return parsed.malformed ? { entries, problem: 'malformed' } : { entries };
  }

  /**
   * Adds a completed check-in, only when the history is on. Keys other than an entry's are left out (a `note` on
   * the object offered is never kept). Invalid saved entries are dropped in the same write.
   */
  add(offered: HistoryEntry): HistoryWrite {
    const entry = toHistoryEntry(offered, { pick: true });
    if (!entry) return { ok: false, problem: 'invalid' };
    let before = this.get(this.key);
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      if (before === undefined) return { ok: false, problem: 'unavailable' };
      const next = JSON.stringify(sortAndDeduplicate([...parseHistory(before).entries, entry]).slice(-this.max));
      // Another tab may have written, cleared or turned the history off since we read it: check again just before
      // writing, and start over from its value rather than overwrite it.
      if (!this.isOn()) return { ok: false, problem: 'off' };
      const now = this.get(this.key);
      if (now !== before) {
        before = now;
        continue;
      }
      const problem = this.set(this.key, next);
      return problem ? { ok: false, problem } : { ok: true };
    }
    return { ok: false, problem: 'unavailable' };
  }

  /** Deletes every entry (the choice stays as it is). */
  clear(): { ok: boolean } {
    return { ok: this.remove(this.key) };
  }

  /**
   * Calls `listener` when another tab or window changes the history or the choice (the `storage` event, which the
   * browser fires only in other documents). Returns the function that stops listening.
   */
  onChange(listener: () => void, target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window) {
    const handle = (event: StorageEvent) => {
      // A null key means the whole storage was cleared.
      if (event.key === null || event.key === this.key || event.key === this.choiceKey) listener();
    };
    target.addEventListener('storage', handle);
    return () => target.removeEventListener('storage', handle);
  }

  /** The storage, or `undefined` when there is none or asking for it throws. */
  private area(): Storage | undefined {
    try {
      return this.storage() ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** The saved string, `null` when nothing is saved, `undefined` when storage cannot be read. */
  private get(key: string): string | null | undefined {
    try {
      const value = this.area()?.getItem(key);
      return value === undefined || value === null || typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }

  private set(key: string, value: string): 'unavailable' | 'full' | undefined {
    const area = this.area();
    if (!area) return 'unavailable';
    try {
      area.setItem(key, value);
      return undefined;
    } catch (error) {
      return isQuotaError(error) ? 'full' : 'unavailable';
    }
  }

  /** Removes a key and checks that it is gone. */
  private remove(key: string): boolean {
    const area = this.area();
    if (!area) return false;
    try {
      area.removeItem(key);
      return area.getItem(key) === null;
    } catch {
      return false;
    }
  }
}

function isQuotaError(error: unknown): boolean {
  // Older engines used other names and legacy code 22 for the same condition.
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || error.code === 22)
  );
}
