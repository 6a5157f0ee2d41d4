import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { MessageKey } from '../../../core/i18n/en.js';
import type { HistoryEntry } from './history-entry.js';
import { renderTrend } from './history-chart.js';
import {
  chosenWords,
  entryDate,
  feelingWords,
  instrumentName,
  pluralKey,
  type HistoryI18n,
  type HistoryLabels,
} from './history-words.js';
import { registerHistoryStrings } from './i18n.js';

/** A yes/no step before something that deletes the student's check-ins. */
export interface ConfirmStep {
  /** The question's key without its plural form, e.g. `checkIn.history.delete.question`. */
  question: 'checkIn.history.delete.question' | 'checkIn.history.turnOff.question';
  confirm: MessageKey;
  count: number;
  onConfirm(): void;
  onCancel(): void;
}

/** What the "Keep my check-ins on this device" choice shows. */
export interface RememberChoiceView {
  i18n: HistoryI18n;
  on: boolean;
  /** A reason the history cannot be kept here, said under the choice. */
  problem?: 'unavailable' | 'full' | undefined;
  /** Set while asking whether to turn the history off, which deletes what it kept. */
  confirmOff?: ConfirmStep | undefined;
  onToggle(on: boolean): void;
}

/**
 * The opt-in: a checkbox, off until the student turns it on, with what it means said plainly next to it (where the
 * check-ins stay, what is kept, who could see them, how to delete them). Parts: `history-choice`, `history-remember`.
 */
export function renderRememberChoice(view: RememberChoiceView): TemplateResult {
  registerHistoryStrings();
  const { i18n } = view;
  const about = [
    'checkIn.history.remember.onlyHere',
    'checkIn.history.remember.whatIsKept',
    'checkIn.history.remember.othersCanSee',
    'checkIn.history.remember.deleteAnyTime',
  ] as const;
  return html`<div part="history-choice" class="history-choice">
    <label class="history-check">
      <input
        type="checkbox"
        part="history-remember"
        .checked=${live(view.on)}
        aria-describedby="history-about"
        @change=${(event: Event) => view.onToggle((event.target as HTMLInputElement).checked)}
      />
      <span>${i18n.t('checkIn.history.remember.label')}</span>
    </label>
    <ul id="history-about" class="history-about">
      ${about.map((key) => html`<li>${i18n.t(key)}</li>`)}
    </ul>
    ${
      view.problem
        ? html`<p part="history-problem" class="history-problem">
            ${i18n.t(`checkIn.history.problem.${view.problem}`)}
          </p>`
        : nothing
    }
    ${view.confirmOff ? renderConfirm(i18n, view.confirmOff) : nothing}
  </div>`;
}

/** What the history section shows. */
export interface HistoryView {
  i18n: HistoryI18n;
  /** Every kept entry, oldest first. */
  entries: readonly HistoryEntry[];
  /** The `aria-level` of the section's heading, to fit the page's outline. */
  headingLevel: number;
  /** How many of the latest entries the chart and table show (downloads have them all). Default 30. */
  recent?: number | undefined;
  labels?: HistoryLabels | undefined;
  /** The time zone dates are shown in; the browser's when undefined. */
  timeZone?: string | undefined;
  /** Saved entries that could not be read and are not shown. */
  malformed?: boolean | undefined;
  /** A sentence to keep on screen after an action (a failed delete or download), besides announcing it. */
  notice?: string | undefined;
  /** Set while asking to confirm Delete all. */
  confirmDelete?: ConfirmStep | undefined;
  onExportCsv(): void;
  onExportJson(): void;
  /** Asks to delete everything: the element shows `confirmDelete` next. */
  onDeleteAll(): void;
}

/**
 * The student's past check-ins: a small trend chart of mood with the same data in a table, downloads (CSV, JSON)
 * and Delete all, which asks first. Parts: `history`, `history-heading`, `history-chart`, `history-table`,
 * `history-actions`, `history-export-csv`, `history-export-json`, `history-delete`, `history-confirm`,
 * `history-confirm-yes`, `history-confirm-no`, `history-notice`.
 */
export function renderHistory(view: HistoryView): TemplateResult {
  registerHistoryStrings();
  const { i18n, entries } = view;
  const shown = entries.slice(-(view.recent ?? 30));
  return html`<section part="history" class="history" aria-labelledby="history-heading">
    <div
      role="heading"
      aria-level=${view.headingLevel}
      part="history-heading"
      class="history-heading"
      id="history-heading"
      tabindex="-1"
    >
      ${i18n.t('checkIn.history.heading')}
    </div>
    ${view.malformed ? html`<p class="history-problem">${i18n.t('checkIn.history.problem.malformed')}</p>` : nothing}
    ${view.notice ? html`<p part="history-notice" class="history-notice">${view.notice}</p>` : nothing}
    ${
      entries.length
        ? html`${
            shown.length < entries.length
              ? html`<p>${i18n.t('checkIn.history.showing', { shown: shown.length, count: entries.length })}</p>`
              : nothing
          }
          ${renderTrend(i18n, shown, view.timeZone)} ${renderHistoryTable(view, shown)} ${renderActions(view)}`
        : html`<p part="history-empty">${i18n.t('checkIn.history.empty')}</p>`
    }
  </section>`;
}

/**
 * The table alternative to the chart: every shown check-in, its day and time, and how it went with the words chosen
 * under it (two columns, so it reads at 320 px without scrolling sideways).
 */
export function renderHistoryTable(view: HistoryView, shown: readonly HistoryEntry[]): TemplateResult {
  const { i18n } = view;
  return html`<table part="history-table" class="history-table">
    <caption>
      ${i18n.t('checkIn.history.table.caption')}
    </caption>
    <thead>
      <tr>
        <th scope="col">${i18n.t('checkIn.history.column.date')}</th>
        <th scope="col">${i18n.t('checkIn.history.column.feeling')}</th>
      </tr>
    </thead>
    <tbody>
      ${shown.map((entry) => {
        const emotions = chosenWords(i18n, entry, 'emotions', view.labels);
        const topics = chosenWords(i18n, entry, 'topics', view.labels);
        return html`<tr data-instrument=${entry.instrument} data-level=${entry.level ?? nothing}>
          <th scope="row"><time datetime=${entry.at}>${entryDate(i18n, entry, view.timeZone)}</time></th>
          <td>
            <span class="history-feeling">${feelingWords(i18n, entry)}</span>
            <span class="history-instrument">${instrumentName(i18n, entry)}</span>
            ${
              emotions
                ? html`<span class="history-words"
                    >${i18n.t('checkIn.history.words.emotions', { words: emotions })}</span
                  >`
                : nothing
            }
            ${
              topics
                ? html`<span class="history-words">${i18n.t('checkIn.history.words.topics', { words: topics })}</span>`
                : nothing
            }
          </td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

function renderActions(view: HistoryView): TemplateResult {
  const { i18n } = view;
  return html`<div part="history-actions" class="history-actions">
      <button type="button" class="button secondary" part="history-export-csv" @click=${view.onExportCsv}>
        ${i18n.t('checkIn.history.export.csv')}
      </button>
      <button type="button" class="button secondary" part="history-export-json" @click=${view.onExportJson}>
        ${i18n.t('checkIn.history.export.json')}
      </button>
    </div>
    <p class="history-hint">${i18n.t('checkIn.history.export.hint')}</p>
    ${
      view.confirmDelete
        ? renderConfirm(i18n, view.confirmDelete)
        : html`<div class="history-actions">
            <button type="button" class="button secondary" part="history-delete" @click=${view.onDeleteAll}>
              ${i18n.t('checkIn.history.delete')}
            </button>
          </div>`
    }`;
}

/**
 * An inline confirm step (not a modal): the question names what will be deleted; "Don't delete" comes first and is
 * where focus lands, so Enter pressed by habit keeps the check-ins.
 */
function renderConfirm(i18n: HistoryI18n, step: ConfirmStep): TemplateResult {
  const question = i18n.t(pluralKey(i18n, step.question, step.count), { count: step.count });
  return html`<div part="history-confirm" class="history-confirm" role="group" aria-labelledby="history-question">
    <p id="history-question">${question}</p>
    <div class="history-actions">
      <button type="button" class="button secondary" part="history-confirm-no" @click=${step.onCancel}>
        ${i18n.t('checkIn.history.keep')}
      </button>
      <button type="button" class="button" part="history-confirm-yes" @click=${step.onConfirm}>
        ${i18n.t(step.confirm)}
      </button>
    </div>
  </div>`;
}
