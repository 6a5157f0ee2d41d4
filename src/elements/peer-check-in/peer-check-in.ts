import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { property, state } from 'lit/decorators.js';
import { AnnouncerController } from '../../core/announcer.js';
import { peerConfigContext } from '../../core/config.js';
import { emit } from '../../core/emit.js';
import { errorMessage } from '../../core/error-message.js';
import type { MessageKey } from '../../core/i18n/en.js';
import { registerSupportTopicStrings } from '../../core/i18n/support-topics.js';
import { PeerWidgetElement } from '../../core/peer-widget-element.js';
import { mayHaveArrived } from '../../core/request/may-have-arrived.js';
import { RequestController, SLOW_AFTER_MS } from '../../core/request/request-controller.js';
import './check-in-events.js';
import { registerCheckInStrings } from './i18n/index.js';
import {
  DEFAULT_EMOTIONS,
  DEFAULT_TOPICS,
  INSTRUMENTS,
  contractAnswers,
  scaleOf,
  type Instrument,
  type MoodLevel,
} from './instruments/instruments.js';
import { campusThresholds, thresholdsFrom, type Band, type Thresholds } from './instruments/scoring.js';
import { CheckInSender, type SendState } from './logic/check-in-sender.js';
import { checkInConfigCheck, checkInResultCheck, type CheckInResult } from './logic/check-in-data.js';
import { mentionsCrisis } from './logic/crisis-language.js';
import { FocusMark } from './logic/focus-guard.js';
import {
  backendBand,
  bandOf,
  defaultSuggestions,
  type CheckInAnswers,
  type CheckInTopic,
  type EmotionWord,
  type Suggestion,
} from './logic/suggestions.js';
import { checkInStyles } from './peer-check-in.styles.js';
import {
  followUpFields,
  moodScale,
  noteField,
  safetyQuestion,
  scaleItems,
  wordChoices,
  type Field,
  type FormState,
} from './templates/form-templates.js';
import { nextSteps, resultMessageKey } from './templates/result-templates.js';
import { validate } from './logic/validate.js';
import { reminderForm, type ReminderState } from './templates/reminder-templates.js';
import type { HistoryController } from './history/history-controller.js';
import type { HistoryEntry } from './history/history-entry.js';

// Called, not imported for effect: bundlers drop side-effect-only imports of modules marked free of side effects.
registerCheckInStrings();
registerSupportTopicStrings();

/** The version of the built-in follow-up consent wording; sent with a follow-up request and stored with it. */
export const FOLLOW_UP_CONSENT_VERSION = 'check-in-follow-up/2026-11-30';

interface Outcome {
  answers: CheckInAnswers;
  suggestions: Suggestion[];
  sent: boolean;
  /** The student answered "yes" to the safety question: the message speaks to that, not to the scores. */
  safetyConcern: boolean;
  /** A follow-up request went with it: the result says who will get in touch, and when. */
  followUp: boolean;
  /** The band the backend chose its next steps by (with the campus's cut-offs), when it sent one. */
  backendBand?: Band | undefined;
}

/**
 * @tag peer-check-in
 * @summary A short, kind "how are you doing?" check-in that shows crisis help the moment an answer signals risk,
 * then suggests next steps.
 *
 * @description Three modes (`instrument`): a labelled 5-point mood with optional emotion words, topics and note;
 * the WHO-5 Well-Being Index; or the PHQ-4, in their published wording with their attribution lines. A separate,
 * plain safety question (on by default) shows `<peer-crisis-resources>` inline the moment it is answered "yes":
 * from bundled data, before and independent of sending and of the network. Results are suggestions, never a
 * diagnosis, and never show a score. Sending (`POST /check-ins`) is anonymous and idempotent: a retry, or the
 * browser coming back online, never creates a second record. With `remember`, the student may keep a private
 * history on this device. Without `api-base`, nothing is sent and the next steps are worked out on the page.
 * Every question stays on one screen, small screens included (at most five, each a short group of answers that
 * reflows at 320 px): one page lets a student see and change every answer before sending, and keeps the error
 * summary beside the answers it points to, where one question per screen would hide them behind Back buttons.
 *
 * @csspart panel - The whole check-in.
 * @csspart heading - The heading (focused when the result appears).
 * @csspart help-link - The "Need help now?" link, in the same place in every widget.
 * @csspart intro - The sentence under the heading.
 * @csspart privacy - What happens to the answers.
 * @csspart form - The form.
 * @csspart mood - The mood scale.
 * @csspart emotions - The emotion words.
 * @csspart topics - The "what's on your mind" topics.
 * @csspart choice - One answer (a label around a radio button or checkbox).
 * @csspart note - The optional note, with its label and limit.
 * @csspart note-count - "N of 500 characters".
 * @csspart help-is-here - The gentle line shown when the note reads like a crisis.
 * @csspart show-help - Its button.
 * @csspart instrument - The WHO-5 or PHQ-4 questions.
 * @csspart instructions - The instrument's instructions.
 * @csspart item - One instrument question.
 * @csspart attribution - The instrument's attribution line.
 * @csspart safety - The safety question.
 * @csspart safety-help - Crisis help shown inline after a "yes".
 * @csspart crisis - The `<peer-crisis-resources>` inside it.
 * @csspart follow-up - "I'd like someone to get in touch", with the contact field and consent.
 * @csspart contact - The email or phone field.
 * @csspart consent - The consent statement.
 * @csspart field-error - A message under a field that needs attention.
 * @csspart error-summary - The message above the submit button when answers need attention.
 * @csspart submit - The send button.
 * @csspart status - Sending, offline or failed, with the retry button.
 * @csspart retry - "Send now".
 * @csspart result - The result.
 * @csspart message - The warm message chosen from the answers.
 * @csspart follow-up-note - Who will get in touch, and when, after a follow-up request.
 * @csspart not-a-diagnosis - "This is not a diagnosis…".
 * @csspart next-steps - The next steps list.
 * @csspart next-step - One next step; also `next-step-group`, `next-step-peer`, `next-step-counsellor`, `next-step-crisis`.
 * @csspart reminder - The weekly reminder form.
 * @csspart again - "Start a new check-in".
 * @csspart not-kept - Said with the result when the check-in could not be kept on this device.
 * @csspart history-choice - With `remember`: the choice to keep check-ins on this device, and what that means.
 * @csspart history-remember - Its checkbox.
 * @csspart history-problem - Why the history cannot be kept or read here.
 * @csspart history - The kept check-ins (when the student turned the history on).
 * @csspart history-heading - Their heading.
 * @csspart history-notice - What the last action did (a download started, the history deleted).
 * @csspart history-empty - Said when nothing is kept yet.
 * @csspart history-chart - The mood trend chart (its table is the accessible alternative).
 * @csspart history-table - The kept check-ins as a table.
 * @csspart history-actions - The download and delete buttons.
 * @csspart history-export-csv - "Download as a spreadsheet (CSV)".
 * @csspart history-export-json - "Download as a data file (JSON)".
 * @csspart history-delete - "Delete all".
 * @csspart history-confirm - The question before deleting or turning the history off.
 * @csspart history-confirm-no - Its "Don't delete" button (keeps everything as it is).
 * @csspart history-confirm-yes - Its confirming button.
 * @csspart live-region - The visually hidden live region.
 *
 * @cssproperty --peer-color-accent - Buttons, links and chosen answers.
 * @cssproperty --peer-color-surface - Background of the panel.
 * @cssproperty --peer-color-border - Borders of the panel and answers.
 * @cssproperty --peer-radius - Corner radius.
 * @cssproperty --peer-space - Base spacing.
 * @cssproperty --peer-target-size - Minimum size of every answer and button.
 *
 * @fires peer-check-in-submit - Before sending; cancelable. `detail`: `{ instrument }`.
 * @fires peer-check-in-complete - After a check-in is sent (or finished locally). `detail`: `{ instrument, band?,
 * level?, sent }`; never the note, the answers or contact details.
 * @fires peer-check-in-risk - An answer signalled risk and crisis help was shown. No detail.
 * @fires peer-check-in-next-step - A next step was chosen; cancelable (to route inside the page). `detail`:
 * `{ kind, topics }`.
 * @fires peer-crisis-contact - From the crisis panel, when a student opens or copies a contact.
 */
export class PeerCheckIn extends PeerWidgetElement {
  /** The tag name `define()` registers this class under when it is given none. */
  static readonly tagName = 'peer-check-in';
  protected static override readonly needsBackend = false;
  static override styles = [...PeerWidgetElement.styles, ...checkInStyles];

  /** `mood` (default), `who5` or `phq4`. */
  @property({ reflect: true }) instrument: Instrument = 'mood';

  /** The separate safety question: `on` (default) or `off`. Turn it off only where another step asks it. */
  @property({ attribute: 'safety-question' }) safetyQuestionMode: 'on' | 'off' = 'on';

  /** Offer the student a private history of their check-ins on this device (they still choose to turn it on). */
  @property({ type: Boolean }) remember = false;

  /** The level of the heading (2–4), so it fits the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** An https page with the group finder; a group next step links there with `?topic=` for each matching topic. */
  @property({ attribute: 'groups-href' }) groupsHref?: string;

  /** An https page where the student can ask for a peer supporter. */
  @property({ attribute: 'peer-href' }) peerHref?: string;

  /** The counselling service's https page; the campus config's `counsellingUrl` is used when this is not set. */
  @property({ attribute: 'counselling-href' }) counsellingHref?: string;

  /**
   * Cut-offs for the wording of WHO-5 and PHQ-4 results (`{ who5Low, who5VeryLow, phq4Mild, phq4Moderate,
   * phq4Severe, phq4Pair }`); each missing or invalid one keeps its default (50, 28, 3, 6, 9, 3). When this is not
   * set, the campus's own from `/config` (`checkIn.thresholds`) apply, the ones the backend suggests with; set it
   * only to word results differently from the backend's next steps.
   */
  @property({ attribute: false }) thresholds?: Partial<Thresholds>;

  /** The version of the follow-up consent wording; change it when you override the `checkIn.followUp.*` strings. */
  @property({ attribute: 'consent-version' }) consentVersion = FOLLOW_UP_CONSENT_VERSION;

  @state() private form: FormState = emptyForm();
  @state() private showCrisis = false;
  @state() private noteCrisis = false;
  @state() private sendState: SendState<CheckInResult> = { status: 'idle' };
  @state() private outcome?: Outcome;
  @state() private reminder: ReminderState = { discreet: true };
  /** The send has taken longer than SLOW_AFTER_MS: say so, and show the next steps meanwhile. */
  @state() private slow = false;
  private slowTimer?: ReturnType<typeof setTimeout>;
  /** Crisis help was shown because of an answer (not opened from a button): it changes the words around it. */
  @state() private riskShown = false;

  private readonly announcer = new AnnouncerController(this);
  /** The opt-in history: loaded only on pages that set `remember` (most never do). */
  private history?: HistoryController;
  private historyModule?: Promise<typeof import('./history/history-controller.js')>;
  /** Why the last check-in could not be kept on this device, said with the result. */
  @state() private notKept?: string;
  /** Shares this element's configuration with the crisis panel and help link inside it. */
  private readonly innerConfig = new ContextProvider(this, { context: peerConfigContext, initialValue: {} });
  private pendingAnswers?: CheckInAnswers;
  private pendingSafety = false;
  private pendingFollowUp = false;
  /** Where focus was when the student sent (or pressed Send now): the outcome takes focus only if it is still there. */
  private sendMark?: FocusMark;
  /** Places focus may be when a send ends and still be moved to its outcome: the send button and the status area. */
  private readonly nearSend = (element: Element) =>
    element.matches('[part~="submit"]') || element.closest('[part~="status"]') !== null;

  private readonly campus = new RequestController(this, {
    args: () => [this.config.apiBase, this.api] as const,
    request: ([apiBase, api], signal) =>
      apiBase ? api.get('/config', { check: checkInConfigCheck, signal }) : Promise.resolve(undefined),
  });

  private readonly sender = new CheckInSender<CheckInResult>(
    (body, idempotencyKey, signal) =>
      this.api.post('/check-ins', body, { check: checkInResultCheck, idempotencyKey, signal }),
    (sendState) => this.onSendState(sendState),
  );

  private readonly onOnline = () => this.sender.online();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
    // Coming back to the page with a check-in waiting: try it again (the same key, so never twice).
    this.sender.online();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    this.sender.abort();
    clearTimeout(this.slowTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.innerConfig.setValue(this.config);
    if (this.remember) void this.loadHistory();
    if (changed.has('instrument') && changed.get('instrument') !== undefined) this.startOver(false);
  }

  private get mode(): Instrument {
    return INSTRUMENTS.includes(this.instrument) ? this.instrument : 'mood';
  }

  private get campusConfig() {
    const request = this.campus.state;
    if (request.status === 'ready') return request.value;
    return request.status === 'idle' ? undefined : request.previous;
  }

  protected override render() {
    const level = this.level;
    return html`<section class="panel" part="panel" lang=${this.i18n.lang} dir=${this.i18n.dir}>
      <div class="top">
        <div role="heading" aria-level=${level} class="heading" part="heading" id="heading" tabindex="-1">
          ${this.i18n.t(this.outcome ? 'checkIn.result.heading' : 'checkIn.heading')}
        </div>
        <peer-help-link part="help-link"></peer-help-link>
      </div>
      ${this.outcome ? nothing : this.renderForm()}
      <div class=${this.outcome ? 'result' : 'after-form'} part=${ifDefined(this.outcome ? 'result' : undefined)}>
        ${this.outcome ? this.renderResultHead(this.outcome) : nothing} ${this.renderCrisis()}
        ${this.outcome ? this.renderResultTail(this.outcome) : nothing}
      </div>
      ${this.announcer.region()}
    </section>`;
  }

  private renderForm() {
    const config = this.campusConfig;
    const mode = this.mode;
    const sending = this.sendState.status === 'sending';
    const { topics, emotions } = this.offeredWords;
    const followUpOffered = Boolean(this.config.apiBase && config?.checkIn?.followUp);
    return html`<p class="intro" part="intro">${this.i18n.t('checkIn.intro')}</p>
      <p class="privacy" part="privacy">${this.privacyText()}</p>
      <form part="form" novalidate @submit=${this.onSubmit} aria-busy=${sending ? 'true' : 'false'}>
        ${
          mode === 'mood'
            ? html`${moodScale(this.i18n, this.form, (value) => this.patch({ level: value }))}
              ${wordChoices(this.i18n, 'emotions', emotions, this.form.emotions, (word, on) =>
                this.patch({ emotions: toggled(this.form.emotions, word, on) }),
              )}
              ${wordChoices(this.i18n, 'topics', topics, this.form.topics, (word, on) =>
                this.patch({ topics: toggled(this.form.topics, word, on) }),
              )}
              ${noteField(
                this.i18n,
                this.form,
                this.noteCrisis,
                (text) => this.onNote(text),
                () => this.revealCrisis(false),
              )}`
            : scaleItems(this.i18n, scaleOf(mode), this.form, (index, value) => {
                const scaleAnswers = [...this.form.scaleAnswers];
                scaleAnswers[index] = value;
                this.patch({ scaleAnswers });
              })
        }
        ${
          this.safetyQuestionMode === 'off'
            ? nothing
            : safetyQuestion(this.i18n, this.form, (answer) => this.onSafety(answer))
        }
        ${
          followUpOffered
            ? followUpFields(this.i18n, this.form, {
                campusName: config?.campusName,
                workingDays: config?.checkIn?.followUpWorkingDays,
                onToggle: (on) => this.patch({ followUp: on, consent: on && this.form.consent }),
                onChannel: (channel) => this.patch({ channel }),
                onContact: (contact) => this.patch({ contact }),
                onConsent: (consent) => this.patch({ consent }),
              })
            : nothing
        }
        ${this.remember ? (this.history?.renderChoice() ?? nothing) : nothing}
        ${
          this.form.errors.size
            ? html`<p class="error-summary" part="error-summary">${this.i18n.t('checkIn.error.summary')}</p>`
            : nothing
        }
        <div class="actions">
          <button class="button" part="submit" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
            ${this.i18n.t(this.config.apiBase ? 'checkIn.submit' : 'checkIn.finish')}
          </button>
        </div>
        ${this.renderSendStatus()}
      </form>
      ${this.remember ? (this.history?.renderKept() ?? nothing) : nothing}`;
  }

  /** The emotion words and topics on offer: the campus's from `/config`, or the defaults until (or without) them. */
  private get offeredWords(): { topics: readonly CheckInTopic[]; emotions: readonly EmotionWord[] } {
    const config = this.campusConfig?.checkIn;
    return {
      topics: config?.topics?.length ? config.topics : DEFAULT_TOPICS,
      emotions: config?.emotions?.length ? config.emotions : DEFAULT_EMOTIONS,
    };
  }

  private privacyText(): string {
    if (!this.config.apiBase) return this.i18n.t('checkIn.privacy.local');
    const days = this.campusConfig?.retentionDays;
    return days
      ? this.i18n.t('checkIn.privacy', { days: this.i18n.number(days) })
      : this.i18n.t('checkIn.privacy.noDays');
  }

  /** Sending, offline or failed: plain words, a way forward, and the next steps that need no network. */
  private renderSendStatus() {
    const status = this.sendState;
    if (status.status === 'idle' || status.status === 'sent') return nothing;
    const answers = this.pendingAnswers;
    const steps = answers
      ? nextSteps(
          this.i18n,
          this.level + 1,
          defaultSuggestions(answers, this.pendingSafety, this.thresholdValues),
          this.links(),
          (event, step) => this.onNextStep(event, step),
        )
      : nothing;
    if (status.status === 'sending') {
      return html`<div class="status" part="status">
        <p id="send-status" tabindex="-1">${this.i18n.t(this.slow ? 'checkIn.slow' : 'checkIn.sending')}</p>
        ${this.slow ? steps : nothing}
      </div>`;
    }
    return html`<div class="status" part="status">
      <p id="send-status" tabindex="-1">${this.failureText(status)}</p>
      <div class="actions">
        <button class="button secondary" part="retry" type="button" @click=${this.onRetry}>
          ${this.i18n.t('checkIn.sendNow')}
        </button>
      </div>
      ${steps}
    </div>`;
  }

  /** What went wrong, in plain words: offline (we will send it when you are back) or why it was not sent. */
  private failureText(status: Extract<SendState<CheckInResult>, { status: 'waiting' | 'failed' }>): string {
    if (status.status === 'waiting') return this.i18n.t('checkIn.offline');
    // The server may have it: an answer nobody can read, or a 409 while it still works on this very key.
    if (mayHaveArrived(status.error)) return this.i18n.t('checkIn.unconfirmed');
    const reason = errorMessage(status.error, this.i18n.locale);
    return `${this.i18n.t('checkIn.notSent')} ${this.i18n.t(reason.key, reason.values)}`;
  }

  private onRetry = async (): Promise<void> => {
    const mark = new FocusMark(this, this.nearSend);
    this.sendMark = mark;
    this.sender.retry();
    await this.updateComplete;
    if (mark.undisturbed()) this.renderRoot.querySelector<HTMLElement>('#send-status')?.focus();
  };

  /**
   * The result before the crisis panel. The panel sits between this and the tail in the same place in the form and
   * in the result, so it is the same panel when the check-in is sent: a student on "Call 988" stays on it.
   */
  private renderResultHead(outcome: Outcome) {
    const band = this.bandOf(outcome);
    const level = outcome.answers.instrument === 'mood' ? outcome.answers.level : undefined;
    const lowItem =
      outcome.answers.instrument === 'who5' && outcome.suggestions.some((step) => step.reason === 'low-item');
    return html`<p part="message">
        ${this.i18n.t(
          outcome.safetyConcern ? 'checkIn.result.safety' : resultMessageKey(outcome.answers.instrument, band, level),
        )}
      </p>
      ${outcome.followUp ? html`<p part="follow-up-note">${this.followUpNote()}</p>` : nothing}
      ${lowItem ? html`<p>${this.i18n.t('checkIn.result.lowItem')}</p>` : nothing}
      ${
        outcome.answers.instrument === 'mood'
          ? nothing
          : html`<p part="not-a-diagnosis">${this.i18n.t('checkIn.result.notDiagnosis')}</p>`
      }`;
  }

  /** The result after the crisis panel: next steps, the reminder, the history and "Start a new check-in". */
  private renderResultTail(outcome: Outcome) {
    return html`${nextSteps(this.i18n, this.level + 1, outcome.suggestions, this.links(), (event, step) =>
        this.onNextStep(event, step),
      )}
      ${reminderForm(this.i18n, this.level + 1, this.reminder, {
        onChange: (reminder) => (this.reminder = { ...this.reminder, ...reminder }),
        onAdded: () => this.announcer.announce(this.i18n.t('checkIn.reminder.added')),
        doc: this.ownerDocument,
      })}
      ${this.notKept ? html`<p part="not-kept">${this.notKept}</p>` : nothing}
      ${this.remember ? (this.history?.render() ?? nothing) : nothing}
      <div class="actions">
        <button class="button secondary" part="again" type="button" @click=${() => this.startOver(true)}>
          ${this.i18n.t('checkIn.result.again')}
        </button>
      </div>`;
  }

  /** Crisis help inline: shown the moment it is asked for, and never taken away again in this check-in. */
  private renderCrisis() {
    if (!this.showCrisis) return nothing;
    return html`<div class="safety-help" part="safety-help">
      <p id="safety-heading" tabindex="-1">
        <strong>${this.i18n.t(this.riskShown ? 'checkIn.safety.heading' : 'checkIn.help.heading')}</strong>
      </p>
      <p>${this.i18n.t('checkIn.safety.text')}</p>
      <peer-crisis-resources part="crisis" heading-level=${this.level + 1}></peer-crisis-resources>
      ${this.outcome || !this.riskShown ? nothing : html`<p>${this.i18n.t('checkIn.safety.continue')}</p>`}
    </div>`;
  }

  private loadHistory() {
    this.historyModule ??= import('./history/history-controller.js').then((module) => {
      this.history = new module.HistoryController(this, {
        i18n: this.i18n,
        announce: (message) => this.announcer.announce(message),
        headingLevel: () => this.level + 1,
        labels: () => ({
          emotion: (code) => this.i18n.t(`checkIn.emotion.${code}` as MessageKey),
          topic: (code) => this.i18n.t(`checkIn.topic.${code}` as MessageKey),
        }),
      });
      this.requestUpdate();
      return module;
    });
    return this.historyModule;
  }

  /** The heading's level, 2–4 (sub-headings are one deeper). */
  private get level(): number {
    return Math.min(4, Math.max(2, Math.trunc(this.headingLevel) || 2));
  }

  /** "Someone from <campus> will get in touch within N working days." */
  private followUpNote(): string {
    const config = this.campusConfig;
    const days = config?.checkIn?.followUpWorkingDays;
    const campus = config?.campusName;
    if (campus && days) return this.i18n.t('checkIn.result.followUp', { campus, days: this.i18n.number(days) });
    return this.i18n.t('checkIn.result.followUpNoDays');
  }

  /**
   * The page's cut-offs when it set them (as a whole: a page's and a campus's mixed could be out of order), else the
   * campus's from `/config`, else the defaults.
   */
  private get thresholdValues(): Thresholds {
    if (this.thresholds !== undefined && this.thresholds !== null) return thresholdsFrom(this.thresholds);
    return campusThresholds(this.campusConfig?.checkIn?.thresholds);
  }

  /**
   * The band that words the result: the page's cut-offs when it set them; else the backend's band, chosen with the
   * same campus cut-offs as its next steps even when `/config` never arrived; else the campus's or default cut-offs.
   */
  private bandOf(outcome: Outcome): Band | undefined {
    if (this.thresholds === undefined || this.thresholds === null) {
      if (outcome.backendBand) return outcome.backendBand;
    }
    return bandOf(outcome.answers, this.thresholdValues);
  }

  private links() {
    return {
      groupsHref: this.groupsHref,
      peerHref: this.peerHref,
      counsellingHref: this.counsellingHref ?? this.campusConfig?.counsellingUrl,
    };
  }

  private patch(changes: Partial<FormState>): void {
    const errors = new Map(this.form.errors);
    // An answer given clears its own error at once; other errors stay until the next submit.
    if (changes.level !== undefined) errors.delete('mood');
    if (changes.scaleAnswers)
      changes.scaleAnswers.forEach((value, index) => value !== undefined && errors.delete(`item-${index}`));
    if (changes.contact !== undefined || changes.channel) errors.delete('contact');
    if (changes.consent) errors.delete('consent');
    if (changes.followUp === false) {
      errors.delete('contact');
      errors.delete('consent');
    }
    this.form = { ...this.form, ...changes, errors };
  }

  private onNote(text: string): void {
    this.patch({ note: text });
    this.noteCrisis = mentionsCrisis(text);
  }

  private onSafety(answer: 'yes' | 'no'): void {
    this.patch({ safety: answer });
    if (answer === 'yes') this.revealCrisis(true);
  }

  /** Shows crisis help inline, moves focus to it and announces it. `risk`: an answer signalled risk. */
  private async revealCrisis(risk: boolean): Promise<void> {
    const first = !this.showCrisis;
    const mark = new FocusMark(this);
    this.showCrisis = true;
    if (risk) {
      this.riskShown = true;
      emit(this, 'peer-check-in-risk', null);
    }
    await this.updateComplete;
    if (mark.undisturbed()) this.renderRoot.querySelector<HTMLElement>('#safety-heading')?.focus();
    if (first || risk) this.announcer.announce(this.i18n.t('checkIn.safety.announce'));
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.sendState.status === 'sending') return;
    const mark = new FocusMark(this, this.nearSend);
    const mode = this.mode;
    const errors = validate(mode, this.form);
    this.form = { ...this.form, errors };
    if (errors.size) {
      await this.updateComplete;
      if (mark.undisturbed()) this.focusField([...errors.keys()][0]!);
      this.announcer.announce(this.i18n.t('checkIn.error.summary'));
      return;
    }
    if (!emit(this, 'peer-check-in-submit', { instrument: mode }, { cancelable: true })) {
      this.announcer.announce(this.i18n.t('checkIn.cancelled'));
      return;
    }
    const answers = this.answers(mode);
    const safetyConcern = this.form.safety === 'yes';
    this.pendingAnswers = answers;
    this.pendingSafety = safetyConcern;
    if (!this.config.apiBase) {
      this.finish(
        {
          answers,
          suggestions: defaultSuggestions(answers, safetyConcern, this.thresholdValues),
          sent: false,
          safetyConcern,
          followUp: false,
        },
        mark,
      );
      return;
    }
    const body = this.requestBody(answers, this.safetyQuestionMode === 'off' ? undefined : this.form.safety);
    this.pendingFollowUp = 'followUp' in body;
    this.sendMark = mark;
    this.sender.submit(body);
  }

  private answers(mode: Instrument): CheckInAnswers {
    if (mode === 'mood') {
      // Only words still on screen: one ticked among the defaults may have gone when the campus's lists arrived.
      const { topics, emotions } = this.offeredWords;
      return {
        instrument: 'mood',
        level: this.form.level as MoodLevel,
        emotions: emotions.filter((word) => this.form.emotions.has(word)),
        topics: topics.filter((word) => this.form.topics.has(word)),
      };
    }
    return { instrument: mode, answers: contractAnswers(scaleOf(mode), this.form.scaleAnswers)! };
  }

  private requestBody(answers: CheckInAnswers, safety: 'yes' | 'no' | undefined) {
    const note = this.form.note.trim();
    const body: Record<string, unknown> = {
      instrument: answers.instrument,
      answers:
        answers.instrument === 'mood'
          ? {
              level: answers.level,
              ...(answers.emotions.length ? { emotions: answers.emotions } : {}),
              ...(answers.topics.length ? { topics: answers.topics } : {}),
              ...(note ? { note } : {}),
            }
          : answers.answers,
      // Left out when unanswered or not asked: "did not answer" must never reach staff as "no".
      ...(safety === undefined ? {} : { safetyConcern: safety === 'yes' }),
      locale: this.i18n.lang,
    };
    if (this.form.followUp && this.campusConfig?.checkIn?.followUp) {
      body.followUp = {
        contact: { channel: this.form.channel, value: this.form.contact.trim() },
        consentVersion: this.consentVersion,
      };
    }
    return body;
  }

  private onSendState(sendState: SendState<CheckInResult>): void {
    // Asked now, before the new state renders: rendering the outcome removes the button or status focus was on.
    const mark = this.sendMark;
    const mayFocus = mark?.undisturbed() ?? false;
    this.sendState = sendState;
    clearTimeout(this.slowTimer);
    this.slow = false;
    if (sendState.status === 'sending') {
      // Said, not only shown: a screen-reader user who pressed Send (or came back online) hears that it is going.
      this.announcer.announce(this.i18n.t('checkIn.sending'));
      // Its own words, not the core's "keep waiting or try again": no second try can start while one is in flight.
      this.slowTimer = setTimeout(() => {
        this.slow = true;
        this.announcer.announce(this.i18n.t('checkIn.slow'));
      }, SLOW_AFTER_MS);
    } else if (sendState.status === 'sent' && this.pendingAnswers) {
      const answers = this.pendingAnswers;
      const local = defaultSuggestions(answers, this.pendingSafety, this.thresholdValues);
      // The backend's suggestions come first; crisis help stays first whatever it says after a safety concern.
      const suggestions = [...(sendState.result.suggestions ?? [])];
      if (this.pendingSafety && suggestions[0]?.kind !== 'crisis') suggestions.unshift(local[0]!);
      this.finish(
        {
          answers,
          suggestions: [...suggestions, ...local],
          sent: true,
          safetyConcern: this.pendingSafety,
          followUp: this.pendingFollowUp,
          backendBand: backendBand(answers, sendState.result.band),
        },
        mayFocus ? mark : undefined,
      );
    } else if (sendState.status === 'waiting' || sendState.status === 'failed') {
      this.announcer.announce(this.failureText(sendState));
      void this.updateComplete.then(() => {
        if (mayFocus && mark?.undisturbed()) this.renderRoot.querySelector<HTMLElement>('#send-status')?.focus();
      });
    }
  }

  /** Shows the result; its heading takes focus only if `mark` is given and the student has not gone elsewhere. */
  private async finish(outcome: Outcome, mark?: FocusMark): Promise<void> {
    this.outcome = outcome;
    const band = this.bandOf(outcome);
    if (this.remember) {
      const { notKeptText } = await this.loadHistory();
      this.notKept = notKeptText(this.i18n, this.history!.record(historyEntry(outcome.answers, band)));
    }
    emit(this, 'peer-check-in-complete', {
      instrument: outcome.answers.instrument,
      ...(band ? { band } : {}),
      ...(outcome.answers.instrument === 'mood' ? { level: outcome.answers.level } : {}),
      sent: outcome.sent,
    });
    await this.updateComplete;
    if (mark?.undisturbed()) this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
    if (outcome.sent) this.announcer.announce(this.i18n.t('checkIn.sent'));
  }

  private onNextStep(event: Event, step: Suggestion): void {
    const proceed = emit(
      this,
      'peer-check-in-next-step',
      { kind: step.kind, topics: [...(step.topics ?? [])] },
      { cancelable: true },
    );
    if (!proceed) event.preventDefault();
    else if (step.kind === 'crisis') void this.revealCrisis(false);
  }

  private focusField(field: Field): void {
    const target = this.renderRoot.querySelector<HTMLElement>(`#field-${field}`);
    const control = target?.matches('input') ? target : target?.querySelector<HTMLElement>('input');
    control?.focus();
  }

  /**
   * Clears everything for a new check-in, the inline crisis help and its words too: on a shared computer the next
   * person must not see that the last one disclosed anything. ("Need help now?" stays at the top.)
   */
  private async startOver(focus: boolean): Promise<void> {
    const mark = new FocusMark(this);
    this.sendMark = undefined;
    this.sender.reset();
    this.showCrisis = false;
    this.riskShown = false;
    this.notKept = undefined;
    this.form = emptyForm();
    this.outcome = undefined;
    this.pendingAnswers = undefined;
    this.noteCrisis = false;
    if (focus) {
      await this.updateComplete;
      if (mark.undisturbed()) this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
    }
  }
}

/** What the opt-in history keeps of a check-in: when, the mode, the mood or band, and chosen words; never the note. */
function historyEntry(answers: CheckInAnswers, band: Band | undefined, now = new Date()): HistoryEntry {
  const at = now.toISOString();
  if (answers.instrument !== 'mood') return { at, instrument: answers.instrument, ...(band ? { band } : {}) };
  return {
    at,
    instrument: 'mood',
    level: answers.level,
    ...(answers.emotions.length ? { emotions: [...answers.emotions] } : {}),
    ...(answers.topics.length ? { topics: [...answers.topics] } : {}),
  };
}

function emptyForm(): FormState {
  return {
    emotions: new Set(),
    topics: new Set(),
    note: '',
    scaleAnswers: [],
    followUp: false,
    channel: 'email',
    contact: '',
    consent: false,
    errors: new Map(),
  };
}

function toggled(set: ReadonlySet<string>, word: string, on: boolean): Set<string> {
  const next = new Set(set);
  if (on) next.add(word);
  else next.delete(word);
  return next;
}

declare global {
  interface HTMLElementTagNameMap {
    'peer-check-in': PeerCheckIn;
  }
}
