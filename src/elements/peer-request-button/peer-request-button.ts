import { ContextProvider } from '@lit/context';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ApiError } from '../../core/api/errors.js';
import { AnnouncerController } from '../../core/announcer.js';
import { peerConfigContext } from '../../core/config.js';
import { devWarn } from '../../core/dev.js';
import { emit } from '../../core/emit.js';
import { errorMessage, withWait } from '../../core/error-message.js';
import { registerSupportTopicStrings } from '../../core/i18n/support-topics.js';
import { PeerWidgetElement } from '../../core/peer-widget-element.js';
import { RequestController } from '../../core/request/request-controller.js';
import { safeHref } from '../../core/safe-url.js';
import { registerRequestButtonStrings } from './i18n/index.js';
import { availabilityLine, fallbackFor, type Fallback } from './logic/availability-words.js';
import { formatRequestCode, parseRequestCode, type RequestCode } from './logic/request-code.js';
import {
  availabilityCheck,
  createdCheck,
  FINAL_STATES,
  statusCheck,
  type Availability,
  type Created,
  type Status,
} from './logic/request-data.js';
import {
  emptyForm,
  requestBody,
  STEPS,
  validateStep,
  type FieldError,
  type RequestForm,
} from './logic/request-form.js';
import { IdempotentSender, type SendState } from '../../core/request/idempotent-sender.js';
import { mayHaveArrived } from '../../core/request/may-have-arrived.js';
import { POLL_INTERVAL_MS, StatusPoller } from './logic/status-poller.js';
import { peerRequestButtonStyles } from './peer-request-button.styles.js';
import './request-events.js';
import { stepView } from './templates/step-templates.js';
import { stateWords, statusView, type CancelState, type RequestView } from './templates/status-templates.js';

// Called, not imported for effect: bundlers drop side-effect-only imports of modules marked free of side effects.
registerRequestButtonStrings();
registerSupportTopicStrings();

/** The version of the built-in consent wording; sent with every request as `consent.noticeVersion`. */
export const REQUEST_CONSENT_VERSION = 'peer-request-2026-12-01';

/** Minutes of expected wait past which the student is offered other help too (the `wait-limit` default). */
export const DEFAULT_WAIT_LIMIT = 45;

const NOTICE_VERSION = /^[A-Za-z0-9._-]{1,40}$/;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const RISK_TOPICS: ReadonlySet<string> = new Set(['self-harm', 'suicidal-thoughts']);
const IDLE = { status: 'idle' } as const;

type Mode = 'form' | 'status' | 'code';
type CodeEntry = { text: string; invalid: boolean; checking: boolean; error?: ApiError };

/**
 * What happens to a request when nobody is on shift (seen when someone next is) or the wait is long (answered in
 * turn, by supporters on shift now): before sending, then once queued.
 */
const FALLBACK_NEXT = {
  nobody: ['request.fallback.queue', 'request.fallback.queued'],
  long: ['request.fallback.queueLong', 'request.fallback.queuedLong'],
} as const;

/**
 * @tag peer-request-button
 * @summary A button to ask for a peer supporter: it says whether supporters are on shift and the expected wait, and
 * opens a short request in a dialog, with crisis help first and live status after.
 *
 * @description The label comes from `GET /availability`: on shift now with the wait when the backend gives one, no
 * one on shift, or when the service next opens, naming the day. The dialog (a native modal `<dialog>`, full screen on
 * small screens) asks one thing per step: immediate danger first (a "yes" shows crisis help in the dialog and no
 * queue), then topic, kind of support, channel, when, language and optional preferences, how to be reached (an
 * anonymous code by default) and the limits of confidentiality with consent, whose wording's version goes with the
 * request. Answers live on the element only: closing, Escape, Back and Next lose nothing, and nothing is kept in
 * browser storage. A request is sent once (`POST /peer-requests`, one Idempotency-Key for its whole life, reused on
 * every retry). Then the status, place and expected wait are shown and announced as they change (polling with
 * `If-None-Match` and the `Request-Secret` header, paused while the page is hidden, backing off after failures,
 * honouring `Retry-After`, stopped at a final state); the code to check it later is shown once with a copy button;
 * the request can be cancelled. When no one is on shift or the wait passes `wait-limit`, the student is told and
 * offered helplines and groups. "I have a code" checks a request from any device.
 *
 * @csspart base - The wrapper of the button, the help link and "I have a code".
 * @csspart button - The main button.
 * @csspart label - Its first line, "Talk to a peer supporter".
 * @csspart availability - Its second line: on shift, no one on shift, or when it opens.
 * @csspart help-link - The "Need help now?" link, in the same place in every widget (also inside the dialog).
 * @csspart have-code - "I have a code".
 * @csspart dialog - The dialog.
 * @csspart dialog-heading - Its heading.
 * @csspart close - Its close button.
 * @csspart intro - Who peer supporters are.
 * @csspart step-count - "Step 2 of 8".
 * @csspart form - The request form.
 * @csspart fieldset - A step's question and its choices.
 * @csspart legend - A step's question.
 * @csspart choice - One choice (a label around a radio button or checkbox).
 * @csspart topic - The topic select.
 * @csspart note - The optional note.
 * @csspart at - The date and time of a request for later.
 * @csspart no-later - Said instead of "At a time I choose" when the backend takes no requests for later.
 * @csspart language - The language select.
 * @csspart preferences - The optional preferences.
 * @csspart email - The email field.
 * @csspart phone - The phone field.
 * @csspart consent - Who reads the request, the limits of confidentiality and the consent checkbox.
 * @csspart consent-box - The consent checkbox.
 * @csspart channels-now - The channels supporters on shift can take now.
 * @csspart field-error - A message above a field that needs attention.
 * @csspart back - "Back".
 * @csspart next - "Next".
 * @csspart send - "Send my request".
 * @csspart send-status - Sending, or why it failed.
 * @csspart safety-help - Crisis help shown in the dialog after a "yes" to the danger question.
 * @csspart crisis - A `<peer-crisis-resources>` inside the dialog.
 * @csspart fallback - No one on shift or a long wait: said, with helplines and groups.
 * @csspart groups-link - The link to groups (with `groups-href`).
 * @csspart status - The request's status.
 * @csspart state - "Status: Waiting".
 * @csspart place - The place in line and the expected wait.
 * @csspart scheduled - The time a request for later is booked for.
 * @csspart supporter - The supporter's first name.
 * @csspart join - The link to join the conversation.
 * @csspart escalated - "A professional will be in touch".
 * @csspart cancelled - "Your request is cancelled."
 * @csspart status-note - Said when the status could not be checked just now.
 * @csspart recovered - Said when an earlier attempt had already gone through.
 * @csspart code - The code section, shown once.
 * @csspart code-value - The code.
 * @csspart copy - "Copy code".
 * @csspart copy-status - Copied, or select it yourself.
 * @csspart cancel - "Cancel my request".
 * @csspart cancel-confirm - The question before cancelling.
 * @csspart cancel-no - "Keep my request".
 * @csspart cancel-yes - "Yes, cancel it".
 * @csspart cancel-status - Cancelling, or why it failed.
 * @csspart again - "Make a new request".
 * @csspart code-form - The "I have a code" form.
 * @csspart code-input - Its field.
 * @csspart check - The "I have a code" form's "Check" button.
 * @csspart problem - An error with a way forward.
 * @csspart retry - "Try again".
 * @csspart live-region - The visually hidden live region.
 *
 * @cssproperty --peer-color-accent - The button and links.
 * @cssproperty --peer-color-surface - Background of the dialog.
 * @cssproperty --peer-color-border - Borders.
 * @cssproperty --peer-radius - Corner radius.
 * @cssproperty --peer-space - Base spacing.
 * @cssproperty --peer-target-size - Minimum size of every control.
 *
 * @fires peer-request-open - The dialog opened. `detail`: `{ availability }` ('open', 'nobody-on-shift', 'closed', 'unknown').
 * @fires peer-request-submit - Before a request is sent; cancelable. `detail`: `{ supportKind, channel, when, contactMethod }`; never the topic, note or contact.
 * @fires peer-request-submitted - A request was queued. `detail`: `{ status, position, expectedWaitMinutes, onShift }`; no id, code or personal data.
 * @fires peer-request-status - The status on screen changed. `detail`: `{ status, previous }`.
 * @fires peer-crisis-contact - From the crisis help in the dialog, when a student opens or copies a contact.
 */
export class PeerRequestButton extends PeerWidgetElement {
  /** The tag name `define()` registers this class under when it is given none. */
  static readonly tagName = 'peer-request-button';
  static override styles = [...PeerWidgetElement.styles, ...peerRequestButtonStyles];
  /** The shortest time between status polls, in milliseconds (the contract asks for 15 s or more). */
  static minPollMs = POLL_INTERVAL_MS;

  /** The level of the dialog's heading (2–5); its sections are one level deeper. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The version of the consent wording; change it when you override the `request.consent.*` strings. */
  @property({ attribute: 'consent-version' }) consentVersion = REQUEST_CONSENT_VERSION;

  /** An https page listing peer support groups, offered when no one is on shift or the wait is long. */
  @property({ attribute: 'groups-href' }) groupsHref?: string;

  /** Minutes of expected wait past which the student is told the wait is long and offered other help. */
  @property({ attribute: 'wait-limit', type: Number }) waitLimit = DEFAULT_WAIT_LIMIT;

  /** Seconds between status polls; at least 15. */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = 15;

  /** Languages offered for the conversation, space-separated BCP 47 tags; default: the page's language, en and es. */
  @property() languages?: string;

  @state() private form: RequestForm = emptyForm('en');
  @state() private step = 0;
  @state() private errors: ReadonlySet<FieldError> = new Set();
  @state() private mode: Mode = 'form';
  @state() private view?: RequestView;
  @state() private code?: string;
  @state() private copy: 'idle' | 'copied' | 'failed' = 'idle';
  @state() private cancel: CancelState = IDLE;
  @state() private stale = false;
  @state() private recovered = false;
  @state() private codeEntry: CodeEntry = { text: '', invalid: false, checking: false };
  /** The availability that came with the last answer about the request (fresher than the button's). */
  @state() private requestAvailability?: Availability;
  /**
   * Whether the dialog is open. The live region follows it: a modal dialog makes the rest of the page inert, and an
   * inert live region is hidden from screen readers, so status changes would go unspoken while the dialog is open.
   */
  @state() private dialogOpen = false;

  private readonly announcer = new AnnouncerController(this);
  /** Shares this element's configuration with the crisis panels and help links inside it. */
  private readonly innerConfig = new ContextProvider(this, { context: peerConfigContext, initialValue: {} });
  /** The request on screen: held in memory only, never in storage. */
  private target?: RequestCode;
  /** Aborts a cancel in flight when the element leaves the page. */
  private cancelAbort?: AbortController;
  private formLanguageSet = false;
  /** Whether the last settled `GET /availability` failed (see `availabilityFailed`). */
  private availabilityUnknown = false;

  private readonly availability = new RequestController(this, {
    args: () => [this.config.apiBase, this.api] as const,
    request: ([apiBase, api], signal) =>
      apiBase ? api.get('/availability', { check: availabilityCheck, signal }) : Promise.resolve(undefined),
  });

  private readonly sender = new IdempotentSender<Created>(
    (body, idempotencyKey, signal) =>
      this.api.post('/peer-requests', body, { check: createdCheck, idempotencyKey, signal }),
    (sendState) => void this.onSendState(sendState),
  );

  private readonly poller = new StatusPoller<Status>(this, {
    fetch: (etag, signal) => {
      const target = this.target!;
      return this.api.getIfChanged(`/peer-requests/${encodeURIComponent(target.requestId)}`, etag, {
        check: statusCheck,
        signal,
        headers: { 'Request-Secret': target.secret },
      });
    },
    onStatus: (status) => this.onStatus(status),
    onError: (error) => this.onPollError(error),
    intervalMs: () => Math.max(PeerRequestButton.minPollMs, (this.pollInterval || 0) * 1000),
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.sender.abort();
    this.cancelAbort?.abort();
  }

  protected override willUpdate(): void {
    this.innerConfig.setValue(this.config);
    if (!this.formLanguageSet) {
      this.formLanguageSet = true;
      this.form = { ...this.form, language: this.offeredLanguages[0] ?? 'en' };
    }
    // A later time is offered only while the backend takes one (the when step says so); never sent when it does not.
    if (this.currentAvailability?.acceptsScheduled === false && this.form.when === 'scheduled') {
      this.form = { ...this.form, when: 'asap' };
    }
  }

  protected override firstUpdated(): void {
    if (!NOTICE_VERSION.test(this.consentVersion)) {
      devWarn(
        this,
        `consent-version="${this.consentVersion}" is not 1-40 letters, digits, ".", "_" or "-"; using the default.`,
      );
    }
  }

  private get level(): number {
    return Math.min(5, Math.max(2, Math.trunc(this.headingLevel) || 2));
  }

  private get noticeVersion(): string {
    return NOTICE_VERSION.test(this.consentVersion) ? this.consentVersion : REQUEST_CONSENT_VERSION;
  }

  private get offeredLanguages(): string[] {
    const given = (this.languages ?? '').split(/[\s,]+/).filter((tag) => LANGUAGE_TAG.test(tag));
    const defaults = [this.i18n.lang.split('-')[0] ?? 'en', 'en', 'es'];
    return [...new Set(given.length ? given : defaults)];
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /**
   * The availability to go by: the latest from the request, else the button's. After a failed refresh the button's
   * last answer is not used: an old "on shift, about 12 min" would be a claim nobody can stand behind now.
   */
  private get currentAvailability(): Availability | undefined {
    return this.requestAvailability ?? (this.availabilityFailed ? undefined : this.availability.value);
  }

  /**
   * The latest `GET /availability` failed (error, timeout, unreadable answer): we do not know who is on shift. It
   * stays so while a retry is on its way, so the old answer does not come back in between.
   */
  private get availabilityFailed(): boolean {
    const now = this.availability.state.status;
    if (now === 'error') this.availabilityUnknown = true;
    else if (now === 'ready' || now === 'idle') this.availabilityUnknown = false;
    return this.availabilityUnknown;
  }

  /** "Try again" beside the could-not-check line, outside the main button (no button inside a button). */
  private renderAvailabilityRetry() {
    return html`<button class="link-button" part="retry" type="button" @click=${() => void this.availability.retry()}>
      ${this.i18n.t('action.retry')}
    </button>`;
  }

  // ---------------------------------------------------------------- the button

  protected override render() {
    return html`<div class="base" part="base" lang=${this.i18n.lang} dir=${this.i18n.dir}>
      <div class="top">
        <button
          class="button open"
          part="button"
          id="open"
          type="button"
          aria-haspopup="dialog"
          @click=${() => void this.open()}
        >
          <span part="label">${this.view ? this.i18n.t('request.status.open') : this.i18n.t('request.button')}</span>
          <span class="availability" part="availability">${this.buttonLine()}</span>
        </button>
        <peer-help-link part="help-link"></peer-help-link>
      </div>
      ${!this.view && this.availabilityFailed ? this.renderAvailabilityRetry() : nothing}
      ${
        this.config.apiBase && !this.view
          ? html`<button class="link-button" part="have-code" type="button" @click=${() => void this.open('code')}>
              ${this.i18n.t('request.haveCode')}
            </button>`
          : nothing
      }
      ${this.renderDialog()} ${this.dialogOpen ? nothing : this.announcer.region()}
    </div>`;
  }

  private buttonLine() {
    if (this.view) return stateWords(this.i18n, this.view.status);
    if (this.availabilityFailed) return this.i18n.t('request.button.unknown');
    const availability = this.availability.value;
    return availability ? availabilityLine(this.i18n, availability, new Date()) : nothing;
  }

  /** Opens the dialog: the request form, the request's status, or (`code`) the "I have a code" form. */
  async open(mode?: 'code'): Promise<void> {
    if (mode === 'code') {
      this.mode = 'code';
    } else if (this.mode === 'code' || (this.mode === 'status' && !this.view)) {
      this.mode = this.view ? 'status' : 'form';
    }
    // Availability is current only for a short while (the contract: 30 s): ask again as the student starts.
    if (this.config.apiBase && !this.availability.pending && !this.view) void this.availability.retry();
    this.dialogOpen = true;
    await this.updateComplete;
    const dialog = this.dialog;
    if (dialog && !dialog.open) dialog.showModal();
    this.focusIn(this.mode === 'code' ? '#code-input' : this.mode === 'status' ? '#status-heading' : '#dialog-heading');
    emit(this, 'peer-request-open', { availability: this.availabilityKind() });
  }

  /** Closes the dialog; what was typed stays. */
  close(): void {
    this.dialog?.close();
  }

  private availabilityKind() {
    const availability = this.currentAvailability;
    if (!availability) return 'unknown' as const;
    if (availability.open) return 'open' as const;
    return availability.withinHours ? ('nobody-on-shift' as const) : ('closed' as const);
  }

  /**
   * Every way the dialog closes (Escape, the close button, `close()`) ends here, and focus goes back to the button.
   * The cancel event is never cancelled: Chromium lets a page cancel Escape only once without a user gesture in
   * between, so "Escape asks first" would close on the second press and lose the answers. Instead nothing is ever
   * lost: the answers live on the element, not in the dialog.
   */
  private onDialogClose(): void {
    if (this.dialog?.open) return;
    this.dialogOpen = false;
    this.renderRoot.querySelector<HTMLElement>('#open')?.focus();
  }

  private async focusIn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  // ---------------------------------------------------------------- the dialog

  private renderDialog() {
    return html`<dialog part="dialog" aria-labelledby="dialog-heading" @close=${this.onDialogClose}>
      <div class="dialog-body" lang=${this.i18n.lang} dir=${this.i18n.dir}>
        <div class="dialog-top">
          <div
            role="heading"
            aria-level=${this.level}
            class="dialog-heading"
            part="dialog-heading"
            id="dialog-heading"
            tabindex="-1"
          >
            ${this.i18n.t('request.dialog.heading')}
          </div>
          <peer-help-link part="help-link"></peer-help-link>
          <button class="button secondary" part="close" type="button" @click=${() => this.close()}>
            ${this.i18n.t('request.dialog.close')}
          </button>
        </div>
        ${this.dialogOpen ? this.renderDialogContent() : nothing} ${this.dialogOpen ? this.announcer.region() : nothing}
      </div>
    </dialog>`;
  }

  /**
   * Rendered only while the dialog is open: the crisis panels in it would otherwise load (and ask the backend) on
   * every page that merely shows the button. What was typed lives on the element, so nothing is lost in between.
   */
  private renderDialogContent() {
    if (!this.config.apiBase) return html`<p part="problem">${this.i18n.t('request.notConfigured')}</p>`;
    return this.mode === 'form'
      ? this.renderForm()
      : this.mode === 'status'
        ? this.renderStatus()
        : this.renderCodeEntry();
  }

  private renderForm() {
    const step = STEPS[this.step]!;
    const sendState = this.sender.state;
    const sending = sendState.status === 'sending';
    const last = this.step === STEPS.length - 1;
    const danger = this.form.safety === 'yes';
    return html`<p part="intro">${this.i18n.t('request.dialog.intro')}</p>
      ${this.step === 0 ? this.renderFallback(false) : nothing}
      <form part="form" novalidate @submit=${this.onNext}>
        <p class="step-count" part="step-count" id="step-count" tabindex="-1">
          ${this.i18n.t('request.step', { current: this.i18n.number(this.step + 1), total: this.i18n.number(STEPS.length) })}
        </p>
        ${stepView(step, {
          i18n: this.i18n,
          form: this.form,
          errors: this.errors,
          availability: this.currentAvailability,
          languages: this.offeredLanguages,
          onChange: (patch) => this.patch(patch),
        })}
        ${step === 'safety' && danger ? this.renderSafetyHelp() : nothing}
        ${step === 'topic' && RISK_TOPICS.has(this.form.topic) ? this.renderTopicHelp() : nothing}
        <div class="actions step-actions">
          ${
            this.step > 0
              ? html`<button class="button secondary" part="back" type="button" @click=${this.onBack}>
                  ${this.i18n.t('request.back')}
                </button>`
              : nothing
          }
          ${
            danger && step === 'safety'
              ? nothing
              : html`<button
                  class="button"
                  part=${last ? 'send' : 'next'}
                  type="submit"
                  aria-disabled=${sending ? 'true' : 'false'}
                >
                  ${this.i18n.t(last ? 'request.send' : 'request.next')}
                </button>`
          }
        </div>
        ${last ? this.renderSendStatus(sendState) : nothing}
      </form>`;
  }

  private renderSendStatus(sendState: SendState<Created>) {
    if (sendState.status === 'sending') return html`<p part="send-status">${this.i18n.t('request.sending')}</p>`;
    if (sendState.status !== 'failed') return nothing;
    if (mayHaveArrived(sendState.error)) {
      // The request may well be in the queue (see `mayHaveArrived`), so never "not sent"; helplines meanwhile.
      return html`<div class="problem" part="send-status">
        <p>${this.failureText(sendState.error)}</p>
        <div role="heading" aria-level=${Math.min(6, this.level + 1)} class="sub-heading">
          ${this.i18n.t('request.fallback.helplines')}
        </div>
        <peer-crisis-resources part="crisis" variant="banner"></peer-crisis-resources>
      </div>`;
    }
    return html`<div class="problem" part="send-status">
      <p>${this.failureText(sendState.error)}</p>
    </div>`;
  }

  /**
   * Why the send failed. "Not sent" only when the server refused the request itself; when it may be in the queue
   * (no answer, a server error, an unreadable reply) the student is told we could not confirm, and that sending
   * again is safe: the same Idempotency-Key brings back the request already made, never a second one.
   */
  private failureText(error: ApiError): string {
    if (error.kind === 'invalid-response') return this.i18n.t('request.unreadable');
    if (mayHaveArrived(error)) {
      // The wait comes first: this text ends with a colon that leads into the helplines.
      return withWait(
        this.i18n,
        error,
        this.i18n.t('request.unconfirmed', { send: this.i18n.t('request.send') }),
        'before',
      );
    }
    return `${this.i18n.t('request.notSent')} ${this.errorText(error)}`;
  }

  private renderSafetyHelp() {
    return html`<div class="safety-help" part="safety-help">
      <p id="safety-help" tabindex="-1">${this.i18n.t('request.safety.help')}</p>
      <peer-crisis-resources part="crisis" heading-level=${Math.min(6, this.level + 1)}></peer-crisis-resources>
    </div>`;
  }

  private renderTopicHelp() {
    return html`<div class="safety-help" part="safety-help">
      <p>${this.i18n.t('request.topic.help')}</p>
      <peer-crisis-resources part="crisis" variant="banner"></peer-crisis-resources>
    </div>`;
  }

  /**
   * No one on shift, or a wait past the limit: said plainly, with helplines and groups beside the queue. `queued`:
   * the request is already in line (the status view), else the student is about to write one.
   */
  private renderFallback(queued: boolean) {
    const availability = this.currentAvailability;
    if (!availability && !queued && this.availabilityFailed) return this.renderUnknown();
    const wait = queued ? (this.view?.expectedWaitMinutes ?? null) : (availability?.expectedWaitMinutes ?? null);
    const reason: Fallback = fallbackFor(availability, wait, this.waitLimit);
    if (!reason || !availability) return nothing;
    const groups = safeHref(this.groupsHref);
    const line =
      reason === 'nobody' && !availability.withinHours
        ? availabilityLine(this.i18n, availability, new Date())
        : nothing;
    return html`<section class="fallback" part="fallback" aria-labelledby="fallback-heading">
      <p id="fallback-heading">
        <strong>${this.i18n.t(reason === 'nobody' ? 'request.fallback.nobody' : 'request.fallback.long')}</strong>
        ${line}
      </p>
      <p>${this.i18n.t(FALLBACK_NEXT[reason][queued ? 1 : 0])}</p>
      ${
        groups
          ? html`<p><a part="groups-link" href=${groups}>${this.i18n.t('request.fallback.groups')}</a></p>`
          : nothing
      }
      <div role="heading" aria-level=${Math.min(6, this.level + 1)} class="sub-heading">
        ${this.i18n.t('request.fallback.helplines')}
      </div>
      <peer-crisis-resources part="crisis" variant="banner"></peer-crisis-resources>
    </section>`;
  }

  /** Availability could not be read: said plainly, with a retry, and helplines that need no answer from us. */
  private renderUnknown() {
    return html`<section class="fallback" part="fallback" aria-labelledby="fallback-heading">
      <p id="fallback-heading"><strong>${this.i18n.t('request.button.unknown')}</strong></p>
      <p>${this.i18n.t('request.fallback.unknown')}</p>
      <p>${this.renderAvailabilityRetry()}</p>
      <div role="heading" aria-level=${Math.min(6, this.level + 1)} class="sub-heading">
        ${this.i18n.t('request.fallback.helplines')}
      </div>
      <peer-crisis-resources part="crisis" variant="banner"></peer-crisis-resources>
    </section>`;
  }

  private patch(patch: Partial<RequestForm>): void {
    const errors = new Set(this.errors);
    for (const key of Object.keys(patch)) errors.delete(key as FieldError);
    if (patch.when) errors.delete('at');
    if (patch.contact) {
      errors.delete('email');
      errors.delete('phone');
    }
    this.errors = errors;
    const wasDanger = this.form.safety === 'yes';
    this.form = { ...this.form, ...patch };
    if (patch.safety === 'yes' && !wasDanger) void this.revealSafetyHelp();
    // The crisis help is hidden again: "help is shown" would now be false, so the region is emptied.
    if (patch.safety !== undefined && patch.safety !== 'yes' && wasDanger) this.announcer.announce('');
  }

  private async revealSafetyHelp(): Promise<void> {
    await this.updateComplete;
    if (this.form.safety === 'yes') this.announcer.announce(this.i18n.t('request.safety.announce'));
  }

  private onBack = (): void => {
    this.errors = new Set();
    this.step = Math.max(0, this.step - 1);
    void this.focusIn('#step-count');
  };

  private onNext = async (event: Event): Promise<void> => {
    event.preventDefault();
    const step = STEPS[this.step]!;
    if (step === 'safety' && this.form.safety === 'yes') return;
    const errors = validateStep(step, this.form);
    this.errors = new Set(errors);
    if (errors.length) {
      await this.focusIn(`#${errors[0]}`);
      this.announcer.announce(this.i18n.t('request.fields.fix'));
      return;
    }
    if (this.step < STEPS.length - 1) {
      this.step++;
      await this.focusIn('#step-count');
      return;
    }
    this.submit();
  };

  private submit(): void {
    if (this.sender.state.status === 'sending') return;
    const { supportKind, channel, when, contact } = this.form;
    if (
      !emit(this, 'peer-request-submit', { supportKind, channel, when, contactMethod: contact }, { cancelable: true })
    ) {
      this.announcer.announce(this.i18n.t('request.notSent'));
      return;
    }
    this.sender.submit(requestBody(this.form, this.noticeVersion));
  }

  private async onSendState(sendState: SendState<Created>): Promise<void> {
    this.requestUpdate();
    if (sendState.status === 'failed' && sendState.error.kind !== 'aborted') {
      this.announcer.announce(this.failureText(sendState.error));
      return;
    }
    if (sendState.status !== 'done') return;
    const created = sendState.result;
    this.target = { requestId: created.requestId, secret: created.secret };
    this.code = formatRequestCode(this.target);
    this.view = {
      requestId: created.requestId,
      status: created.status,
      position: created.position,
      expectedWaitMinutes: created.expectedWaitMinutes,
    };
    this.requestAvailability = created.availability;
    this.recovered = sendState.recovered;
    this.stale = false;
    this.cancel = IDLE;
    this.copy = 'idle';
    this.mode = 'status';
    // What was typed has done its job: it is not kept, in memory or anywhere else, once the request is made.
    this.form = emptyForm(this.form.language);
    this.step = 0;
    emit(this, 'peer-request-submitted', {
      status: created.status,
      position: created.position,
      expectedWaitMinutes: created.expectedWaitMinutes,
      onShift: !!created.availability && created.availability.supportersOnShift > 0 && created.availability.open,
    });
    emit(this, 'peer-request-status', { status: created.status, previous: null });
    this.poller.start(created.requestId);
    await this.focusIn('#status-heading');
    this.announcer.announce(`${this.i18n.t('request.submitted')} ${this.statusSentence()}`);
  }

  // ---------------------------------------------------------------- status

  private renderStatus() {
    const view = this.view;
    if (!view) {
      return html`<p part="status-note">${this.i18n.t('request.status.checking')}</p>`;
    }
    const escalated = view.status === 'escalated-to-professional';
    return statusView(view, {
      i18n: this.i18n,
      level: Math.min(6, this.level + 1),
      code: this.code,
      copy: this.copy,
      cancel: this.cancel,
      stale: this.stale,
      recovered: this.recovered,
      extra: escalated
        ? html`<peer-crisis-resources
            part="crisis"
            heading-level=${Math.min(6, this.level + 2)}
          ></peer-crisis-resources>`
        : view.status === 'queued'
          ? this.renderFallback(true)
          : nothing,
      cancelFailure: (error) => this.cancelFailure(error),
      onCopy: () => void this.copyCode(),
      onCancel: (step) => void this.cancelStep(step),
      onAgain: () => void this.startAgain(),
    });
  }

  /** A status from polling or a typed code. Returns true when it is final (polling stops). */
  private onStatus(status: Status): boolean {
    const before = this.view;
    this.view = {
      requestId: status.requestId,
      status: status.status,
      position: status.position,
      expectedWaitMinutes: status.expectedWaitMinutes,
      when: status.when,
      ...(status.supporterName !== undefined ? { supporterName: status.supporterName } : {}),
      ...(status.joinUrl !== undefined ? { joinUrl: status.joinUrl } : {}),
    };
    this.requestAvailability = status.availability;
    this.stale = false;
    if (this.mode === 'code') this.codeEntry = { text: '', invalid: false, checking: false };
    if (!before) {
      this.mode = 'status';
      void this.focusIn('#status-heading');
    }
    if (before?.status !== status.status) {
      emit(this, 'peer-request-status', { status: status.status, previous: before?.status ?? null });
    }
    const changed =
      before?.status !== status.status ||
      before.position !== status.position ||
      before.expectedWaitMinutes !== status.expectedWaitMinutes;
    if (changed) void this.updateComplete.then(() => this.announcer.announce(this.statusSentence()));
    return FINAL_STATES.has(status.status);
  }

  private onPollError(error: ApiError | undefined): void {
    if (!error || error.kind === 'aborted') {
      this.stale = false;
      return;
    }
    const gone = error.kind === 'http' && error.status === 404;
    if (!this.view) {
      // A typed code: say what happened in the code form, where the student can fix the code or try again.
      this.poller.stop();
      this.mode = 'code';
      this.codeEntry = { ...this.codeEntry, checking: false, error };
      void this.focusIn('#code-input');
      this.announcer.announce(gone ? this.i18n.t('request.status.gone') : this.errorText(error));
      return;
    }
    if (gone) {
      this.view = { ...this.view, status: 'closed' };
      return;
    }
    this.stale = true;
  }

  /** "Status: Waiting. You are number 2 in line. The wait is about 10 min." as plain text, for the live region. */
  private statusSentence(): string {
    const section = this.renderRoot.querySelector('[part="status"]');
    const parts = ['[part="state"]', '[part="place"]', '[part="scheduled"]', '[part="supporter"]']
      .map((selector) => section?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
      .filter(Boolean)
      // "Status: Waiting" and "Your supporter: Sam" are labels on screen; spoken, each part is its own sentence.
      .map((part) => (/[.!?…。؟]$/.test(part) ? part : `${part}.`));
    return parts.join(' ');
  }

  private async copyCode(): Promise<void> {
    const node = this.renderRoot.querySelector<HTMLElement>('#request-code');
    try {
      await navigator.clipboard.writeText(this.code ?? '');
      this.copy = 'copied';
      this.announcer.announce(this.i18n.t('request.code.copied'));
    } catch {
      if (node) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      }
      this.copy = 'failed';
      this.announcer.announce(this.i18n.t('request.code.copyFailed'));
    }
  }

  private async cancelStep(step: 'ask' | 'yes' | 'no'): Promise<void> {
    if (this.cancel.status === 'sending' || !this.target) return;
    if (step !== 'yes') {
      this.cancel = step === 'ask' ? { status: 'confirm' } : IDLE;
      await this.focusIn(step === 'ask' ? '[part="cancel-no"]' : '[part="cancel"]');
      return;
    }
    this.cancel = { status: 'sending' };
    const target = this.target;
    this.cancelAbort = new AbortController();
    const result = await this.api.post(
      `/peer-requests/${encodeURIComponent(target.requestId)}/cancel`,
      {},
      { check: statusCheck, headers: { 'Request-Secret': target.secret }, signal: this.cancelAbort.signal },
    );
    if (target !== this.target) return;
    if (!result.ok) {
      this.cancel = { status: 'failed', error: result.error };
      this.announcer.announce(this.cancelFailure(result.error));
      await this.focusIn('[part="cancel"]');
      return;
    }
    this.cancel = IDLE;
    this.onStatus(result.data);
    this.poller.stop();
    await this.focusIn('#status-heading');
    this.announcer.announce(this.i18n.t('request.cancel.done'));
  }

  /** Why a cancel failed. With no answer or a server error it may have gone through: the next poll will tell. */
  private cancelFailure(error: ApiError): string {
    if (error.kind === 'http' && error.status === 409) return this.i18n.t('request.cancel.tooLate');
    if (mayHaveArrived(error)) return withWait(this.i18n, error, this.i18n.t('request.cancel.unconfirmed'), 'after');
    return `${this.i18n.t('request.cancel.failed')} ${this.errorText(error)}`;
  }

  /** After a request ended: a new one, from the first step, with a new idempotency key. */
  private async startAgain(): Promise<void> {
    this.poller.stop();
    this.sender.reset();
    this.target = undefined;
    this.view = undefined;
    this.code = undefined;
    this.requestAvailability = undefined;
    this.recovered = false;
    this.stale = false;
    this.cancel = IDLE;
    this.form = emptyForm(this.form.language);
    this.step = 0;
    this.errors = new Set();
    this.mode = 'form';
    void this.availability.retry();
    await this.focusIn('#step-count');
  }

  // ---------------------------------------------------------------- "I have a code"

  private renderCodeEntry() {
    const { text, invalid, checking, error } = this.codeEntry;
    const problem = invalid
      ? this.i18n.t('request.code.invalid')
      : error
        ? error.kind === 'http' && error.status === 404
          ? this.i18n.t('request.status.gone')
          : `${this.i18n.t('request.error')} ${this.errorText(error)}`
        : '';
    return html`<form class="code-form" part="code-form" novalidate @submit=${this.onCheckCode}>
      <div class="field">
        <label for="code-input">${this.i18n.t('request.code.label')}</label>
        <p class="hint" id="code-hint">${this.i18n.t('request.code.hint')}</p>
        ${problem ? html`<p class="field-error" part="field-error" id="code-error">${problem}</p>` : nothing}
        <input
          id="code-input"
          part="code-input"
          dir="ltr"
          autocomplete="off"
          spellcheck="false"
          maxlength="300"
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${problem ? 'code-error code-hint' : 'code-hint'}
          .value=${text}
          @input=${(event: Event) =>
            (this.codeEntry = { text: (event.target as HTMLInputElement).value, invalid: false, checking: false })}
        />
      </div>
      <div class="actions">
        <button class="button" part="check" type="submit" aria-disabled=${checking ? 'true' : 'false'}>
          ${this.i18n.t('request.code.check')}
        </button>
      </div>
      ${checking ? html`<p part="status-note">${this.i18n.t('request.status.checking')}</p>` : nothing}
    </form>`;
  }

  private onCheckCode = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.codeEntry.checking) return;
    const code = parseRequestCode(this.codeEntry.text);
    if (!code) {
      this.codeEntry = { ...this.codeEntry, invalid: true, error: undefined };
      await this.focusIn('#code-input');
      this.announcer.announce(this.i18n.t('request.code.invalid'));
      return;
    }
    this.codeEntry = { ...this.codeEntry, checking: true, invalid: false, error: undefined };
    this.target = code;
    this.view = undefined;
    this.code = undefined;
    this.recovered = false;
    this.poller.stop();
    this.poller.start(code.requestId, { immediately: true });
  };

  private errorText(error: ApiError): string {
    const { key, values } = errorMessage(error, this.i18n.locale);
    return this.i18n.t(key, values);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'peer-request-button': PeerRequestButton;
  }
}
