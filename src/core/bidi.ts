import { html, type TemplateResult } from 'lit';

/**
 * Isolation for text inside sentences that may be right to left (Hebrew, Arabic). Without it the Unicode
 * bidirectional algorithm reorders neutral runs: "Call 13 11 14" in an RTL sentence shows "14 11 13".
 */

/** A phone number, SMS keyword, code or address fragment: always reads left to right, isolated from its sentence. */
export function ltr(text: string): TemplateResult {
  return html`<bdi dir="ltr">${text}</bdi>`;
}

/** Text whose direction comes from its own letters (a localised time or date, a name from data): isolated. */
export function isolate(text: string): TemplateResult {
  return html`<bdi>${text}</bdi>`;
}
