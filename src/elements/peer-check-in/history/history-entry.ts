/**
 * One check-in as the student's own history keeps it on their device: when, which instrument, and the coarse
 * outcome the widget already shows in words. Never the note, never contact details, never raw answers or scores:
 * a shared lab computer may show this to the next person.
 */
export interface HistoryEntry {
  /** When the check-in was completed: ISO 8601 in UTC, as `Date.prototype.toISOString()` writes it. */
  at: string;
  instrument: HistoryInstrument;
  /** Quick mood only: 1 (very low) to 5 (very good), as labelled in the widget. */
  level?: MoodLevel;
  /**
   * WHO-5 and PHQ-4 only: the contract's `CheckInBand`, used to choose gentle words. Never shown as a label.
   * WHO-5: typical, low, very-low. PHQ-4: none, mild, moderate, severe.
   */
  band?: HistoryBand;
  /** Quick mood only: the contract's `EmotionWord` codes the student picked. */
  emotions?: string[];
  /** Quick mood only: the contract's `CheckInTopic` codes the student picked. */
  topics?: string[];
}

export type HistoryInstrument = 'mood' | 'who5' | 'phq4';
export type MoodLevel = 1 | 2 | 3 | 4 | 5;
export type Who5Band = 'typical' | 'low' | 'very-low';
export type Phq4Band = 'none' | 'mild' | 'moderate' | 'severe';
export type HistoryBand = Who5Band | Phq4Band;

const WHO5_BANDS: ReadonlySet<string> = new Set<Who5Band>(['typical', 'low', 'very-low']);
const PHQ4_BANDS: ReadonlySet<string> = new Set<Phq4Band>(['none', 'mild', 'moderate', 'severe']);

/** The contract allows up to 10 emotion words and 10 topics per check-in. */
const MAX_WORDS = 10;
/** A vocabulary code: lower-case words joined by hyphens ("low-mood"). Codes are translated, never shown raw. */
const CODE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_CODE_LENGTH = 40;

const ENTRY_KEYS: ReadonlySet<string> = new Set(['at', 'instrument', 'level', 'band', 'emotions', 'topics']);

/**
 * A strict copy of one saved or offered entry, or `undefined` when it is not one we would have written: an unknown
 * instrument, a time that is not a canonical UTC timestamp, a level or band that does not fit the instrument,
 * words that are not vocabulary codes, or any key we do not know (a `note` above all). With `pick`, unknown keys are
 * left out instead of refusing the entry (for entries the element builds from a wider object).
 */
export function toHistoryEntry(value: unknown, { pick = false }: { pick?: boolean } = {}): HistoryEntry | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (!pick && Object.keys(record).some((key) => !ENTRY_KEYS.has(key))) return undefined;
  const { at, instrument } = record;
  if (!isCanonicalUtc(at)) return undefined;
  if (instrument === 'mood') {
    if (record.band !== undefined) return undefined;
    const level = record.level;
    if (level !== 1 && level !== 2 && level !== 3 && level !== 4 && level !== 5) return undefined;
    const entry: HistoryEntry = { at, instrument, level };
    for (const key of ['emotions', 'topics'] as const) {
      if (record[key] === undefined) continue;
      const codes = toCodes(record[key]);
      if (!codes) return undefined;
      if (codes.length) entry[key] = codes;
    }
    return entry;
  }
  if (instrument === 'who5' || instrument === 'phq4') {
    if (record.level !== undefined || record.emotions !== undefined || record.topics !== undefined) return undefined;
    const bands = instrument === 'who5' ? WHO5_BANDS : PHQ4_BANDS;
    if (typeof record.band !== 'string' || !bands.has(record.band)) return undefined;
    return { at, instrument, band: record.band as HistoryBand };
  }
  return undefined;
}

/** What `parseHistory` found in a saved value. */
export interface ParsedHistory {
  /** The valid entries, oldest first, without exact duplicates. */
  entries: HistoryEntry[];
  /** True when the value was not JSON, not a list, or held anything that is not a valid entry (dropped). */
  malformed: boolean;
}

/**
 * Reads a saved history (a JSON array of entries). Keeps what is valid and drops the rest; never throws. `null`
 * (nothing saved) is an empty, well-formed history.
 */
export function parseHistory(text: string | null | undefined): ParsedHistory {
  if (text === null || text === undefined) return { entries: [], malformed: false };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { entries: [], malformed: true };
  }
  if (!Array.isArray(value)) return { entries: [], malformed: true };
  const entries: HistoryEntry[] = [];
  let malformed = false;
  for (const item of value) {
    const entry = toHistoryEntry(item);
    if (entry) entries.push(entry);
    else malformed = true;
  }
  return { entries: sortAndDeduplicate(entries), malformed };
}

/** Oldest first; an entry saved twice (the same check-in recorded by two tabs, say) is kept once. */
export function sortAndDeduplicate(entries: readonly HistoryEntry[]): HistoryEntry[] {
  const seen = new Set<string>();
  const unique: HistoryEntry[] = [];
  for (const entry of entries) {
    const identity = JSON.stringify(entry);
    if (seen.has(identity)) continue;
    seen.add(identity);
    unique.push(entry);
  }
  // Canonical timestamps all have the same shape, so comparing the strings compares the times.
  return unique.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** Exactly what `toISOString()` writes for years 0000–9999, and a real instant (no 30 February). */
function isCanonicalUtc(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value)) return false;
  const time = Date.parse(value);
  return Number.isFinite(time) && new Date(time).toISOString() === value;
}

/** A list of distinct vocabulary codes, or `undefined` when it is anything else. */
function toCodes(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_WORDS) return undefined;
  const codes: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string' || item.length > MAX_CODE_LENGTH || !CODE.test(item)) return undefined;
    if (!codes.includes(item)) codes.push(item);
  }
  return codes;
}
