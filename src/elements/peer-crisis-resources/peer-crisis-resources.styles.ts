import { css } from 'lit';
import { buttonStyles, formStyles } from '../../core/styles.js';

/** Calm and legible: the emergency block stands out by weight and a border, never by alarm-red or motion. */
export const crisisStyles = [
  buttonStyles,
  formStyles,
  css`
    .panel,
    .emergency,
    .list,
    .resource,
    .methods {
      /* A track never grows past the panel for a long word or a wide control: reflow at 320 px. */
      grid-template-columns: minmax(0, 1fr);
    }
    .panel {
      display: grid;
      gap: var(--_space);
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    /* Reflow at 320 px: a long address or word in data wraps rather than widening the page; a number does not split. */
    .panel,
    .banner {
      overflow-wrap: anywhere;
    }
    bdi[dir='ltr'] {
      white-space: nowrap;
    }
    .heading {
      margin: 0;
      font-weight: 700;
      line-height: 1.25;
    }
    [part~='heading'] {
      font-size: 1.4em;
    }
    [part~='emergency-heading'],
    [part~='lines-heading'] {
      font-size: 1.15em;
    }
    [part~='resource-name'] {
      font-size: 1.05em;
    }
    p {
      margin: 0;
    }
    .emergency {
      display: grid;
      gap: calc(var(--_space) / 2);
      padding: var(--_space);
      border: 2px solid var(--_accent);
      border-inline-start-width: 0.4rem;
      border-radius: var(--_radius);
    }
    .emergency-actions {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) / 2);
    }
    .emergency-number {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
    }
    .emergency-services {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.25em 0.5em;
    }
    .emergency-number .button {
      font-size: 1.15em;
    }
    .list,
    .methods {
      display: grid;
      gap: var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .resource {
      display: grid;
      gap: 0.4em;
      padding-block-start: var(--_space);
      border-block-start: 1px solid var(--_border);
    }
    .methods {
      gap: 0.6em;
    }
    .method {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 0.75em;
    }
    .method-label {
      flex-basis: 100%;
      font-weight: 600;
    }
    .status {
      font-size: 0.95em;
    }
    .copy-status {
      font-weight: 600;
    }
    .copy-number {
      user-select: all;
    }
    .country-note {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
    }
    .status.closed {
      opacity: 0.85;
    }
    .marks,
    .verified,
    .note,
    .hint,
    .address {
      font-size: 0.9em;
    }
    .text-link {
      display: inline-flex;
      align-items: center;
      min-block-size: var(--_target);
      color: var(--_accent);
    }
    .stale {
      display: grid;
      justify-items: start;
      gap: 0.5em;
      padding: 0.5em 0.75em;
      border-inline-start: 3px solid var(--_border);
    }
    .fallback[hidden] {
      display: none;
    }
    /* A column of flex items, not a grid: an item's negative margin takes back its gap (see .room-only). */
    .services {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    .awaiting {
      min-block-size: var(--peer-campus-room, auto);
    }
    /* An empty box takes no gap of its own: with no room set, it is as if it were not there. */
    .room-only {
      margin-block-start: calc(-1 * var(--_space));
      min-block-size: var(--peer-campus-room, 0px);
    }
    .region {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
    }
    .quick-exit {
      display: grid;
      justify-items: start;
      gap: 0.25em;
    }
    .banner {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 0.75em;
      padding: 0.5em var(--_space);
      border: 2px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .banner-text {
      flex: 1 1 12em;
      font-weight: 600;
    }
    [hidden] {
      display: none !important;
    }
    @media (forced-colors: active) {
      .emergency,
      .banner,
      .panel {
        border-color: CanvasText;
      }
      .text-link {
        color: LinkText;
      }
    }
  `,
];
