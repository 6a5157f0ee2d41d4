import { css } from 'lit';
import { buttonStyles, choiceStyles, formStyles } from '../../core/styles.js';

export const groupFinderStyles = [
  buttonStyles,
  formStyles,
  choiceStyles,
  css`
    :host {
      container-type: inline-size;
    }
    /* Block flow, not grid, for the panel, the results and each card: a grid works out the intrinsic width of every
       item it holds, and with 1,000 cards (and overflow-wrap: anywhere) that was most of the time spent rendering. */
    .panel {
      display: block;
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    /* Spacing by each piece's own bottom margin, never a sibling rule ("* + *"): when "Show more" adds or removes a
       sibling of the list, such a rule made the browser recompute the style of all 1,000 cards (200-600 ms a page
       at 980 cards; 16-24 ms without). The panel's bottom padding is the last piece's margin. */
    .panel {
      padding-block-end: 0;
    }
    .panel > :not(dialog, .visually-hidden),
    .results-region > * {
      margin-block: 0 var(--_space);
    }
    .top {
      display: flex;
      flex-wrap: wrap;
      align-items: start;
      justify-content: space-between;
      gap: 0.5em;
    }
    p {
      margin: 0;
    }
    /* The core's "box-sizing: inherit" stops at <details>: its content inherits from the slot in the browser's own
       shadow tree, which is content-box, so a 100%-wide field with padding overflowed a 320 px screen. */
    details *,
    details *::before,
    details *::after {
      box-sizing: border-box;
    }
    .heading {
      font-size: 1.35em;
      line-height: 1.25;
    }
    [tabindex='-1']:focus {
      outline: none;
    }
    [tabindex='-1']:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .hint {
      font-size: 0.9em;
    }
    .pre-line {
      white-space: pre-line;
    }
    /* Long words and addresses from a backend wrap instead of widening the page (reflow at 320 px). */
    .panel,
    dialog {
      overflow-wrap: anywhere;
    }

    /* Search and filters */
    .search {
      display: grid;
      gap: calc(var(--_space) * 0.75);
    }
    .search-field {
      display: grid;
      gap: 0.25em;
    }
    .search-field > label {
      font-weight: 600;
    }
    .search-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }
    .search-row input {
      flex: 1 1 12rem;
      min-inline-size: 0;
    }
    .filters {
      display: grid;
      gap: 0.5em;
    }
    .filter {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .filter > summary {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25em 0.75em;
      min-block-size: var(--_target);
      padding: 0.25em 0.75em;
      font-weight: 600;
      cursor: pointer;
    }
    .filter > summary::before {
      content: '▸';
      display: inline-block;
    }
    .filter[open] > summary::before {
      content: '▾';
    }
    [dir='rtl'] .filter:not([open]) > summary::before {
      content: '◂';
    }
    .filter > summary::-webkit-details-marker {
      display: none;
    }
    .chosen {
      font-weight: 400;
      font-size: 0.9em;
    }
    .filter-body {
      display: grid;
      gap: var(--_space);
      padding: 0.25em 0.75em 0.75em;
    }
    .filter-set > .hint {
      margin-block-end: 0.4em;
    }
    .language {
      display: grid;
      gap: 0.25em;
      justify-items: start;
    }
    .language label {
      font-weight: 600;
    }
    legend {
      margin-block-end: 0.4em;
    }
    .choice > span::first-letter {
      text-transform: uppercase;
    }
    .choice > span {
      display: inline-block;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
    }

    /* Results: the status line and the list keep their room while loading, so nothing jumps. */
    .status-line {
      min-block-size: 1.5em;
      font-weight: 600;
    }
    @container (max-width: 30rem) {
      .status-line {
        min-block-size: 3em;
      }
    }
    .results-region {
      display: block;
      min-block-size: min(36rem, 80vh);
    }
    .results {
      display: block;
      padding: 0;
      list-style: none;
    }
    .results.updating {
      opacity: 0.6;
    }
    /* Spaced by its own margin, not ".card + .card": a sibling rule over 1,000 cards made the browser recompute the
       style of every card each time "Show more" added 20 (200 ms of style at 980 cards, 24 ms without). */
    .card {
      display: block;
      margin-block: 0 var(--_space);
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .card > article {
      display: flex;
      flex-direction: column;
      gap: 0.5em;
    }
    .card-name {
      font-size: 1.15em;
      font-weight: 700;
      line-height: 1.3;
    }
    .placeholder {
      block-size: 18rem;
      background: color-mix(in srgb, currentColor 6%, transparent);
    }
    .facts,
    .words,
    .sessions,
    .agreements {
      margin: 0;
      padding: 0;
    }
    .facts,
    .words {
      list-style: none;
    }
    .facts {
      display: grid;
      gap: 0.2em;
    }
    .sessions,
    .agreements {
      padding-inline-start: 1.25em;
    }
    .sessions .cancelled {
      text-decoration: line-through;
    }
    .availability {
      font-weight: 600;
    }
    .tagged {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.35em 0.5em;
    }
    .tag-label {
      font-size: 0.9em;
      font-weight: 600;
    }
    .words {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35em;
    }
    .words li {
      padding: 0.1em 0.6em;
      border: 1px solid var(--_border);
      border-radius: 999px;
      font-size: 0.9em;
    }
    .empty,
    .problem {
      display: grid;
      gap: 0.5em;
      justify-items: start;
    }
    .empty-heading {
      font-weight: 700;
    }

    /* Details */
    dialog {
      inline-size: min(44rem, 100vw - 1rem);
      max-block-size: calc(100dvh - 1rem);
      padding: 0;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: Canvas;
      color: CanvasText;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
    .dialog-body {
      display: grid;
      gap: var(--_space);
      padding: var(--_space);
    }
    .dialog-top {
      display: flex;
      flex-wrap: wrap-reverse;
      align-items: start;
      justify-content: space-between;
      gap: 0.5em;
    }
    .dialog-name {
      font-size: 1.3em;
      font-weight: 700;
      line-height: 1.25;
    }
    .detail,
    .join,
    .outcome,
    .calendar,
    .where,
    .code,
    .location,
    .confirm,
    .consent {
      display: grid;
      gap: 0.5em;
    }
    .join,
    .outcome,
    .calendar {
      padding-block-start: var(--_space);
      border-block-start: 1px solid var(--_border);
    }
    .sub-heading {
      font-size: 1.1em;
      font-weight: 700;
    }
    .sub-label {
      font-weight: 600;
    }
    form {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_space);
    }
    .field {
      display: grid;
      /* minmax(0, …): a text field's default width must not widen the column past a 320 px screen. */
      grid-template-columns: minmax(0, 1fr);
      gap: 0.25em;
    }
    .field > label {
      font-weight: 600;
    }
    .field input,
    .field textarea {
      inline-size: 100%;
    }
    .field-error,
    .error-summary {
      font-weight: 600;
    }
    .field-error::before,
    .error-summary::before {
      content: '⚠ ';
    }
    .code-value {
      padding: 0.5em 0.75em;
      border: 1px dashed var(--_border);
      border-radius: calc(var(--_radius) / 2);
      font-family: ui-monospace, monospace;
      word-break: break-all;
      user-select: all;
    }
    .cancel-code {
      border-block-start: 1px solid var(--_border);
      padding-block-start: var(--_space);
    }
    .cancel-code > summary {
      min-block-size: var(--_target);
      display: flex;
      align-items: center;
      cursor: pointer;
      font-weight: 600;
    }
    .cancel-code form {
      margin-block-start: 0.5em;
    }
    .cancel-code input {
      inline-size: 100%;
    }
    .button[aria-disabled='true'] {
      opacity: 0.6;
      cursor: progress;
    }
    a {
      color: var(--_accent);
    }
    @media (forced-colors: active) {
      .choice:has(input:checked) {
        border: 2px solid Highlight;
      }
      .placeholder {
        background: Canvas;
      }
      a {
        color: LinkText;
      }
    }
  `,
];
