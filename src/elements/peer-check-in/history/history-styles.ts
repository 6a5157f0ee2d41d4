import { css } from 'lit';
import { buttonStyles, formStyles } from '../../../core/styles.js';

/**
 * Styles of the history, to add to the element's `static styles` (lit drops the shared pieces it already has).
 * Tokens come from core/styles (`--peer-*` with fallbacks). Calm: no colour carries meaning alone, nothing moves.
 */
export const historyStyles = [
  buttonStyles,
  formStyles,
  css`
    .history-choice,
    .history {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: calc(var(--_space) / 2);
      overflow-wrap: anywhere;
    }
    .history {
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .history p,
    .history-choice p {
      margin: 0;
    }
    .history-heading {
      margin: 0;
      font-size: 1.15em;
      font-weight: 700;
      line-height: 1.25;
    }
    .history-check {
      display: flex;
      align-items: center;
      gap: 0.6em;
      min-block-size: var(--_target);
      font-weight: 600;
    }
    .history-check input {
      flex: none;
      margin: 0;
    }
    .history-about {
      margin: 0;
      padding-inline-start: 1.25em;
    }
    .history-problem,
    .history-notice {
      padding-inline-start: 0.6em;
      border-inline-start: 0.25rem solid var(--_border);
    }
    .history-hint {
      font-size: 0.9em;
    }

    /* The chart: level words beside the plot, the first and last days under it. */
    .chart {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      gap: 0.25rem 0.5rem;
      max-inline-size: 36rem;
    }
    .chart-levels {
      display: grid;
      grid-template-rows: repeat(5, 1fr);
      font-size: 0.85em;
    }
    .chart-level {
      display: flex;
      align-items: center;
      justify-content: flex-end;
      min-block-size: 1.75rem;
      line-height: 1.1;
      text-align: end;
    }
    .chart-area {
      position: relative;
    }
    .chart-plot {
      position: absolute;
      inset: 0;
      inline-size: 100%;
      block-size: 100%;
      overflow: visible;
    }
    .chart-plot:dir(rtl) {
      transform: scaleX(-1);
    }
    .chart-grid {
      stroke: var(--_border);
      stroke-width: 1px;
    }
    .chart-line {
      fill: none;
      stroke: var(--_accent);
      stroke-width: 2px;
      stroke-linejoin: round;
    }
    .chart-point {
      stroke: var(--_accent);
      stroke-width: 10px;
      stroke-linecap: round;
    }
    .chart-dates {
      grid-column: 2;
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.5rem;
      font-size: 0.85em;
    }

    .history-table {
      inline-size: 100%;
      border-collapse: collapse;
    }
    .history-table caption {
      text-align: start;
      font-weight: 600;
      padding-block-end: 0.25rem;
    }
    .history-table th,
    .history-table td {
      /* Whole words set the columns' least width (anywhere would break "miércoles" at 320 px); long ones still wrap. */
      overflow-wrap: break-word;
      padding: 0.4rem 0.5rem;
      border-block-end: 1px solid var(--_border);
      text-align: start;
      vertical-align: top;
    }
    .history-table tbody th {
      font-weight: 400;
    }
    .history-feeling,
    .history-instrument,
    .history-words {
      display: block;
    }
    .history-instrument {
      font-size: 0.85em;
    }

    .history-actions {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) / 2);
    }
    .history-confirm {
      display: grid;
      gap: calc(var(--_space) / 2);
      padding: calc(var(--_space) / 2);
      border: 2px solid var(--_border);
      border-radius: var(--_radius);
    }

    @media (forced-colors: active) {
      .chart-grid {
        stroke: GrayText;
      }
      .chart-line,
      .chart-point {
        stroke: CanvasText;
      }
      .history-problem,
      .history-notice {
        border-color: CanvasText;
      }
    }
  `,
];
