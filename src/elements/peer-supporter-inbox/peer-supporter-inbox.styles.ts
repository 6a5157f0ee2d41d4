import { css } from 'lit';
import { buttonStyles, formStyles } from '../../core/styles.js';

export const supporterInboxStyles = [
  buttonStyles,
  formStyles,
  css`
    .panel {
      display: block;
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      overflow-wrap: anywhere;
    }
    .top,
    .bar,
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
    }
    .top {
      justify-content: space-between;
      align-items: start;
    }
    .heading {
      font-size: 1.35em;
      line-height: 1.25;
      margin: 0;
    }
    /* Headings below the element's own: bold, not bigger (the page's outline sets the size of the element's). */
    [role='heading']:not(.heading) {
      margin-block-end: 0.25em;
      font-size: 1.05em;
      font-weight: 700;
    }
    [part~='student-note'],
    [part~='contact'] {
      margin-block-end: calc(var(--_space) / 2);
    }
    p {
      margin: 0 0 calc(var(--_space) / 2);
    }
    [tabindex='-1']:focus {
      outline: none;
    }
    [tabindex='-1']:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    form,
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25em;
      margin-block-end: calc(var(--_space) / 2);
    }
    form {
      gap: calc(var(--_space) / 2);
    }
    .hint {
      font-size: 0.9em;
    }
    [part~='notice'],
    [part~='problem'],
    [part~='training'],
    [part~='message'] {
      padding: 0.5em 0.75em;
      border-inline-start: 4px solid var(--_accent);
      background: color-mix(in srgb, var(--_accent) 8%, transparent);
    }
    .requests {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    [part~='request'] {
      margin-block: 0 var(--_space);
      padding: calc(var(--_space) * 0.75);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    [part~='request'][data-status='escalated-to-professional'] {
      border-inline-start: 6px solid var(--_accent);
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25em 1em;
      margin: 0.5em 0;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    /* minmax(0, …): a grid column otherwise grows to its widest content and the page scrolls sideways at 320 px. */
    [part~='work'] {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_space);
      margin-block-start: calc(var(--_space) / 2);
    }
    @container (min-width: 40rem) {
      [part~='work'] {
        grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
      }
    }
    :host {
      container-type: inline-size;
    }
    [part~='guide'] {
      padding: 0.75em;
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
    }
    [part~='guide'] ul,
    [part~='notes'] {
      margin: 0.5em 0 0;
      padding-inline-start: 1.25em;
    }
    [part~='note'] {
      white-space: pre-line;
      margin-block-end: 0.5em;
    }
    .pre-line {
      white-space: pre-line;
    }
    section {
      margin-block-end: var(--_space);
    }
    @media (forced-colors: active) {
      [part~='notice'],
      [part~='problem'],
      [part~='training'],
      [part~='message'],
      [part~='request'] {
        border-color: CanvasText;
      }
    }
  `,
];
