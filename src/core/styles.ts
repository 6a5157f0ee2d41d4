import { css } from 'lit';

/**
 * Shared styles. The documented theming tokens (all optional, each with a fallback):
 *   --peer-font-family      default: inherit (the page's font)
 *   --peer-color-text       default: inherit (the page's text colour)
 *   --peer-color-surface    background of cards and panels; default: transparent over the page
 *   --peer-color-border     default: the text colour at low opacity
 *   --peer-color-accent     buttons and links; default: a calm blue with AA contrast in light and dark schemes
 *   --peer-color-on-accent  text on accent; default: white / near-black in dark schemes
 *   --peer-color-focus      focus ring; default: the accent
 *   --peer-radius           default: 0.5rem
 *   --peer-space            base spacing unit; default: 1rem
 *   --peer-target-size      minimum size of every control; default: 44px (WCAG 2.5.5)
 * Colours follow the page's `color-scheme` through light-dark() where the browser supports it.
 */
export const tokens = css`
  :host {
    --_accent: var(--peer-color-accent, #1d5f8a);
    --_on-accent: var(--peer-color-on-accent, #ffffff);
    --_text: var(--peer-color-text, inherit);
    --_surface: var(--peer-color-surface, transparent);
    --_border: var(--peer-color-border, color-mix(in srgb, currentColor 35%, transparent));
    --_focus: var(--peer-color-focus, var(--_accent));
    --_radius: var(--peer-radius, 0.5rem);
    --_space: var(--peer-space, 1rem);
    --_target: var(--peer-target-size, 44px);
  }
  @supports (color: light-dark(#000, #fff)) {
    :host {
      --_accent: var(--peer-color-accent, light-dark(#1d5f8a, #9ccff5));
      --_on-accent: var(--peer-color-on-accent, light-dark(#ffffff, #0b1f2e));
    }
  }
`;

/** Host reset: inherit the page's font and colour, honour `hidden`, border-box sizing. */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--peer-font-family, inherit);
    color: var(--_text);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
`;

/** Buttons and links that look like buttons; every one is at least the target size. */
export const buttonStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    /* Reflow at 320 px (WCAG 1.4.10): a long label wraps inside the button instead of widening the page. */
    max-inline-size: 100%;
    overflow-wrap: anywhere;
    text-align: center;
    padding: 0.5em 1.1em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  .button.secondary {
    background: transparent;
    color: inherit;
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

/** Native form controls, sized for touch and readable in forced colours. */
export const formStyles = css`
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    min-block-size: var(--_target);
    max-inline-size: 100%;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    color: inherit;
    font: inherit;
  }
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 1.25em;
    block-size: 1.25em;
    accent-color: var(--_accent);
  }
  label {
    cursor: pointer;
  }
`;

/**
 * Grouped choices: a borderless `fieldset` with its `legend`, answers as bordered chips (`.choices` > `label.choice`
 * holding a native radio or checkbox) that show which is chosen by more than colour, and `.check` for a single
 * checkbox line. Every chip is a 44 px target and keeps the focus ring of the control inside it.
 */
export const choiceStyles = css`
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    margin-block-end: 0.5em;
    font-weight: 600;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: var(--_target);
    max-inline-size: 100%;
    padding: 0.25em 0.85em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  .choice:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    font-weight: 600;
  }
  .choice:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .choice input:focus-visible {
    outline: none;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.6em;
    min-block-size: var(--_target);
  }
`;
