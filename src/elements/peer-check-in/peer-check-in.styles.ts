import { css } from 'lit';
import { buttonStyles, choiceStyles, formStyles } from '../../core/styles.js';
import { historyStyles } from './history/history-styles.js';

export const checkInStyles = [
  buttonStyles,
  formStyles,
  choiceStyles,
  ...historyStyles,
  css`
    :host {
      container-type: inline-size;
    }
    .panel {
      display: grid;
      gap: var(--_space);
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .top {
      display: flex;
      flex-wrap: wrap;
      align-items: start;
      justify-content: space-between;
      gap: 0.5em;
    }
    h2,
    h3,
    h4,
    p {
      margin: 0;
    }
    .heading {
      font-size: 1.35em;
      line-height: 1.25;
    }
    .heading:focus {
      outline: none;
    }
    .heading:focus-visible {
      outline: 3px solid var(--_focus);
    }
    form {
      display: grid;
      gap: calc(var(--_space) * 1.25);
    }
    .item + .item {
      margin-block-start: calc(var(--_space) * 0.75);
    }
    .instrument {
      display: grid;
      gap: 0.5em;
    }
    .hint,
    .attribution,
    .privacy {
      font-size: 0.9em;
    }
    .note,
    .follow-up,
    .follow-up-details {
      display: grid;
      gap: 0.4em;
    }
    .note textarea,
    .follow-up input:not([type]),
    .follow-up input[type='email'],
    .follow-up input[type='tel'] {
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
    .help-is-here {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
    }
    .safety-help {
      display: grid;
      gap: 0.5em;
      padding-block-start: var(--_space);
      border-block-start: 1px solid var(--_border);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      align-items: center;
    }
    .status {
      display: grid;
      gap: 0.5em;
    }
    .result {
      display: grid;
      gap: var(--_space);
    }
    /* Holds the crisis panel below the form, in the place it keeps in the result: no box of its own. */
    .after-form {
      display: contents;
    }
    .note > label {
      font-weight: 600;
    }
    .next-steps {
      display: grid;
      gap: 0.75em;
    }
    .next-steps ul {
      display: grid;
      gap: 0.75em;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .next-steps li {
      display: grid;
      gap: 0.25em;
      justify-items: start;
    }
    .next-heading {
      font-size: 1.1em;
    }
    .reminder {
      display: grid;
      gap: 0.5em;
      padding-block-start: var(--_space);
      border-block-start: 1px solid var(--_border);
    }
    .reminder-fields {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75em;
    }
    .reminder-fields label {
      display: grid;
      gap: 0.25em;
    }
    @media (forced-colors: active) {
      .choice:has(input:checked) {
        border: 2px solid Highlight;
      }
    }
  `,
];
