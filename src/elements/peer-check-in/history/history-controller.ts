import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import type { LocalizeController } from '../../../core/i18n/localize-controller.js';
import { CheckInHistory, type HistoryWrite } from './check-in-history.js';
import type { HistoryEntry } from './history-entry.js';
import { CSV_MIME_TYPE, JSON_MIME_TYPE, downloadText, historyToCsv, historyToJson } from './history-export.js';
import { FocusMark } from '../logic/focus-guard.js';
import { renderHistory, renderRememberChoice, type ConfirmStep } from './history-view.js';
import { historyCsvColumns, type HistoryLabels } from './history-words.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface HistoryControllerOptions {
  i18n: LocalizeController;
  /** Says a status out loud (the element's polite live region). */
  announce: (message: string) => void;
  /** Where the history is kept. Default: a `CheckInHistory` on `localStorage`. */
  store?: CheckInHistory;
  /** Words for the emotion and topic codes an entry keeps. */
  labels?: () => HistoryLabels | undefined;
  /** The `aria-level` of the history's heading. Default 3. */
  headingLevel?: () => number;
  /** The time zone dates are shown in; the browser's when undefined. */
  timeZone?: () => string | undefined;
  /** The clock, for file names and the time the choice was made. */
  now?: () => Date;
}

/**
 * Everything the `remember` attribute turns on: the opt-in, the history section and what the student can do in it,
 * with focus and announcements. Storage is touched only once `render()` or `record()` is first called, so a page
 * that has not opted in never reads or writes it.
 *
 * @example
 * private readonly history = new HistoryController(this, { i18n: this.i18n, announce: (m) => this.announcer.announce(m) });
 * // render(): ${this.remember ? this.history.render() : nothing}
 * // on complete: if (this.remember) { const kept = this.history.record(entry); if (!kept.ok) … notKeptText(…) }
 */
export class HistoryController implements ReactiveController {
  private readonly store: CheckInHistory;
  private loaded = false;
  private on = false;
  private entries: HistoryEntry[] = [];
  private malformed = false;
  private choiceProblem: 'unavailable' | 'full' | undefined;
  private notice: string | undefined;
  private confirming: 'delete' | 'turn-off' | undefined;
  private stopListening?: () => void;

  constructor(
    private readonly host: Host,
    private readonly options: HistoryControllerOptions,
  ) {
    this.store = options.store ?? new CheckInHistory();
    host.addController(this);
  }

  hostConnected(): void {
    // Another tab turned it off, deleted, or added a check-in: show what is kept now.
    this.stopListening = this.store.onChange(() => {
      if (!this.loaded) return;
      this.load();
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.stopListening?.();
  }

  /** Whether the student has turned the history on. */
  get isOn(): boolean {
    this.ensureLoaded();
    return this.on;
  }

  /** The kept entries, oldest first. */
  get kept(): readonly HistoryEntry[] {
    this.ensureLoaded();
    return this.entries;
  }

  /**
   * Keeps a completed check-in when the student has turned the history on. Never throws; when it could not be kept,
   * say so with `notKeptText` (the check-in itself is sent as usual). `{ ok: false, problem: 'off' }` when off.
   */
  record(entry: HistoryEntry): HistoryWrite {
    this.ensureLoaded();
    const result = this.store.add(entry);
    this.load();
    this.host.requestUpdate();
    return result;
  }

  /** The opt-in, then (when on) the history. */
  render(): TemplateResult {
    return html`${this.renderChoice()} ${this.renderKept()}`;
  }

  /**
   * The opt-in alone, with what it means: in the form it goes before the send button, so a keyboard or screen-reader
   * user learns the check-in could be kept before sending it.
   */
  renderChoice(): TemplateResult {
    this.ensureLoaded();
    const { i18n } = this.options;
    return renderRememberChoice({
      i18n,
      on: this.on,
      problem: this.choiceProblem,
      confirmOff:
        this.confirming === 'turn-off'
          ? this.step('checkIn.history.turnOff.question', 'checkIn.history.turnOff.confirm', () => this.turnOff())
          : undefined,
      onToggle: (on) => this.toggle(on),
    });
  }

  /** The kept check-ins (when the student turned the history on), with export and delete. */
  renderKept(): TemplateResult | typeof nothing {
    this.ensureLoaded();
    const { i18n } = this.options;
    return this.on
      ? renderHistory({
          i18n,
          entries: this.entries,
          headingLevel: this.options.headingLevel?.() ?? 3,
          labels: this.options.labels?.(),
          timeZone: this.options.timeZone?.(),
          malformed: this.malformed,
          notice: this.notice,
          confirmDelete:
            this.confirming === 'delete'
              ? this.step('checkIn.history.delete.question', 'checkIn.history.delete.confirm', () => this.deleteAll())
              : undefined,
          onExportCsv: () => this.export('csv'),
          onExportJson: () => this.export('json'),
          onDeleteAll: () => this.ask('delete'),
        })
      : nothing;
  }

  private step(question: ConfirmStep['question'], confirm: ConfirmStep['confirm'], onConfirm: () => void): ConfirmStep {
    const returnTo = this.confirming === 'delete' ? '[part~="history-delete"]' : '[part~="history-remember"]';
    return {
      question,
      confirm,
      count: this.entries.length,
      onConfirm,
      onCancel: () => {
        this.confirming = undefined;
        this.update(returnTo);
      },
    };
  }

  private ensureLoaded(): void {
    if (!this.loaded) this.load();
  }

  private load(): void {
    this.loaded = true;
    this.on = this.store.isOn();
    const read = this.store.read();
    this.entries = this.on ? read.entries : [];
    this.malformed = this.on && read.problem === 'malformed';
    if (!this.on && this.confirming) this.confirming = undefined;
  }

  private toggle(on: boolean): void {
    this.notice = undefined;
    if (on) {
      const result = this.store.turnOn(this.options.now?.() ?? new Date());
      this.choiceProblem = result.ok ? undefined : result.problem === 'full' ? 'full' : 'unavailable';
      this.load();
      const { i18n } = this.options;
      this.options.announce(
        i18n.t(result.ok ? 'checkIn.history.remember.on' : `checkIn.history.problem.${this.choiceProblem!}`),
      );
      this.update();
    } else if (this.entries.length) {
      // Turning off deletes what is kept: ask first, as Delete all does.
      this.ask('turn-off');
    } else {
      this.turnOff();
    }
  }

  private ask(what: 'delete' | 'turn-off'): void {
    this.notice = undefined;
    this.confirming = what;
    this.update('[part~="history-confirm-no"]');
  }

  private turnOff(): void {
    const had = this.entries.length > 0;
    const { ok } = this.store.turnOff();
    this.confirming = undefined;
    this.load();
    const message = this.options.i18n.t(
      !ok
        ? 'checkIn.history.delete.failed'
        : had
          ? 'checkIn.history.remember.offDeleted'
          : 'checkIn.history.remember.off',
    );
    this.notice = ok ? undefined : message;
    this.options.announce(message);
    this.update('[part~="history-remember"]');
  }

  private deleteAll(): void {
    const { ok } = this.store.clear();
    this.confirming = undefined;
    this.load();
    const message = this.options.i18n.t(ok ? 'checkIn.history.delete.done' : 'checkIn.history.delete.failed');
    this.notice = ok ? undefined : message;
    this.options.announce(message);
    // After deleting, the list is gone: land on the section's heading, where the empty state is read next.
    this.update(ok ? '#history-heading' : '[part~="history-delete"]');
  }

  private export(format: 'csv' | 'json'): void {
    const { i18n } = this.options;
    const now = this.options.now?.() ?? new Date();
    const fileName = `${i18n.t('checkIn.history.fileName', { date: now.toISOString().slice(0, 10) })}.${format}`;
    const text =
      format === 'csv'
        ? historyToCsv(this.entries, historyCsvColumns(i18n, this.options.labels?.(), this.options.timeZone?.()))
        : historyToJson(this.entries, now);
    const started = downloadText(text, fileName, format === 'csv' ? CSV_MIME_TYPE : JSON_MIME_TYPE);
    this.notice = started ? undefined : i18n.t('checkIn.history.export.failed');
    this.options.announce(started ? i18n.t('checkIn.history.export.started', { fileName }) : this.notice!);
    this.host.requestUpdate();
  }

  /** Re-renders, then moves focus to `selector` in the element's shadow root, if given. */
  private update(selector?: string): void {
    // Only if the student is still where they acted (or focus fell to nowhere as the button went away).
    const mark = new FocusMark(this.host);
    this.host.requestUpdate();
    if (!selector) return;
    void this.host.updateComplete.then(() => {
      if (mark.undisturbed()) this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    });
  }
}

/** The sentence that tells the student a completed check-in could not be kept on this device. */
export function notKeptText(i18n: Pick<LocalizeController, 't'>, result: HistoryWrite): string | undefined {
  if (result.ok || result.problem === 'off') return undefined;
  // An entry the store refused is a bug on our side; the student only needs to know it was not kept.
  return i18n.t(result.problem === 'full' ? 'checkIn.history.notKept.full' : 'checkIn.history.notKept.unavailable');
}
