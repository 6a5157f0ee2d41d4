import { toHistoryEntry, type HistoryEntry } from './history-entry.js';

/** One CSV column: its localized header and the localized words of a cell. */
export interface CsvColumn {
  header: string;
  value: (entry: HistoryEntry) => string;
}

/**
 * The history as CSV (RFC 4180): a header row, then one row per entry; records end with CRLF; a field holding a
 * comma, a double quote, CR or LF is quoted, with its quotes doubled. Every cell, headers and localized words
 * included, that a spreadsheet would run as a formula is neutralised first (see `neutraliseFormula`).
 */
export function historyToCsv(entries: readonly HistoryEntry[], columns: readonly CsvColumn[]): string {
  const rows = [columns.map((column) => column.header), ...entries.map((entry) => columns.map((c) => c.value(entry)))];
  return rows.map((row) => row.map((cell) => csvField(neutraliseFormula(cell))).join(',') + '\r\n').join('');
}

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and CR, as the start of one after its
 * own trimming): OWASP's list for CSV injection.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a cell a spreadsheet would run as a formula with `'`, so it is shown as text. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** One RFC 4180 field: quoted (quotes doubled) only when it must be. */
export function csvField(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The format named in exported JSON, so a later import (or another tool) knows what it is reading. */
export const HISTORY_JSON_FORMAT = 'peer-support-widgets/check-in-history';

/**
 * The history as JSON: `{ format, version, exportedAt, entries }`, entries as saved (codes, not words), so the
 * student's own data is complete and machine-readable. Each entry is copied strictly: nothing but its own fields.
 */
export function historyToJson(entries: readonly HistoryEntry[], exportedAt: Date = new Date()): string {
  const clean = entries.map((entry) => toHistoryEntry(entry, { pick: true })).filter((entry) => entry !== undefined);
  return `${JSON.stringify(
    { format: HISTORY_JSON_FORMAT, version: 1, exportedAt: exportedAt.toISOString(), entries: clean },
    null,
    2,
  )}\n`;
}

export const CSV_MIME_TYPE = 'text/csv;charset=utf-8';
export const JSON_MIME_TYPE = 'application/json';

/** How long the file's object URL lives after the click: long enough for every browser to start the download. */
const REVOKE_AFTER_MS = 40_000;

/**
 * Saves text as a file through the browser's own download (a Blob, an `<a download>` clicked, the object URL
 * revoked afterwards). Nothing is sent anywhere. Returns false when the browser would not create the file.
 *
 * CSV gets a byte order mark so that spreadsheet programs read it as UTF-8 (accents and other scripts intact).
 */
export function downloadText(text: string, fileName: string, mimeType: string, doc: Document = document): boolean {
  const view = doc.defaultView ?? window;
  let url: string;
  try {
    const body = mimeType.startsWith('text/csv') ? `\uFEFF${text}` : text;
    url = view.URL.createObjectURL(new view.Blob([body], { type: mimeType }));
  } catch {
    return false;
  }
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.click();
  view.setTimeout(() => view.URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  return true;
}
