import { css } from 'lit';
import { buttonStyles, choiceStyles, formStyles } from '../../core/styles.js';

export const peerRequestButtonStyles = [
  buttonStyles,
  formStyles,
  choiceStyles,
  css`
    :host {
      display: inline-block;
      max-inline-size: 100%;
    }
    .base {
      display: grid;
      gap: 0.5em;
      justify-items: start;
    }
    .top {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 1em;
    }
    .button.open {
      flex-direction: column;
      align-items: flex-start;
      gap: 0.1em;
      text-align: start;
    }
    /* The line keeps its room while availability loads, so the answer does not push the host page down (CLS). */
    .availability {
      min-block-size: 1.5em;
      font-weight: 400;
      font-size: 0.95em;
    }
    .link-button {
      min-block-size: var(--_target);
      padding: 0;
      border: 0;
      background: none;
      color: var(--_accent);
      font: inherit;
      text-decoration: underline;
      cursor: pointer;
    }
    a {
      color: var(--_accent);
    }
    dialog {
      inline-size: min(40rem, 100vw - 1rem);
      max-block-size: calc(100dvh - 1rem);
      padding: 0;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: Canvas;
      color: CanvasText;
      overflow-wrap: anywhere;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
    /* Full screen on small screens: a form in a floating box leaves no room for the keyboard. */
    @media (max-width: 36rem) {
      dialog {
        inline-size: 100vw;
        max-inline-size: 100vw;
        block-size: 100dvh;
        max-block-size: 100dvh;
        margin: 0;
        border: 0;
        border-radius: 0;
      }
    }
    .dialog-body,
    .status,
    .code,
    .fallback,
    .safety-help,
    form,
    .step-fields,
    .field {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.5em;
    }
    .dialog-body {
      gap: var(--_space);
      padding: var(--_space);
    }
    .dialog-body p {
      margin: 0;
    }
    .dialog-top {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
    }
    .dialog-heading {
      flex: 1 1 12rem;
      font-size: 1.25em;
      font-weight: 700;
    }
    .sub-heading {
      font-size: 1.1em;
      font-weight: 700;
    }
    .step-count {
      font-size: 0.95em;
    }
    .field > label {
      font-weight: 600;
    }
    .field input,
    .field textarea,
    .field select {
      inline-size: 100%;
    }
    .hint {
      font-size: 0.95em;
    }
    .nested {
      margin-block-start: 0.5em;
    }
    .field-error {
      font-weight: 600;
    }
    .field-error::before {
      content: '⚠ ';
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }
    .fallback,
    .safety-help,
    .code {
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .code-value {
      font-family: ui-monospace, monospace;
      font-size: 1.1em;
      font-weight: 700;
      overflow-wrap: anywhere;
    }
    .state {
      font-weight: 600;
    }
    :focus:not(:focus-visible)[tabindex='-1'] {
      outline: none;
    }
    @media (forced-colors: active) {
      .link-button,
      a {
        color: LinkText;
      }
    }
  `,
];
