import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { nothing } from 'lit';
import type { LocalizeController } from '../../core/i18n/localize-controller.js';
import { CheckInHistory } from './history/check-in-history.js';
import type { HistoryEntry } from './history/history-entry.js';
import { CSV_MIME_TYPE, JSON_MIME_TYPE, downloadText, historyToCsv, historyToJson } from './history/history-export.js';
import { renderHistory, renderRememberChoice, type ConfirmStep } from './history/history-view.js';
import { historyCsvColumns } from './history/history-words.js';
import './history/i18n.js';
import type { Band } from './instruments/scoring.js';
import type { CheckInAnswers } from './logic/suggestions.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly remember: boolean; readonly headingLevel: number };

/**
 * The check-in's opt-in history on this device: offered only when the page sets `remember`, kept only after the
 * student turns it on, and never able to break a check-in (storage that refuses or is full is reported, not thrown).
 */
export class CheckInHistoryController implements ReactiveController {
  private readonly store: CheckInHistory;
  private on = false;
  private problem: 'unavailable' | 'full' | undefined;
  private confirmOff?: ConfirmStep;
  private confirmDelete?: ConfirmStep;
  private notice?: string;
  private stopWatching?: () => void;

  constructor(
    private readonly host: Host,
    private readonly i18n: LocalizeController,
    store: CheckInHistory = new CheckInHistory(),
  ) {
    this.store = store;
    host.addController(this);
  }

  hostConnected(): void {
    this.on = this.host.remember && this.store.isOn();
    // Another tab turning the history off or deleting it shows here too.
    this.stopWatching = this.store.onChange(() => {
      this.on = this.host.remember && this.store.isOn();
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.stopWatching?.();
  }

  /** Keeps a finished check-in when the student turned the history on. Never the note or contact details. */
  record(answers: CheckInAnswers, band: Band | undefined, now = new Date()): void {
    if (!this.host.remember || !this.on) return;
    const entry: HistoryEntry =
      answers.instrument === 'mood'
        ? {
            at: now.toISOString(),
            instrument: 'mood',
            level: answers.level,
            ...(answers.emotions.length ? { emotions: [...answers.emotions] } : {}),
            ...(answers.topics.length ? { topics: [...answers.topics] } : {}),
          }
        : { at: now.toISOString(), instrument: answers.instrument, ...(band ? { band } : {}) };
    const written = this.store.add(entry);
    this.problem =
      written.ok || written.problem === 'off' || written.problem === 'invalid' ? undefined : written.problem;
    this.host.requestUpdate();
  }

  /** Whether the last check-in could not be kept (so the result can say so). */
  get lastProblem(): 'unavailable' | 'full' | undefined {
    return this.problem;
  }

  renderChoice() {
    if (!this.host.remember) return nothing;
    return renderRememberChoice({
      i18n: this.i18n,
      on: this.on,
      problem: this.problem,
      confirmOff: this.confirmOff,
      onToggle: (on) => this.toggle(on),
    });
  }

  renderHistory() {
    if (!this.host.remember || !this.on) return nothing;
    const read = this.store.read();
    return renderHistory({
      i18n: this.i18n,
      entries: read.entries,
      headingLevel: Math.min(6, this.host.headingLevel + 1),
      malformed: read.problem === 'malformed',
      notice: this.notice,
      confirmDelete: this.confirmDelete,
      onExportCsv: () => this.download('csv', read.entries),
      onExportJson: () => this.download('json', read.entries),
      onDeleteAll: () => this.askDelete(read.entries.length),
    });
  }

  private toggle(on: boolean): void {
    if (on) {
      const written = this.store.turnOn();
      this.on = written.ok;
      this.problem =
        written.ok || written.problem === 'off' || written.problem === 'invalid' ? undefined : written.problem;
    } else {
      const count = this.store.read().entries.length;
      if (count === 0) {
        this.store.turnOff();
        this.on = false;
      } else {
        this.confirmOff = {
          question: 'checkIn.history.turnOff.question',
          confirm: 'checkIn.history.turnOff.confirm',
          count,
          onConfirm: () => {
            this.store.turnOff();
            this.on = false;
            this.confirmOff = undefined;
            this.host.requestUpdate();
          },
          onCancel: () => {
            this.confirmOff = undefined;
            this.host.requestUpdate();
          },
        };
      }
    }
    this.host.requestUpdate();
  }

  private askDelete(count: number): void {
    this.confirmDelete = {
      question: 'checkIn.history.delete.question',
      confirm: 'checkIn.history.delete.confirm',
      count,
      onConfirm: () => {
        const cleared = this.store.clear();
        this.confirmDelete = undefined;
        this.notice = this.i18n.t(cleared.ok ? 'checkIn.history.delete.done' : 'checkIn.history.delete.failed');
        this.host.requestUpdate();
      },
      onCancel: () => {
        this.confirmDelete = undefined;
        this.host.requestUpdate();
      },
    };
    this.host.requestUpdate();
  }

  private download(kind: 'csv' | 'json', entries: readonly HistoryEntry[]): void {
    const fileName = kind === 'csv' ? 'check-ins.csv' : 'check-ins.json';
    const text = kind === 'csv' ? historyToCsv(entries, historyCsvColumns(this.i18n)) : historyToJson(entries);
    const ok = downloadText(text, fileName, kind === 'csv' ? CSV_MIME_TYPE : JSON_MIME_TYPE, this.host.ownerDocument);
    this.notice = ok
      ? this.i18n.t('checkIn.history.export.started', { fileName })
      : this.i18n.t('checkIn.history.export.failed');
    this.host.requestUpdate();
  }
}
