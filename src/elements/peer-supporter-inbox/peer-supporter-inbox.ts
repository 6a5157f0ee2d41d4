/* eslint-disable lit-a11y/no-redundant-role -- role="list" is deliberate: Safari drops list semantics from lists styled with list-style: none. */
import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ApiResult } from '../../core/api/api-client.js';
import type { ApiError } from '../../core/api/errors.js';
import { AnnouncerController } from '../../core/announcer.js';
import { peerConfigContext } from '../../core/config.js';
import { devWarn } from '../../core/dev.js';
import { emit } from '../../core/emit.js';
import { errorMessage, rateLimitWait } from '../../core/error-message.js';
import type { MessageKey } from '../../core/i18n/en.js';
import { registerSupportTopicStrings } from '../../core/i18n/support-topics.js';
import { PeerWidgetElement } from '../../core/peer-widget-element.js';
import { mayHaveArrived } from '../../core/request/may-have-arrived.js';
import './inbox-events.js';
import { registerSupporterInboxStrings } from './i18n/index.js';
import { Drafts } from './logic/drafts.js';
import { InboxApi } from './logic/inbox-api.js';
import {
  CLOSE_OUTCOMES,
  ESCALATION_REASONS,
  NOTE_KINDS,
  isSupervisor,
  mayReadPrivate,
  trainingState,
  type CloseOutcome,
  type EscalationReason,
  type NoteKind,
  type SupporterNote,
  type SupporterProfile,
  type SupporterRequest,
} from './logic/inbox-data.js';
import { waitMessage } from './logic/wait-words.js';
import { supporterInboxStyles } from './peer-supporter-inbox.styles.js';
import { referralGuide } from './templates/guide-templates.js';
import { codeWords, noteItem, privateDetails, requestFacts } from './templates/request-templates.js';
import { signInForm } from './templates/sign-in-templates.js';

// Called, not imported for effect: bundlers drop side-effect-only imports of modules marked free of side effects.
registerSupporterInboxStrings();
registerSupportTopicStrings();

/** What the inbox tells the supporter: a sentence from the table, and maybe one after it (a wait, say). */
type Message = { key: MessageKey; values?: Record<string, string | number>; then?: Message };
type Load = { status: 'idle' | 'loading' } | { status: 'error'; error: ApiError };
type NotesState = { status: 'loading' } | { status: 'ready'; items: SupporterNote[] } | { status: 'error' };
type Form = 'escalate' | 'close';
type Busy = 'claim' | 'contacted' | 'hand-back' | 'note' | 'escalate' | 'close';

const OPEN = ['queued', 'claimed', 'in-progress'];
/** Supervisors also see requests with the on-call professional: they close them. */
const SUPERVISOR_STATES = [...OPEN, 'escalated-to-professional'];
/** The longest timer the browser keeps (about 24.8 days); a later expiry is checked by the server's 401. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * How long sign-out waits for the server to end the session. The page forgets the token at once whatever happens;
 * this only bounds how long the answer is waited for, to say so if the server could not be told.
 */
const SIGN_OUT_LIMIT_MS = 5000;

/**
 * @tag peer-supporter-inbox
 * @summary For trained peer supporters: sign in, see the queue, claim a request, mark it contacted, keep private
 * notes, hand it to the on-call professional, and close it with an outcome.
 *
 * @description Signs in with `POST /supporter/sessions` and keeps the token in memory only (never in storage or
 * cookies); a page that signs supporters in itself (campus single sign-on) sets `external-auth` and a `fetch` that
 * adds `Authorization`, and no form is shown. The queue (`GET /supporter/queue`) lists requests by when each is due,
 * oldest first; supervisors also see those with the on-call professional, first. A request opens in place with a
 * "when to refer" guide beside it. Only the supporter who claimed a request, and supervisors, see the student's
 * note, contact and the notes; the element checks this itself as well as the server. Claim is offered only when
 * the profile says training is current, and a refusal (403) is explained in words. When the session ends (401 or
 * its expiry time), the sign-in form returns and what was being typed stays in memory; with `external-auth`, the
 * inbox asks the supporter to sign in through the campus and starts again when the page sets a new `fetch`; it reads
 * who is signed in (`GET /supporter/profile`) to know their training and roles. Sign-out ends the session on the
 * server (`DELETE /supporter/sessions/current`, waiting a few seconds at most), forgets the token and everything
 * typed whatever the answer, and says so when the server could not be told.
 *
 * @slot guide - Your campus's own "when to refer" guide, replacing the built-in one beside the open request.
 *
 * @csspart panel - The whole inbox.
 * @csspart heading - The heading.
 * @csspart help-link - The "Need help now?" link.
 * @csspart sign-in - The sign-in section.
 * @csspart sign-in-heading - Its heading.
 * @csspart sign-in-intro - Its sentence about where the session is kept.
 * @csspart sign-in-form - The form.
 * @csspart login - The sign-in name field.
 * @csspart password - The password field.
 * @csspart sign-in-submit - "Sign in".
 * @csspart notice - A message: wrong details, the session ended, signed out.
 * @csspart account - Who is signed in, with "Sign out".
 * @csspart sign-out - "Sign out".
 * @csspart training - Why this supporter cannot claim (training missing or expired).
 * @csspart queue - The queue section.
 * @csspart queue-heading - Its heading.
 * @csspart refresh - "Refresh".
 * @csspart count - How many requests are shown.
 * @csspart requests - The list of requests.
 * @csspart request - One request.
 * @csspart request-heading - Its heading (what it is about).
 * @csspart facts - What every supporter may see: status, kind, channel, when, language, contact method.
 * @csspart status - Its status.
 * @csspart kind - What kind of support.
 * @csspart channel - Chat, call, video or in person.
 * @csspart when - As soon as possible (since when) or a time.
 * @csspart language - Its language.
 * @csspart contact-method - How the student will be reached (the method only).
 * @csspart position - Its place in the queue.
 * @csspart claimed-by - Who has it.
 * @csspart preferences - The student's wishes.
 * @csspart outcome - The outcome once closed.
 * @csspart toggle - "Open" / "Hide".
 * @csspart work - The open request's working area.
 * @csspart message - What happened after an action, or why it failed.
 * @csspart actions - The action buttons.
 * @csspart claim - "Claim".
 * @csspart contacted - "Mark contacted".
 * @csspart hand-back - "Hand back to the queue".
 * @csspart escalate - "Hand to the on-call professional".
 * @csspart close - "Close with an outcome".
 * @csspart student-note - What the student wrote (holder and supervisors only).
 * @csspart contact - How to reach the student (holder and supervisors only).
 * @csspart notes-section - The notes (holder and supervisors only).
 * @csspart notes - The list of notes.
 * @csspart note - One note.
 * @csspart note-meta - Its kind, author and time.
 * @csspart note-text - Its text.
 * @csspart note-form - The form to add a note.
 * @csspart note-kind - Its kind of note (note, handover, safety).
 * @csspart note-text-field - Its text box.
 * @csspart note-save - "Save note".
 * @csspart escalate-form - The form to hand a request to the on-call professional.
 * @csspart escalate-reason - Its "Reason" select.
 * @csspart escalate-note - Its note box.
 * @csspart escalate-submit - Its button that hands the request over.
 * @csspart escalate-cancel - Its "Not now" button.
 * @csspart close-form - The form to close with an outcome.
 * @csspart close-outcome - Its "Outcome" select.
 * @csspart close-note - Its closing-note box.
 * @csspart close-submit - "Close request".
 * @csspart close-cancel - Its "Not now" button.
 * @csspart guide - The "when to refer" guide.
 * @csspart guide-heading - Its heading.
 * @csspart more - "Show more requests".
 * @csspart problem - Why the queue could not be loaded, with "Try again".
 * @csspart retry - "Try again".
 * @csspart live-region - The visually hidden live region.
 *
 * @cssproperty --peer-color-accent - Buttons, links and message borders.
 * @cssproperty --peer-color-surface - Background of the panel.
 * @cssproperty --peer-color-border - Borders of the panel and requests.
 * @cssproperty --peer-radius - Corner radius.
 * @cssproperty --peer-space - Base spacing.
 * @cssproperty --peer-target-size - Minimum size of every control.
 *
 * @fires peer-inbox-signed-in - Signed in. `detail`: `{ supervisor, trainingCurrent }`; no name or login.
 * @fires peer-inbox-signed-out - The session ended. `detail`: `{ reason: 'signed-out' | 'expired' }`.
 * @fires peer-inbox-claimed - A request was claimed. `detail`: `{ requestId }`.
 * @fires peer-inbox-contacted - A request was marked contacted. `detail`: `{ requestId }`.
 * @fires peer-inbox-handed-back - A request went back to the queue. `detail`: `{ requestId }`.
 * @fires peer-inbox-note-added - A note was saved. `detail`: `{ requestId, kind }`; never its text.
 * @fires peer-inbox-escalated - A request went to the on-call professional. `detail`: `{ requestId, reason }`.
 * @fires peer-inbox-closed - A request was closed. `detail`: `{ requestId, outcome }`.
 * @fires peer-crisis-contact - From the crisis help behind "Need help now?".
 */
export class PeerSupporterInbox extends PeerWidgetElement {
  /** The tag name `define()` registers this class under when it is given none. */
  static readonly tagName = 'peer-supporter-inbox';
  static override styles = [...PeerWidgetElement.styles, ...supporterInboxStyles];

  /** The level of the heading (2–4); sections are one level deeper. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /**
   * The page signs supporters in itself (campus single sign-on) and its `fetch` adds `Authorization`: no sign-in
   * form is shown. When the server answers 401, the inbox says to sign in again through the campus.
   */
  @property({ attribute: 'external-auth', type: Boolean }) externalAuth = false;

  @state() private signedIn = false;
  @state() private signInBusy = false;
  @state() private notice?: Message;
  @state() private profile?: SupporterProfile;
  /** A page-signed session's profile is on its way: Claim waits for it. */
  @state() private profileLoading = false;
  /** Claiming was refused for training (403): Claim is no longer offered in this session. */
  @state() private claimRefused = false;
  @state() private items: SupporterRequest[] = [];
  @state() private nextCursor: string | null = null;
  @state() private queueLoad: Load = { status: 'idle' };
  @state() private moreLoad: Load = { status: 'idle' };
  @state() private openId?: string;
  @state() private form?: Form;
  @state() private busy = new Map<string, Busy>();
  @state() private messages = new Map<string, Message>();
  @state() private notes = new Map<string, NotesState>();

  private readonly announcer = new AnnouncerController(this);
  private readonly innerConfig = new ContextProvider(this, { context: peerConfigContext, initialValue: {} });
  private readonly drafts = new Drafts();
  /** Requests claimed in this session, for a page-signed session with no profile to compare holders with. */
  private readonly heldHere = new Set<string>();
  private session?: InboxApi;
  private sessionKey?: readonly unknown[];
  private token?: string;
  private expiresAt?: string;
  /** Counts full queue loads, so that only the latest one's answer is shown. */
  private queueLoads = 0;
  private expiryTimer?: ReturnType<typeof setTimeout>;
  private abort = new AbortController();
  /** A page-signed session ended; a new `fetch` from the page starts it again. */
  private externalEnded = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.abort = new AbortController();
    if (this.externalAuth && !this.signedIn) this.startSession(undefined, undefined);
    else if (this.signedIn) void this.loadQueue();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort.abort();
    clearTimeout(this.expiryTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.innerConfig.setValue(this.config);
    // The page's session ended (401) and the page has signed in again: its new fetch carries the new token.
    if (this.externalAuth && this.externalEnded && changed.has('fetch') && this.fetch) {
      this.externalEnded = false;
      this.startSession(undefined, undefined);
    }
  }

  protected override firstUpdated(): void {
    if (this.externalAuth && !this.config.fetch) {
      devWarn(this, 'external-auth is set but no fetch adds Authorization: give the element (or provider) a fetch.');
    }
  }

  private get level(): number {
    return Math.min(4, Math.max(2, Math.trunc(this.headingLevel) || 2));
  }

  /** The session's API, rebuilt when the backend or transport change (the token stays the same). */
  private get inbox(): InboxApi {
    const key = [this.api, this.token];
    if (!this.session || !this.sessionKey?.every((value, index) => value === key[index])) {
      this.session = new InboxApi(this.api, this.token);
      this.sessionKey = key;
    }
    return this.session;
  }

  // ---------------------------------------------------------------- session

  private async signIn(login: string, password: string): Promise<void> {
    if (this.signInBusy) return;
    if (!login || !password) {
      this.showNotice({ key: 'inbox.signIn.missing' });
      return;
    }
    this.signInBusy = true;
    const result = await InboxApi.signIn(this.api, login, password, this.abort.signal);
    this.signInBusy = false;
    if (!result.ok) {
      const error = result.error;
      if (error.kind === 'http' && error.status === 429) {
        const seconds = Math.max(1, Math.ceil(error.retryAfterSeconds ?? 60));
        this.showNotice(waitMessage(this.i18n.locale, seconds));
        return;
      }
      const wrong = result.error.kind === 'http' && result.error.status === 401;
      // 400 too: a malformed name is "wrong details", never a hint about which part was wrong.
      const badInput = result.error.kind === 'http' && result.error.status === 400;
      this.showNotice(wrong || badInput ? { key: 'inbox.signIn.wrong' } : errorMessage(result.error, this.i18n.locale));
      return;
    }
    const passwordField = this.renderRoot.querySelector<HTMLInputElement>('#password');
    if (passwordField) passwordField.value = '';
    this.startSession(result.data.token, result.data.supporter, result.data.expiresAt);
  }

  private startSession(token: string | undefined, profile: SupporterProfile | undefined, expiresAt?: string): void {
    this.token = token;
    this.expiresAt = expiresAt;
    this.profile = profile;
    this.signedIn = true;
    this.notice = undefined;
    this.claimRefused = false;
    clearTimeout(this.expiryTimer);
    const left = expiresAt ? Date.parse(expiresAt) - Date.now() : NaN;
    if (left > 0 && left < MAX_TIMER_MS) this.expiryTimer = setTimeout(() => this.expire(), left);
    // The queue is asked for first; a page-signed session asks who it is at the same time.
    void this.loadQueue().then(() => this.focusSoon('#queue-heading'));
    if (profile) this.welcome(profile);
    else void this.loadProfile();
  }

  /** Says who is signed in, and tells the page (no name or login in the event). */
  private welcome(profile: SupporterProfile | undefined): void {
    if (profile) {
      const key = isSupervisor(profile) ? 'inbox.signedInSupervisor' : 'inbox.signedIn';
      this.announcer.announce(this.i18n.t(key, { name: profile.displayName }));
    }
    emit(this, 'peer-inbox-signed-in', {
      supervisor: isSupervisor(profile),
      trainingCurrent: profile ? trainingState(profile) === 'current' : null,
    });
  }

  /**
   * Who the page signed in (external-auth): their training decides whether Claim is offered, their roles whether
   * supervisor features show. A backend without this operation, or a failure, leaves both unknown: Claim is offered
   * and the server's refusal (403) is explained.
   */
  private async loadProfile(): Promise<void> {
    const signal = this.abort.signal;
    this.profileLoading = true;
    const result = await this.inbox.profile(signal);
    if (signal.aborted) return;
    this.profileLoading = false;
    if (this.expiredBy(result)) return;
    if (result.ok) {
      this.profile = result.data;
      // The first queue was asked for without the requests with the on-call professional, which supervisors see.
      if (isSupervisor(result.data)) void this.loadQueue();
    }
    this.welcome(this.profile);
  }

  /** The session ended on the server (401) or by its time: back to sign-in, keeping what was typed. */
  private expire(): void {
    if (!this.signedIn) return;
    this.endSession();
    this.externalEnded = this.externalAuth;
    this.showNotice({ key: this.externalAuth ? 'inbox.signIn.externalExpired' : 'inbox.signIn.expired' });
    emit(this, 'peer-inbox-signed-out', { reason: 'expired' });
  }

  private signOut(): void {
    // Asked before anything else, so the request is on its way even if the page removes the element on the event.
    // Not tied to the element's abort: the session must end even when the page takes the inbox away at once.
    const ending = this.token ? this.inbox.signOut(AbortSignal.timeout(SIGN_OUT_LIMIT_MS)) : undefined;
    const expiresAt = this.expiresAt;
    this.endSession();
    // A shared computer: nothing the supporter saw or typed stays in the page.
    this.items = [];
    this.nextCursor = null;
    this.notes = new Map();
    this.messages = new Map();
    this.openId = undefined;
    this.form = undefined;
    this.drafts.clear();
    this.heldHere.clear();
    this.profile = undefined;
    this.showNotice({ key: 'inbox.signedOut' }, '#login');
    emit(this, 'peer-inbox-signed-out', { reason: 'signed-out' });
    if (ending) void this.confirmSignOut(ending, expiresAt);
  }

  /**
   * 204, or 401 (the session had already ended): the token is dead. Anything else (no answer in time, no network, a
   * server error, a backend without the operation) means it may still work until it expires: the supporter is told,
   * unless they have signed in again meanwhile. Focus stays where it is (they may be typing already).
   */
  private async confirmSignOut(ending: Promise<ApiResult<undefined>>, expiresAt: string | undefined): Promise<void> {
    const result = await ending;
    if (result.ok || (result.error.kind === 'http' && result.error.status === 401)) return;
    if (this.signedIn || this.notice?.key !== 'inbox.signedOut') return;
    const expiry = expiresAt ? new Date(expiresAt) : undefined;
    const message: Message =
      expiry && !Number.isNaN(expiry.getTime())
        ? { key: 'inbox.signOut.unconfirmed', values: { time: this.expiryText(expiry) } }
        : { key: 'inbox.signOut.unconfirmedNoTime' };
    this.notice = message;
    this.announcer.announce(this.i18n.t(message.key, message.values));
  }

  /** A time today ("3:30 PM"), or with its date when the session would last past today. */
  private expiryText(expiry: Date): string {
    const today = new Date().toDateString() === expiry.toDateString();
    return this.i18n.dateTime(expiry, today ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' });
  }

  private endSession(): void {
    this.abort.abort();
    this.abort = new AbortController();
    clearTimeout(this.expiryTimer);
    this.token = undefined;
    this.expiresAt = undefined;
    this.session = undefined;
    this.signedIn = false;
    this.profileLoading = false;
    this.busy = new Map();
  }

  private showNotice(message: Message, focus = '#sign-in-message'): void {
    this.notice = message;
    this.announcer.announce(this.i18n.t(message.key, message.values));
    this.focusSoon(focus);
  }

  /** True (and the session ended) when the server says the session is no longer valid. */
  private expiredBy(result: ApiResult<unknown>): boolean {
    if (result.ok || result.error.kind !== 'http' || result.error.status !== 401) return false;
    this.expire();
    return true;
  }

  private async focusSoon(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  // ---------------------------------------------------------------- queue

  private async loadQueue(more = false): Promise<void> {
    const signal = this.abort.signal;
    const load = more ? this.queueLoads : ++this.queueLoads;
    if (more) this.moreLoad = { status: 'loading' };
    else this.queueLoad = { status: 'loading' };
    const result = await this.inbox.queue(
      {
        ...(more && this.nextCursor ? { cursor: this.nextCursor } : {}),
        ...(isSupervisor(this.profile) ? { statuses: SUPERVISOR_STATES } : {}),
      },
      signal,
    );
    if (signal.aborted) return;
    if (load !== this.queueLoads) {
      // A newer full load (a refresh, or a supervisor's profile arriving) has the say.
      if (more) this.moreLoad = { status: 'idle' };
      return;
    }
    if (this.expiredBy(result)) return;
    if (!result.ok) {
      if (more) this.moreLoad = { status: 'error', error: result.error };
      else this.queueLoad = { status: 'error', error: result.error };
      this.announcer.announce(`${this.i18n.t('inbox.queue.error')} ${this.errorText(result.error)}`);
      return;
    }
    const incoming = result.data.items;
    if (more) {
      const known = new Set(this.items.map((item) => item.requestId));
      this.items = [...this.items, ...incoming.filter((item) => !known.has(item.requestId))];
      this.moreLoad = { status: 'idle' };
    } else {
      // Requests acted on here stay in view (closed, escalated) until the next refresh replaces the list.
      this.items = incoming;
      this.queueLoad = { status: 'idle' };
    }
    this.nextCursor = result.data.nextCursor;
    const open = this.openId;
    if (open && this.items.some((item) => item.requestId === open) && this.mayRead(this.find(open)!)) {
      void this.loadNotes(open);
    }
  }

  /** Escalated first (they need a supervisor now), then the server's order: when due, oldest first. */
  private get ordered(): SupporterRequest[] {
    const escalated = this.items.filter((item) => item.status === 'escalated-to-professional');
    return [...escalated, ...this.items.filter((item) => item.status !== 'escalated-to-professional')];
  }

  private find(id: string): SupporterRequest | undefined {
    return this.items.find((item) => item.requestId === id);
  }

  private replace(request: SupporterRequest): void {
    this.items = this.items.map((item) => (item.requestId === request.requestId ? request : item));
  }

  private mayRead(request: SupporterRequest): boolean {
    return mayReadPrivate(request, this.profile, this.heldHere);
  }

  private isMine(request: SupporterRequest): boolean {
    const holder = request.claimedBy?.id;
    return !!holder && (this.profile ? holder === this.profile.id : this.heldHere.has(request.requestId));
  }

  private get mayClaim(): boolean {
    const training = trainingState(this.profile);
    return !this.claimRefused && !this.profileLoading && (training === 'current' || training === 'unknown');
  }

  private toggle(id: string): void {
    const opening = this.openId !== id;
    this.openId = opening ? id : undefined;
    this.form = undefined;
    const request = this.find(id);
    if (opening && request && this.mayRead(request)) void this.loadNotes(id);
  }

  // ---------------------------------------------------------------- actions

  private setBusy(id: string, action: Busy | undefined): void {
    const busy = new Map(this.busy);
    if (action) busy.set(id, action);
    else busy.delete(id);
    this.busy = busy;
  }

  private say(id: string, message: Message | undefined, focus = true): void {
    const messages = new Map(this.messages);
    if (message) messages.set(id, message);
    else messages.delete(id);
    this.messages = messages;
    if (!message) return;
    this.announcer.announce(this.words(message));
    if (focus) void this.focusSoon(`[id="message-${id}"]`);
  }

  private words(message: Message): string {
    const text = this.i18n.t(message.key, message.values);
    return message.then ? `${text} ${this.words(message.then)}` : text;
  }

  /** Runs one action on a request: busy while it runs, 401 back to sign-in, refusals in words. */
  private async act<T>(
    id: string,
    action: Busy,
    run: (signal: AbortSignal) => Promise<ApiResult<T>>,
    done: (data: T) => void,
  ): Promise<void> {
    if (this.busy.has(id)) return;
    const signal = this.abort.signal;
    this.setBusy(id, action);
    this.say(id, undefined);
    const result = await run(signal);
    if (signal.aborted) return;
    this.setBusy(id, undefined);
    if (this.expiredBy(result)) return;
    if (result.ok) {
      done(result.data);
      return;
    }
    const status = result.error.kind === 'http' ? result.error.status : 0;
    const keyReused = status === 422 && (action === 'note' || action === 'escalate');
    // The key was used with another session (a sign-in again after an answer that never arrived): a new key next time.
    if (keyReused) this.drafts.get(id)[action === 'note' ? 'noteKey' : 'escalateKey'] = undefined;
    // Either that, or no answer or a server error (see `mayHaveArrived`): the claim, note, alert or close may have
    // been saved. Never a blind "try again": the notes and list as they are now, so the supporter can see.
    if (keyReused || (status !== 409 && mayHaveArrived(result.error))) {
      // A 429 that names its wait says it: "before trying again" alone would meet the same limit at once.
      this.say(id, { key: 'inbox.maybeSaved', then: rateLimitWait(result.error, this.i18n.locale) });
      void this.loadQueue();
      return;
    }
    this.say(id, this.refusal(result.error, action));
    if (status === 409 || status === 404) void this.loadQueue();
  }

  private refusal(error: ApiError, action: Busy): Message {
    if (error.kind === 'http') {
      if (error.status === 403 && action === 'claim') {
        this.claimRefused = true;
        return { key: 'inbox.training.refused' };
      }
      if (error.status === 403) return { key: 'inbox.notAllowed' };
      if (error.status === 409) return { key: 'inbox.conflict' };
      if (error.status === 404) return { key: 'inbox.gone' };
    }
    const detail = errorMessage(error, this.i18n.locale);
    return detail;
  }

  private claim(id: string): Promise<void> {
    return this.act(
      id,
      'claim',
      (signal) => this.inbox.claim(id, signal),
      (request) => {
        this.heldHere.add(id);
        this.replace(request);
        this.say(id, { key: 'inbox.claimed' });
        emit(this, 'peer-inbox-claimed', { requestId: id });
        void this.loadNotes(id);
      },
    );
  }

  private contacted(id: string): Promise<void> {
    return this.act(
      id,
      'contacted',
      (signal) => this.inbox.contacted(id, signal),
      (request) => {
        this.replace(request);
        this.say(id, { key: 'inbox.contactedDone' });
        emit(this, 'peer-inbox-contacted', { requestId: id });
      },
    );
  }

  /** Back to the queue (end of a shift, say): the student keeps their place at the front. */
  private handBack(id: string): Promise<void> {
    return this.act(
      id,
      'hand-back',
      (signal) => this.inbox.handBack(id, signal),
      (request) => {
        this.heldHere.delete(id);
        this.replace(request);
        this.say(id, { key: 'inbox.handedBack' });
        emit(this, 'peer-inbox-handed-back', { requestId: id });
      },
    );
  }

  private async loadNotes(id: string): Promise<void> {
    const signal = this.abort.signal;
    this.notes = new Map(this.notes).set(id, { status: 'loading' });
    const result = await this.inbox.notes(id, signal);
    if (signal.aborted || this.expiredBy(result)) return;
    this.notes = new Map(this.notes).set(
      id,
      result.ok ? { status: 'ready', items: result.data.items } : { status: 'error' },
    );
  }

  private addNote(id: string): Promise<void> {
    const draft = this.drafts.get(id);
    const text = draft.noteText.trim();
    if (!text) {
      this.say(id, { key: 'inbox.notes.empty' }, false);
      void this.focusSoon(`[id="note-text-${id}"]`);
      return Promise.resolve();
    }
    const kind = draft.noteKind;
    const key = this.drafts.key(id, 'noteKey');
    return this.act(
      id,
      'note',
      (signal) => this.inbox.addNote(id, kind, text, key, signal),
      (note) => {
        draft.noteText = '';
        draft.noteKey = undefined;
        const current = this.notes.get(id);
        const items = current?.status === 'ready' ? current.items : [];
        this.notes = new Map(this.notes).set(id, { status: 'ready', items: [...items, note] });
        const request = this.find(id);
        if (request) this.replace({ ...request, noteCount: (request.noteCount ?? items.length) + 1 });
        this.say(id, { key: 'inbox.notes.saved' });
        emit(this, 'peer-inbox-note-added', { requestId: id, kind });
      },
    );
  }

  private escalate(id: string): Promise<void> {
    const draft = this.drafts.get(id);
    const reason = draft.escalateReason;
    const key = this.drafts.key(id, 'escalateKey');
    return this.act(
      id,
      'escalate',
      (signal) => this.inbox.escalate(id, reason, draft.escalateNote.trim(), key, signal),
      (request) => {
        draft.escalateNote = '';
        draft.escalateKey = undefined;
        this.form = undefined;
        this.replace(request);
        this.say(id, { key: 'inbox.escalate.done' });
        emit(this, 'peer-inbox-escalated', { requestId: id, reason });
        if (this.mayRead(request)) void this.loadNotes(id);
      },
    );
  }

  private close(id: string): Promise<void> {
    const draft = this.drafts.get(id);
    const outcome = draft.closeOutcome;
    if (!outcome) {
      this.say(id, { key: 'inbox.close.choose' }, false);
      void this.focusSoon(`[id="close-first-${id}"]`);
      return Promise.resolve();
    }
    return this.act(
      id,
      'close',
      (signal) => this.inbox.close(id, outcome, draft.closeNote.trim(), signal),
      (request) => {
        this.form = undefined;
        this.drafts.forget(id);
        this.replace(request);
        this.say(id, { key: 'inbox.close.done' });
        emit(this, 'peer-inbox-closed', { requestId: id, outcome });
      },
    );
  }

  private openForm(form: Form | undefined, id: string): void {
    this.form = form;
    void this.focusSoon(form ? `[id="${form}-first-${id}"]` : `[id="work-${id}"] [part~="${'actions'}"] button`);
  }

  // ---------------------------------------------------------------- render

  private errorText(error: ApiError): string {
    const { key, values } = errorMessage(error, this.i18n.locale);
    return this.i18n.t(key, values);
  }

  protected override render() {
    return html`<section class="panel" part="panel" lang=${this.i18n.lang} dir=${this.i18n.dir}>
      <div class="top">
        <div role="heading" aria-level=${this.level} class="heading" part="heading">
          ${this.i18n.t('inbox.heading')}
        </div>
        <peer-help-link part="help-link"></peer-help-link>
      </div>
      <p>${this.i18n.t('inbox.intro')}</p>
      ${this.signedIn ? this.renderSignedIn() : this.renderSignedOut()} ${this.announcer.region()}
    </section>`;
  }

  private renderSignedOut() {
    if (this.externalAuth) {
      return this.notice
        ? html`<p part="notice" id="sign-in-message" tabindex="-1">${this.i18n.t(this.notice.key)}</p>`
        : nothing;
    }
    return signInForm(this.i18n, this.level + 1, {
      busy: this.signInBusy,
      ...(this.notice ? { message: this.notice } : {}),
      onSubmit: (login, password) => void this.signIn(login, password),
    });
  }

  private renderSignedIn() {
    const profile = this.profile;
    return html`${
      profile || !this.externalAuth
        ? html`<div class="bar" part="account">
            ${
              profile
                ? html`<span
                    >${this.i18n.parts(isSupervisor(profile) ? 'inbox.signedInSupervisor' : 'inbox.signedIn', {
                      name: html`<bdi>${profile.displayName}</bdi>`,
                    })}</span
                  >`
                : nothing
            }
            ${
              this.externalAuth
                ? nothing
                : html`<button class="button secondary" part="sign-out" type="button" @click=${() => this.signOut()}>
                    ${this.i18n.t('inbox.signOut')}
                  </button>`
            }
          </div>`
        : nothing
    }
    ${this.renderTraining()} ${this.renderQueue()}`;
  }

  private renderTraining() {
    const training = trainingState(this.profile);
    if (training === 'current' || training === 'unknown') return nothing;
    const expiresOn = this.profile?.training?.expiresOn;
    const date = expiresOn
      ? this.i18n.dateTime(new Date(`${expiresOn}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' })
      : '';
    return html`<p part="training" id="training">
      ${
        training === 'expired'
          ? this.i18n.parts('inbox.training.expired', { date: html`<bdi>${date}</bdi>` })
          : this.i18n.t('inbox.training.missing')
      }
    </p>`;
  }

  private renderQueue() {
    const load = this.queueLoad;
    const items = this.ordered;
    const count = items.length;
    return html`<section
      part="queue"
      aria-labelledby="queue-heading"
      aria-busy=${load.status === 'loading' ? 'true' : 'false'}
    >
      <div class="bar">
        <div role="heading" aria-level=${this.level + 1} id="queue-heading" part="queue-heading" tabindex="-1">
          ${this.i18n.t('inbox.queue.heading')}
        </div>
        <button class="button secondary" part="refresh" type="button" @click=${() => this.refresh()}>
          ${this.i18n.t('inbox.queue.refresh')}
        </button>
      </div>
      <p class="hint">
        ${this.i18n.t(isSupervisor(this.profile) ? 'inbox.queue.orderSupervisor' : 'inbox.queue.order')}
      </p>
      ${load.status === 'loading' && !count ? html`<p>${this.i18n.t('inbox.queue.loading')}</p>` : nothing}
      ${load.status === 'error' ? this.renderProblem(load.error, () => void this.loadQueue()) : nothing}
      ${load.status === 'idle' && !count ? html`<p part="count">${this.i18n.t('inbox.queue.empty')}</p>` : nothing}
      ${
        count
          ? html`<p part="count">
                ${
                  count === 1
                    ? this.i18n.t('inbox.queue.countOne')
                    : this.i18n.parts('inbox.queue.count', { count: html`<bdi>${this.i18n.number(count)}</bdi>` })
                }
              </p>
              <ul class="requests" part="requests" role="list">
                ${repeat(
                  items,
                  (request) => request.requestId,
                  (request) => this.renderRequest(request),
                )}
              </ul>`
          : nothing
      }
      ${this.renderMore()}
    </section>`;
  }

  private async refresh(): Promise<void> {
    await this.loadQueue();
    if (this.queueLoad.status === 'idle' && this.signedIn)
      this.announcer.announce(this.i18n.t('inbox.queue.refreshed'));
  }

  private renderMore() {
    if (this.nextCursor === null) return nothing;
    const load = this.moreLoad;
    return html`${load.status === 'error' ? this.renderProblem(load.error, () => void this.loadQueue(true)) : nothing}
      <button
        class="button secondary"
        part="more"
        type="button"
        aria-disabled=${load.status === 'loading' ? 'true' : 'false'}
        @click=${() => load.status !== 'loading' && void this.loadQueue(true)}
      >
        ${this.i18n.t('inbox.queue.more')}
      </button>`;
  }

  private renderProblem(error: ApiError, retry: () => void) {
    return html`<div part="problem">
      <p>${this.i18n.t('inbox.queue.error')} ${this.errorText(error)}</p>
      <button class="button" part="retry" type="button" @click=${retry}>${this.i18n.t('action.retry')}</button>
    </div>`;
  }

  private renderRequest(request: SupporterRequest): TemplateResult {
    const id = request.requestId;
    const open = this.openId === id;
    const level = this.level + 2;
    // No whitespace between the topic and the hidden span: it would read "About stress , Request pr_1".
    return html`<li part="request" data-status=${request.status} data-request=${id}>
      <div role="heading" aria-level=${level} part="request-heading" id="title-${id}">
        ${this.i18n.t('inbox.request.about', { topic: codeWords(this.i18n, 'topic.', request.topic) })}<span
          class="visually-hidden"
          >, ${this.i18n.t('inbox.request.label', { id })}</span
        >
      </div>
      ${requestFacts(this.i18n, request, this.profile)}
      ${
        request.escalation
          ? html`<p>
              ${this.i18n.t('inbox.request.escalated', { reason: codeWords(this.i18n, 'inbox.reason.', request.escalation.reason) })}
            </p>`
          : nothing
      }
      <button
        class="button secondary"
        part="toggle"
        type="button"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="work-${id}"
        @click=${() => this.toggle(id)}
      >
        ${this.i18n.t(open ? 'inbox.action.hide' : 'inbox.action.open')}
        <span class="visually-hidden"
          >${this.i18n.t('inbox.request.about', { topic: codeWords(this.i18n, 'topic.', request.topic) })}</span
        >
      </button>
      ${open ? this.renderWork(request, level + 1) : nothing}
    </li>`;
  }

  private renderWork(request: SupporterRequest, level: number) {
    const id = request.requestId;
    const message = this.messages.get(id);
    const readable = this.mayRead(request);
    return html`<div part="work" id="work-${id}">
      <div>
        ${message ? html`<p part="message" id="message-${id}" tabindex="-1">${this.words(message)}</p>` : nothing}
        ${this.renderActions(request)} ${this.form === 'escalate' ? this.renderEscalateForm(request, level) : nothing}
        ${this.form === 'close' ? this.renderCloseForm(request, level) : nothing}
        ${readable ? privateDetails(this.i18n, request, level) : nothing}
        ${readable ? this.renderNotes(request, level) : nothing}
      </div>
      ${referralGuide(this.i18n, level)}
    </div>`;
  }

  private renderActions(request: SupporterRequest) {
    const id = request.requestId;
    const busy = this.busy.get(id);
    const mine = this.isMine(request);
    const supervisor = isSupervisor(this.profile);
    const open = OPEN.includes(request.status);
    const escalated = request.status === 'escalated-to-professional';
    const involved = mine || (this.profile && request.escalation?.createdBy.id === this.profile.id);
    const canClose =
      ((request.status === 'claimed' || request.status === 'in-progress') && (mine || supervisor)) ||
      (escalated && (supervisor || involved));
    const button = (part: Busy, label: MessageKey, onClick: () => void, primary = true) =>
      html`<button
        class="button ${primary ? '' : 'secondary'}"
        part=${part}
        type="button"
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => !busy && onClick()}
      >
        ${busy === part ? this.i18n.t('inbox.action.working') : this.i18n.t(label)}
      </button>`;
    return html`<div class="actions" part="actions">
      ${request.status === 'queued' && this.mayClaim ? button('claim', 'inbox.action.claim', () => void this.claim(id)) : nothing}
      ${
        request.status === 'claimed' && mine
          ? button('contacted', 'inbox.action.contacted', () => void this.contacted(id))
          : nothing
      }
      ${
        (request.status === 'claimed' || request.status === 'in-progress') && (mine || supervisor)
          ? button('hand-back', 'inbox.action.handBack', () => void this.handBack(id), false)
          : nothing
      }
      ${
        open
          ? button(
              'escalate',
              'inbox.action.escalate',
              () => this.openForm(this.form === 'escalate' ? undefined : 'escalate', id),
              false,
            )
          : nothing
      }
      ${
        canClose
          ? button(
              'close',
              'inbox.action.close',
              () => this.openForm(this.form === 'close' ? undefined : 'close', id),
              false,
            )
          : nothing
      }
    </div>`;
  }

  private renderNotes(request: SupporterRequest, level: number) {
    const id = request.requestId;
    const state = this.notes.get(id);
    const draft = this.drafts.get(id);
    const busy = this.busy.get(id) === 'note';
    return html`<section part="notes-section" aria-labelledby="notes-${id}">
      <div role="heading" aria-level=${level} id="notes-${id}">${this.i18n.t('inbox.notes.heading')}</div>
      <p class="hint">${this.i18n.t('inbox.notes.private')}</p>
      ${!state || state.status === 'loading' ? html`<p>${this.i18n.t('inbox.notes.loading')}</p>` : nothing}
      ${state?.status === 'error' ? html`<p>${this.i18n.t('inbox.notes.error')}</p>` : nothing}
      ${state?.status === 'ready' && !state.items.length ? html`<p>${this.i18n.t('inbox.notes.none')}</p>` : nothing}
      ${
        state?.status === 'ready' && state.items.length
          ? html`<ul part="notes">
              ${state.items.map((note) => noteItem(this.i18n, note))}
            </ul>`
          : nothing
      }
      <form
        part="note-form"
        novalidate
        @submit=${(event: Event) => {
          event.preventDefault();
          void this.addNote(id);
        }}
      >
        <div class="field">
          <label for="note-kind-${id}">${this.i18n.t('inbox.notes.kindLabel')}</label>
          <select
            part="note-kind"
            id="note-kind-${id}"
            @change=${(event: Event) => (draft.noteKind = (event.target as HTMLSelectElement).value as NoteKind)}
          >
            ${NOTE_KINDS.map(
              (kind) =>
                html`<option value=${kind} ?selected=${draft.noteKind === kind}>
                  ${this.i18n.t(`inbox.notes.kind.${kind}`)}
                </option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="note-text-${id}">${this.i18n.t('inbox.notes.text')}</label>
          <textarea
            part="note-text-field"
            id="note-text-${id}"
            rows="3"
            maxlength="2000"
            aria-describedby="note-hint-${id}"
            .value=${live(draft.noteText)}
            @input=${(event: Event) => (draft.noteText = (event.target as HTMLTextAreaElement).value)}
          ></textarea>
          <span class="hint" id="note-hint-${id}">${this.i18n.t('inbox.notes.hint')}</span>
        </div>
        <div class="actions">
          <button class="button" part="note-save" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
            ${this.i18n.t(busy ? 'inbox.action.working' : 'inbox.notes.save')}
          </button>
        </div>
      </form>
    </section>`;
  }

  private renderEscalateForm(request: SupporterRequest, level: number) {
    const id = request.requestId;
    const draft = this.drafts.get(id);
    return html`<form
      part="escalate-form"
      novalidate
      aria-labelledby="escalate-heading-${id}"
      @submit=${(event: Event) => {
        event.preventDefault();
        void this.escalate(id);
      }}
    >
      <div role="heading" aria-level=${level} id="escalate-heading-${id}">${this.i18n.t('inbox.escalate.heading')}</div>
      <p>${this.i18n.t('inbox.escalate.intro')}</p>
      <div class="field">
        <label for="escalate-first-${id}">${this.i18n.t('inbox.escalate.reason')}</label>
        <select
          id="escalate-first-${id}"
          part="escalate-reason"
          @change=${(event: Event) =>
            (draft.escalateReason = (event.target as HTMLSelectElement).value as EscalationReason)}
        >
          ${ESCALATION_REASONS.map(
            (reason) =>
              html`<option value=${reason} ?selected=${draft.escalateReason === reason}>
                ${this.i18n.t(`inbox.reason.${reason}`)}
              </option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="escalate-note-${id}">${this.i18n.t('inbox.escalate.note')}</label>
        <textarea
          id="escalate-note-${id}"
          part="escalate-note"
          rows="3"
          maxlength="1000"
          .value=${live(draft.escalateNote)}
          @input=${(event: Event) => (draft.escalateNote = (event.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <div class="actions">
        <button class="button" part="escalate-submit" type="submit">${this.i18n.t('inbox.escalate.submit')}</button>
        <button
          class="button secondary"
          part="escalate-cancel"
          type="button"
          @click=${() => this.openForm(undefined, id)}
        >
          ${this.i18n.t('inbox.action.cancel')}
        </button>
      </div>
    </form>`;
  }

  private renderCloseForm(request: SupporterRequest, level: number) {
    const id = request.requestId;
    const draft = this.drafts.get(id);
    return html`<form
      part="close-form"
      novalidate
      aria-labelledby="close-heading-${id}"
      @submit=${(event: Event) => {
        event.preventDefault();
        void this.close(id);
      }}
    >
      <div role="heading" aria-level=${level} id="close-heading-${id}">${this.i18n.t('inbox.close.heading')}</div>
      <div class="field">
        <label for="close-first-${id}">${this.i18n.t('inbox.close.outcome')}</label>
        <select
          id="close-first-${id}"
          part="close-outcome"
          @change=${(event: Event) => (draft.closeOutcome = (event.target as HTMLSelectElement).value as CloseOutcome)}
        >
          <option value="" ?selected=${!draft.closeOutcome}>${this.i18n.t('inbox.outcome.choose')}</option>
          ${CLOSE_OUTCOMES.map(
            (outcome) =>
              html`<option value=${outcome} ?selected=${draft.closeOutcome === outcome}>
                ${this.i18n.t(`inbox.outcome.${outcome}`)}
              </option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="close-note-${id}">${this.i18n.t('inbox.close.note')}</label>
        <textarea
          id="close-note-${id}"
          part="close-note"
          rows="2"
          maxlength="1000"
          .value=${live(draft.closeNote)}
          @input=${(event: Event) => (draft.closeNote = (event.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <div class="actions">
        <button class="button" part="close-submit" type="submit">${this.i18n.t('inbox.close.submit')}</button>
        <button class="button secondary" part="close-cancel" type="button" @click=${() => this.openForm(undefined, id)}>
          ${this.i18n.t('inbox.action.cancel')}
        </button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'peer-supporter-inbox': PeerSupporterInbox;
  }
}
