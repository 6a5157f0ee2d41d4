import { html, nothing, svg, type TemplateResult } from 'lit';
import type { HistoryEntry, MoodLevel } from './history-entry.js';
import { moodWord, shortDate, type HistoryI18n } from './history-words.js';

/** One mood check-in on the chart, in the plot's own units (0–100 both ways; y grows downwards). */
export interface TrendPoint {
  entry: HistoryEntry;
  level: MoodLevel;
  x: number;
  y: number;
}

const LEVELS: readonly MoodLevel[] = [5, 4, 3, 2, 1];
/** Room at each end of the time axis so the first and last dots are not cut in half. */
const EDGE = 4;

/** The centre of a level's row, top (5, very good) to bottom (1, very low), five equal rows. */
export function levelY(level: MoodLevel): number {
  return (5 - level) * 20 + 10;
}

/**
 * The mood check-ins among `entries`, evenly spaced in the order they were made (a check-in every day and one a
 * month apart read the same way: this is a trend of how it went, not a calendar).
 */
export function trendPoints(entries: readonly HistoryEntry[]): TrendPoint[] {
  const moods = entries.filter((entry) => entry.instrument === 'mood' && entry.level !== undefined);
  const step = moods.length > 1 ? (100 - 2 * EDGE) / (moods.length - 1) : 0;
  return moods.map((entry, index) => ({
    entry,
    level: entry.level!,
    x: moods.length > 1 ? EDGE + index * step : 50,
    y: levelY(entry.level!),
  }));
}

/** The one-sentence summary the chart gives as its accessible name. */
export function trendSummary(i18n: HistoryI18n, points: readonly TrendPoint[], timeZone?: string): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return '';
  return i18n.t('checkIn.history.chart.label', {
    count: points.length,
    first: moodWord(i18n, first.level),
    firstDate: shortDate(i18n, first.entry, timeZone),
    last: moodWord(i18n, last.level),
    lastDate: shortDate(i18n, last.entry, timeZone),
  });
}

/**
 * A small line chart of mood over time, shown when there are at least two mood check-ins. The levels are named in
 * words beside the plot and the first and last days under it (never colour or position alone); the whole is one
 * image to assistive technology, named by its summary, with the table next to it giving every value.
 *
 * The rows of level words set the chart's height, and the plot stretches over them (`preserveAspectRatio="none"`,
 * positioned in its own box so its square viewBox does not size the rows), so lines keep their width with
 * `vector-effect="non-scaling-stroke"` and the dots are zero-length round-capped strokes, which stay round. In
 * right-to-left pages CSS mirrors the plot, so time runs the way the page reads.
 */
export function renderTrend(
  i18n: HistoryI18n,
  entries: readonly HistoryEntry[],
  timeZone?: string,
): TemplateResult | typeof nothing {
  const points = trendPoints(entries);
  if (points.length < 2) return nothing;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return html`<div part="history-chart" class="chart" role="img" aria-label=${trendSummary(i18n, points, timeZone)}>
    <div class="chart-levels">
      ${LEVELS.map((level) => html`<span class="chart-level">${moodWord(i18n, level)}</span>`)}
    </div>
    <div class="chart-area">
      <svg class="chart-plot" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        ${LEVELS.map(
          (level) =>
            svg`<line class="chart-grid" x1="0" x2="100" y1=${levelY(level)} y2=${levelY(level)} vector-effect="non-scaling-stroke" />`,
        )}
        <polyline
          class="chart-line"
          points=${points.map((point) => `${round(point.x)},${point.y}`).join(' ')}
          vector-effect="non-scaling-stroke"
        />
        ${points.map(
          (point) =>
            svg`<path class="chart-point" data-level=${point.level} d=${`M${round(point.x)} ${point.y}h0`} vector-effect="non-scaling-stroke" />`,
        )}
      </svg>
    </div>
    <div class="chart-dates">
      <span>${shortDate(i18n, first.entry, timeZone)}</span><span>${shortDate(i18n, last.entry, timeZone)}</span>
    </div>
  </div>`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
