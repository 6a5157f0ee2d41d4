/* eslint-disable lit-a11y/no-redundant-role -- role="list" is deliberate: Safari drops list semantics from lists styled with list-style: none. */
import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import type { ApiResult } from '../../core/api/api-client.js';
import type { ApiError } from '../../core/api/errors.js';
import { AnnouncerController } from '../../core/announcer.js';
import { peerConfigContext } from '../../core/config.js';
import { emit } from '../../core/emit.js';
import { errorMessage } from '../../core/error-message.js';
import { registerSupportTopicStrings } from '../../core/i18n/support-topics.js';
import { PeerWidgetElement } from '../../core/peer-widget-element.js';
import { RequestController } from '../../core/request/request-controller.js';
import { safeHref } from '../../core/safe-url.js';
import { isKnownTimeZone } from '../../core/hours/zoned-time.js';
import './group-events.js';
import { registerGroupFinderStrings } from './i18n/index.js';
import { parseCancelCode, type CancelCode } from './logic/cancel-code.js';
import { cancelRegistration } from './logic/cancel-request.js';
import {
  canonicalList,
  cleanQuery,
  emptyFilters,
  filtersFromAttributes,
  filtersToQuery,
  sameFilters,
  type GroupFilters,
  type ListFilter,
} from './logic/filters.js';
import {
  groupCheck,
  groupPageCheck,
  registrationCheck,
  type Group,
  type GroupLocation,
  type GroupPage,
  type GroupSummary,
  type Registration,
} from './logic/group-data.js';
import { discreetTitleFor, downloadGroupCalendar, locationWords } from './logic/group-calendar.js';
import { pluralKey } from '../../core/i18n/plural.js';
import { IdempotentSender, type SendState } from '../../core/request/idempotent-sender.js';
import { browserTimeZone } from './logic/time-format.js';
import { UrlSync } from './logic/url-sync.js';
import { LANGUAGE_TAG } from './logic/vocabulary.js';
import { groupFinderStyles } from './peer-group-finder.styles.js';
import { calendarForm } from './templates/calendar-templates.js';
import { groupCard, type CardContext } from './templates/card-templates.js';
import { groupDetails } from './templates/details-templates.js';
import { filterForm } from './templates/filter-templates.js';
import {
  emptyJoinForm,
  joinBody,
  joinFailure,
  joinForm,
  validateJoin,
  type JoinForm,
} from './templates/join-templates.js';
import { httpsHref } from './templates/location-templates.js';
import { cancelFailure, outcomeView, type CancelState, type Outcome } from './templates/outcome-templates.js';

// Called, not imported for effect: bundlers drop side-effect-only imports of modules marked free of side effects.
registerGroupFinderStrings();
registerSupportTopicStrings();

/** The version of the built-in consent wording for joining; sent with a registration that carries an email or needs. */
export const GROUP_CONSENT_VERSION = 'group-registration-2026-12-01';

/** Groups per request: the contract's default page. "Show more" asks for the next page. */
export const PAGE_SIZE = 20;

/** How long typing must pause before the search runs, in milliseconds. */
export const TYPING_DEBOUNCE_MS = 300;

const PLACEHOLDER_CARDS = 3;
const IDLE = { status: 'idle' } as const;

type MoreState = { status: 'idle' } | { status: 'loading' } | { status: 'failed'; error: ApiError };
type CodeCancel = { text: string; invalid: boolean; state: CancelState };

/**
 * @tag peer-group-finder
 * @summary Find a peer support group by topic, time, format, accessibility and language; read what to expect; join
 * without an account; add the sessions to a calendar discreetly.
 *
 * @description Searches `GET /groups` as the student types (debounced, never blocking the input; a newer search
 * aborts the older) and as they tick filters, announcing the number of results once per settled change. Results
 * come a page at a time; "Show more" moves focus to the first new group. A group's details open in a dialog with
 * its agreements, privacy ("attendance is not recorded"), first session, full schedule in the student's own time
 * zone, location and accessibility. Joining (`POST /groups/{id}/registrations`) needs no account: a name, an email
 * for reminders and access needs are all optional, and consent is asked only when an email or needs are given. A
 * sensitive group's location is shown only after joining with a place. Nothing the student types is stored in the
 * browser. Attributes preset filters; with `sync-url`, the filters live in the page's URL (the check-in's "find a
 * group" link can route here) and Back and Forward restore them.
 *
 * @csspart panel - The whole finder.
 * @csspart heading - The heading.
 * @csspart help-link - The "Need help now?" link, in the same place in every widget.
 * @csspart intro - The sentence under the heading.
 * @csspart search - The search landmark (search box and filters).
 * @csspart search-input - The search box.
 * @csspart search-button - Its "Search" button.
 * @csspart filters - The filters.
 * @csspart filter - One disclosure of filters (topic, who it is for, when, format, accessibility).
 * @csspart filter-summary - Its summary, with how many choices it holds.
 * @csspart choice - One filter value (a label around a checkbox or radio button).
 * @csspart language - The language select.
 * @csspart clear - "Clear filters".
 * @csspart status - The visible result count or loading line.
 * @csspart results-region - The area of the results, which keeps its room while loading.
 * @csspart results - The list of groups.
 * @csspart placeholder - A placeholder card while the first results load.
 * @csspart card - One group.
 * @csspart card-name - Its name (a heading).
 * @csspart card-summary - Its short description.
 * @csspart card-schedule - When it meets, in the student's time zone.
 * @csspart card-next - The next session, naming its day.
 * @csspart card-cancelled - A cancelled session before the next one.
 * @csspart card-format - In person, online or hybrid.
 * @csspart card-location - Where, or "Location given when you join".
 * @csspart card-facilitator - Who leads it.
 * @csspart card-languages - Its languages.
 * @csspart card-audience - Who it is for.
 * @csspart card-availability - Drop-in, spots left, waitlist or closed.
 * @csspart card-topics - Its topics; each is a `card-topics-item`.
 * @csspart card-topics-item - One topic.
 * @csspart card-accessibility - Its accessibility features; each is a `card-accessibility-item`.
 * @csspart card-accessibility-item - One accessibility feature.
 * @csspart card-details - The "Details and joining" button.
 * @csspart more - "Show more groups".
 * @csspart more-status - Loading more, or why more could not be loaded.
 * @csspart empty - The empty state, with a way to talk to a peer.
 * @csspart peer-link - Its link to a peer supporter (with `peer-href`).
 * @csspart problem - The error state.
 * @csspart retry - Its "Try again".
 * @csspart dialog - The details dialog.
 * @csspart dialog-name - The group's name in the dialog.
 * @csspart close - The dialog's close button.
 * @csspart details-status - Loading the details, or why they could not be loaded.
 * @csspart detail - One section of the details; each also has a part of its own, below.
 * @csspart detail-about - What the group is about.
 * @csspart detail-first - What to expect at a first session.
 * @csspart detail-agreements - The group's agreements.
 * @csspart detail-privacy - Privacy: whether attendance is recorded.
 * @csspart detail-schedule - The full schedule, in the student's time zone.
 * @csspart detail-where - Format and location.
 * @csspart detail-accessibility - Accessibility features and notes.
 * @csspart attendance - Whether attendance is recorded.
 * @csspart sessions - The upcoming sessions.
 * @csspart your-time - "Times are shown in your time zone."
 * @csspart location - A location in full (venue, address, online access).
 * @csspart location-hidden - "Location given when you join".
 * @csspart venue - The venue and address.
 * @csspart directions - The link to directions.
 * @csspart join-online - The link to join online.
 * @csspart organiser - Who to ask about the group.
 * @csspart join - The join section.
 * @csspart join-form - Its form.
 * @csspart join-name - The name field.
 * @csspart join-email - The email field.
 * @csspart join-discreet-email - "Keep emails discreet", shown once an email is given (on by default).
 * @csspart join-needs - The access needs field.
 * @csspart consent - Who reads what, the limits of confidentiality and the consent checkbox.
 * @csspart field-error - A message under a field that needs attention.
 * @csspart error-summary - The message above the join button when a field needs attention.
 * @csspart join-submit - "Join this group" or "Join the waitlist".
 * @csspart join-status - Joining, or why it failed.
 * @csspart outcome - The answer: registered or waitlisted.
 * @csspart outcome-text - Its sentence, with the place on the waitlist.
 * @csspart recovered - Said when an earlier request had already gone through.
 * @csspart where - Where to go.
 * @csspart code - The cancel code section.
 * @csspart code-value - The cancel code.
 * @csspart copy - "Copy code".
 * @csspart copy-status - Copied, or select it yourself.
 * @csspart cancel - "Cancel my place" or "Leave the waitlist".
 * @csspart cancel-confirm - The question before cancelling.
 * @csspart cancel-no - "Keep my place".
 * @csspart cancel-yes - "Yes, cancel".
 * @csspart cancel-status - Why cancelling failed.
 * @csspart cancelled - "Your place is cancelled…".
 * @csspart calendar - "Add to your calendar".
 * @csspart calendar-discreet - The discreet title checkbox.
 * @csspart calendar-add - The download button.
 * @csspart calendar-status - Why the calendar file could not be made.
 * @csspart cancel-by-code - "Cancel a place with your code".
 * @csspart cancel-code-input - The code field.
 * @csspart live-region - The visually hidden live region.
 *
 * @cssproperty --peer-color-accent - Buttons, links and chosen filters.
 * @cssproperty --peer-color-surface - Background of the panel.
 * @cssproperty --peer-color-border - Borders of the panel, filters and cards.
 * @cssproperty --peer-radius - Corner radius.
 * @cssproperty --peer-space - Base spacing.
 * @cssproperty --peer-target-size - Minimum size of every control.
 *
 * @fires peer-group-search - A search settled. `detail`: `{ filters, text }`; the free text itself is left out.
 * @fires peer-group-register - Before a registration is sent; cancelable. `detail`: `{ groupId, registrationStatus }`.
 * @fires peer-group-registered - A registration was made. `detail`: `{ groupId, status }`; nothing personal.
 * @fires peer-crisis-contact - From the crisis help behind "Need help now?", when a student opens or copies a contact.
 */
export class PeerGroupFinder extends PeerWidgetElement {
  /** The tag name `define()` registers this class under when it is given none. */
  static readonly tagName = 'peer-group-finder';
  static override styles = [...PeerWidgetElement.styles, ...groupFinderStyles];

  /** The level of the heading (2–4), so it fits the page's outline; groups' names are one level deeper. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** Preset topics, space-separated contract codes: `topic="grief stress"`. */
  @property() topic?: string;
  /** Preset audiences, space-separated: `audience="international-students"`. */
  @property() audience?: string;
  /** Preset formats: `in-person`, `online`, `hybrid`. */
  @property() format?: string;
  /** Preset days: `mon` … `sun`. */
  @property() day?: string;
  /** Preset times of day: `morning`, `afternoon`, `evening`. */
  @property({ attribute: 'time-of-day' }) timeOfDay?: string;
  /** `true` for drop-in groups only, `false` for groups that need registration only. */
  @property({ attribute: 'drop-in' }) dropIn?: string;
  /** Preset facilitators: `trained-peer`, `lived-experience`, `clinician`. */
  @property() facilitator?: string;
  /** Preset accessibility features (every one must be offered): `step-free captions`. */
  @property() accessibility?: string;
  /** A preset language (BCP 47). */
  @property() language?: string;
  /** Preset search text. */
  @property() q?: string;

  /**
   * Keep the filters in the page's URL (`?topic=stress&topic=sleep`): read on load (the URL wins over the
   * attributes when it names any filter), written as they change (typing replaces the history entry, other changes
   * add one), and restored by Back and Forward. "Show more" adds no entry.
   */
  @property({ attribute: 'sync-url', type: Boolean }) syncUrl = false;

  /** An https page where the student can ask for a peer supporter, offered when no group matches. */
  @property({ attribute: 'peer-href' }) peerHref?: string;

  /** The version of the join consent wording; change it when you override the `groups.join.consent*` strings. */
  @property({ attribute: 'consent-version' }) consentVersion = GROUP_CONSENT_VERSION;

  /** The student's IANA time zone for times and days; the browser's when not set (a kiosk may set its campus's). */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  /** Languages offered in the language filter, space-separated BCP 47 tags; default: the page's language, en and es. */
  @property() languages?: string;

  @state() private filters: GroupFilters = emptyFilters();
  @state() private morePages: readonly GroupPage[] = [];
  @state() private more: MoreState = IDLE;
  @state() private openGroup?: GroupSummary;
  @state() private joinForms: ReadonlyMap<string, JoinForm> = new Map();
  @state() private outcomes: ReadonlyMap<string, Outcome> = new Map();
  /** Groups whose registration made here was cancelled here (the form shows again under the message). */
  @state() private cancelled: ReadonlySet<string> = new Set();
  @state() private calendarDiscreet = true;
  @state() private calendarProblem = false;
  @state() private codeCancel: CodeCancel = { text: '', invalid: false, state: IDLE };

  private readonly announcer = new AnnouncerController(this);
  /** Shares this element's configuration with the help link inside it. */
  private readonly innerConfig = new ContextProvider(this, { context: peerConfigContext, initialValue: {} });
  private readonly urlSync = new UrlSync(this, {
    enabled: () => this.syncUrl,
    onNavigate: (filters) => this.navigateTo(filters ?? this.attributeFilters()),
  });
  private readonly senders = new Map<string, IdempotentSender<Registration>>();
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private moreAbort?: AbortController;
  private opener?: HTMLElement;
  /** The filters the last `peer-group-search` was fired for. */
  private searched?: GroupFilters;

  private readonly groups = new RequestController(this, {
    args: () => [this.config.apiBase, this.api, this.filters] as const,
    request: async ([apiBase, api, filters], signal) => {
      if (!apiBase) return undefined;
      const result = await api.get('/groups', {
        query: { ...filtersToQuery(filters), limit: PAGE_SIZE },
        check: groupPageCheck,
        signal,
      });
      // Announced once per settled search: a search that a newer one replaced is never spoken.
      if (!signal.aborted) this.announceSearch(result);
      return result;
    },
  });

  private readonly details = new RequestController(this, {
    args: () => [this.config.apiBase, this.api, this.openGroup?.id] as const,
    request: ([apiBase, api, id], signal) =>
      apiBase && id
        ? api.get(`/groups/${encodeURIComponent(id)}`, { check: groupCheck, signal })
        : Promise.resolve(undefined),
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.typingTimer);
    this.moreAbort?.abort();
    for (const sender of this.senders.values()) sender.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.innerConfig.setValue(this.config);
    if (!this.hasUpdated) {
      this.filters = (this.syncUrl ? this.urlSync.read() : undefined) ?? this.attributeFilters();
    } else if (FILTER_PROPERTIES.some((name) => changed.has(name))) {
      this.setFilters(this.attributeFilters(), 'none');
      this.syncSearchInput();
    }
  }

  protected override firstUpdated(): void {
    this.syncSearchInput();
    this.emitSearch();
  }

  /** The filters the attributes preset. */
  private attributeFilters(): GroupFilters {
    return filtersFromAttributes({
      q: this.q,
      topic: this.topic,
      audience: this.audience,
      format: this.format,
      day: this.day,
      timeOfDay: this.timeOfDay,
      dropIn: this.dropIn,
      facilitator: this.facilitator,
      accessibility: this.accessibility,
      language: this.language,
    });
  }

  private get level(): number {
    return Math.min(4, Math.max(2, Math.trunc(this.headingLevel) || 2));
  }

  private get viewerZone(): string {
    const zone = this.timeZone?.trim();
    // An unknown zone in the attribute: the browser's is the honest fallback.
    return zone && isKnownTimeZone(zone) ? zone : browserTimeZone();
  }

  private get offeredLanguages(): string[] {
    const given = (this.languages ?? '').split(/[\s,]+/).filter((tag) => LANGUAGE_TAG.test(tag));
    const defaults = [this.i18n.lang.split('-')[0] ?? 'en', 'en', 'es'];
    return [...new Set(given.length ? given : defaults)];
  }

  protected override render() {
    return html`<section class="panel" part="panel" lang=${this.i18n.lang} dir=${this.i18n.dir}>
      <div class="top">
        <div role="heading" aria-level=${this.level} class="heading" part="heading" id="heading">
          ${this.i18n.t('groups.heading')}
        </div>
        <peer-help-link part="help-link"></peer-help-link>
      </div>
      <p part="intro">${this.i18n.t('groups.intro')}</p>
      ${filterForm(this.i18n, this.filters, this.offeredLanguages, {
        onType: (text) => this.onType(text),
        onSearch: (text) => this.commitText(text),
        onToggle: (name, value, on) => this.onToggle(name, value, on),
        onDropIn: (value) => this.setFilters({ ...this.filters, dropIn: value }, 'push'),
        onLanguage: (value) => this.setFilters({ ...this.filters, language: value }, 'push'),
        onClear: () => this.clearFilters(),
      })}
      <p class="status-line" part="status" id="status">${this.statusText()}</p>
      <div class="results-region" part="results-region">${this.renderResults()}</div>
      ${this.config.apiBase ? this.renderCancelByCode() : nothing} ${this.renderDialog()}
      ${this.openGroup ? nothing : this.announcer.region()}
    </section>`;
  }

  // ---------------------------------------------------------------- search

  private onType(text: string): void {
    // No render and no request per keystroke: only the timer restarts, so typing never waits on the list.
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.commitText(text), TYPING_DEBOUNCE_MS);
  }

  private commitText(text: string): void {
    clearTimeout(this.typingTimer);
    this.setFilters({ ...this.filters, q: cleanQuery(text) }, 'replace');
  }

  private onToggle(name: ListFilter, value: string, on: boolean): void {
    const current = this.filters[name] as readonly string[];
    const next = on ? [...current, value] : current.filter((item) => item !== value);
    this.setFilters({ ...this.filters, [name]: canonicalList(name, next) }, 'push');
  }

  private clearFilters(): void {
    clearTimeout(this.typingTimer);
    this.setFilters(emptyFilters(), 'push');
    this.syncSearchInput();
  }

  /** Back or Forward: the filters, the controls and the results follow the URL. */
  private navigateTo(filters: GroupFilters): void {
    clearTimeout(this.typingTimer);
    this.setFilters(filters, 'none');
    this.syncSearchInput();
  }

  /** A settled change of filters: a new search (the one in flight is aborted), and the URL when asked. */
  private setFilters(next: GroupFilters, history: 'push' | 'replace' | 'none'): void {
    if (sameFilters(next, this.filters)) return;
    this.filters = next;
    this.moreAbort?.abort();
    this.morePages = [];
    this.more = IDLE;
    if (history !== 'none') this.urlSync.write(next, history, this.attributeFilters());
    this.emitSearch();
  }

  private emitSearch(): void {
    if (this.searched && sameFilters(this.searched, this.filters)) return;
    this.searched = this.filters;
    const { q, ...filters } = this.filters;
    emit(this, 'peer-group-search', { filters, text: q !== '' });
  }

  /** Puts the settled text into the search box when the filters changed under the student (Back, Clear). */
  private syncSearchInput(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#search-input');
    if (input && input.value !== this.filters.q) input.value = this.filters.q;
  }

  private announceSearch(result: ApiResult<GroupPage>): void {
    if (result.ok) this.announcer.announce(this.countText(result.data.items.length, result.data.nextCursor !== null));
    else this.announcer.announce(`${this.i18n.t('groups.error')} ${this.errorText(result.error)}`);
  }

  private countText(count: number, more: boolean): string {
    const key = more
      ? pluralKey(this.i18n.lang, count, 'groups.count.moreOne', 'groups.count.moreOther')
      : pluralKey(this.i18n.lang, count, 'groups.count.one', 'groups.count.other');
    return this.i18n.t(key, { count: this.i18n.number(count) });
  }

  private errorText(error: ApiError): string {
    const { key, values } = errorMessage(error, this.i18n.locale);
    return this.i18n.t(key, values);
  }

  // ---------------------------------------------------------------- results

  /** The pages on screen: the first (or the last good one while a new search loads) and those "Show more" added. */
  private get pages(): GroupPage[] {
    const request = this.groups.state;
    const first = request.status === 'ready' ? request.value : request.status === 'idle' ? undefined : request.previous;
    return first ? [first, ...this.morePages] : [];
  }

  private statusText(): string {
    if (!this.config.apiBase) return '';
    const request = this.groups.state;
    if (request.status === 'loading') {
      if (request.slow) return this.i18n.t('status.slow');
      return this.i18n.t(request.previous ? 'groups.status.updating' : 'groups.status.loading');
    }
    if (request.status !== 'ready') return '';
    const pages = this.pages;
    const count = pages.reduce((total, page) => total + page.items.length, 0);
    return this.countText(count, pages.at(-1)?.nextCursor != null);
  }

  private renderResults() {
    if (!this.config.apiBase) {
      return html`<div class="problem" part="problem"><p>${this.i18n.t('groups.notConfigured')}</p></div>`;
    }
    const request = this.groups.state;
    const pages = this.pages;
    if (request.status === 'loading' && !request.previous) {
      return html`<ul class="results" role="list" aria-hidden="true">
        ${Array.from({ length: PLACEHOLDER_CARDS }, () => html`<li class="card placeholder" part="placeholder"></li>`)}
      </ul>`;
    }
    const problem =
      request.status === 'error'
        ? html`<div class="problem" part="problem">
            <p>${this.i18n.t('groups.error')} ${this.errorText(request.error)}</p>
            <div class="actions">
              <button class="button" part="retry" type="button" @click=${() => this.groups.retry()}>
                ${this.i18n.t('action.retry')}
              </button>
            </div>
          </div>`
        : nothing;
    const count = pages.reduce((total, page) => total + page.items.length, 0);
    if (!count) return request.status === 'error' ? problem : this.renderEmpty();
    const context: CardContext = {
      i18n: this.i18n,
      level: this.level + 1,
      viewerZone: this.viewerZone,
      now: new Date(),
      onDetails: (group, opener) => void this.openDetails(group, opener),
    };
    const key = [this.i18n.lang, context.viewerZone, context.level];
    return html`${problem}
      <ul
        class="results ${request.status === 'loading' ? 'updating' : ''}"
        part="results"
        role="list"
        aria-busy=${request.status === 'loading' ? 'true' : 'false'}
        aria-describedby="status"
      >
        ${pages.map((page) =>
          // A page's cards are worked out once: "Show more" renders only the new page, typing renders none.
          guard([page, ...key], () => page.items.map((group) => groupCard(group, context))),
        )}
      </ul>
      ${this.renderMore(pages)}`;
  }

  private renderEmpty() {
    const peer = safeHref(this.peerHref);
    const filtered = !sameFilters(this.filters, emptyFilters());
    return html`<div class="empty" part="empty">
      <p class="empty-heading">${this.i18n.t('groups.empty.heading')}</p>
      <p>${this.i18n.t(filtered ? 'groups.empty.filtered' : 'groups.empty.none')}</p>
      ${
        filtered
          ? html`<div class="actions">
              <button class="button secondary" type="button" @click=${() => this.clearFilters()}>
                ${this.i18n.t('groups.filters.clear')}
              </button>
            </div>`
          : nothing
      }
      <p>${this.i18n.t('groups.empty.peer')}</p>
      ${
        peer
          ? html`<div class="actions">
              <a class="button" part="peer-link" href=${peer}>${this.i18n.t('groups.empty.peerLink')}</a>
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderMore(pages: GroupPage[]) {
    if (pages.at(-1)?.nextCursor == null) return nothing;
    const loading = this.more.status === 'loading';
    return html`<div class="actions more">
        <!-- aria-disabled, not disabled: a disabled button drops focus to the page, and focus must stay here. -->
        <button
          class="button secondary"
          part="more"
          type="button"
          aria-disabled=${loading ? 'true' : 'false'}
          @click=${this.loadMore}
        >
          ${this.i18n.t('groups.more')}
        </button>
      </div>
      ${
        loading
          ? html`<p part="more-status">${this.i18n.t('groups.more.loading')}</p>`
          : this.more.status === 'failed'
            ? html`<p part="more-status">${this.i18n.t('groups.more.failed')} ${this.errorText(this.more.error)}</p>`
            : nothing
      }`;
  }

  private async loadMore(): Promise<void> {
    const pages = this.pages;
    const cursor = pages.at(-1)?.nextCursor;
    if (!cursor || this.more.status === 'loading') return;
    this.moreAbort?.abort();
    const controller = new AbortController();
    this.moreAbort = controller;
    const filters = this.filters;
    this.more = { status: 'loading' };
    const result = await this.api.get('/groups', {
      query: { ...filtersToQuery(filters), cursor, limit: PAGE_SIZE },
      check: groupPageCheck,
      signal: controller.signal,
    });
    if (controller.signal.aborted || filters !== this.filters) return;
    if (!result.ok) {
      this.more = { status: 'failed', error: result.error };
      this.announcer.announce(`${this.i18n.t('groups.more.failed')} ${this.errorText(result.error)}`);
      return;
    }
    // A group already on screen is not shown twice, whatever the backend's cursor does.
    const seen = new Set(pages.flatMap((page) => page.items.map((group) => group.id)));
    const items = result.data.items.filter((group) => !seen.has(group.id));
    this.morePages = [...this.morePages, { ...result.data, items }];
    this.more = IDLE;
    await this.updateComplete;
    const total = seen.size + items.length;
    const first = items[0] && this.renderRoot.querySelector<HTMLElement>(`[id="name-${items[0].id}"]`);
    // Focus moves to the first new group; with none, it stays on the button (or the last group if it went).
    if (first) first.focus();
    else if (!this.renderRoot.querySelector('[part="more"]')) this.lastCardName()?.focus();
    this.announcer.announce(
      this.i18n.t('groups.more.added', { count: this.i18n.number(items.length), total: this.i18n.number(total) }),
    );
  }

  private lastCardName(): HTMLElement | null {
    const names = this.renderRoot.querySelectorAll<HTMLElement>('[part="card-name"]');
    return names[names.length - 1] ?? null;
  }

  // ---------------------------------------------------------------- details and joining

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** Opens a group's details in the dialog; focus returns to `opener` when it closes. */
  async openDetails(group: GroupSummary, opener?: HTMLElement): Promise<void> {
    this.opener = opener;
    this.openGroup = group;
    this.calendarProblem = false;
    await this.updateComplete;
    const dialog = this.dialog;
    if (dialog && !dialog.open) dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('#dialog-name')?.focus();
  }

  /** The details of the open group, when they have arrived (never another group's). */
  private get openDetailsValue(): Group | undefined {
    const value = this.details.value;
    return value && value.id === this.openGroup?.id ? value : undefined;
  }

  private onDialogClose(): void {
    // "close" arrives a task later: another group may have been opened in between.
    if (this.dialog?.open) return;
    const group = this.openGroup;
    this.openGroup = undefined;
    const opener = this.opener?.isConnected
      ? this.opener
      : group && this.renderRoot.querySelector<HTMLElement>(`[id="name-${group.id}"]`);
    opener?.focus();
  }

  /**
   * Details open in one native modal `<dialog>`, not a region expanding inside the card: they hold a form and, after
   * joining, the cancel code, so the student's task is a step of its own. The platform then gives Escape, the top
   * layer, an inert page behind (a screen reader does not wander into 1,000 cards) and no reflow of the list, so
   * "Show more" and the scroll position stay as they were; focus returns to the card's button on closing.
   */
  private renderDialog() {
    const group = this.openGroup;
    // The live region moves in with the student: a modal dialog makes the rest of the page inert, and an inert live
    // region is hidden from screen readers, so "You're in" or "Copied" would go unspoken.
    return html`<dialog part="dialog" aria-labelledby="dialog-name" @close=${this.onDialogClose}>
      ${group ? html`${this.renderDialogBody(group)} ${this.announcer.region()}` : nothing}
    </dialog>`;
  }

  private renderDialogBody(summary: GroupSummary) {
    const details = this.openDetailsValue;
    const group: GroupSummary = details ?? summary;
    const request = this.details.state;
    const level = Math.min(6, this.level + 1);
    const status =
      !details && request.status === 'loading'
        ? html`<p part="details-status">${this.i18n.t(request.slow ? 'status.slow' : 'groups.details.loading')}</p>`
        : !details && request.status === 'error'
          ? html`<div class="problem" part="details-status">
              <p>${this.i18n.t('groups.details.error')} ${this.errorText(request.error)}</p>
              <div class="actions">
                <button class="button secondary" type="button" @click=${() => this.details.retry()}>
                  ${this.i18n.t('action.retry')}
                </button>
              </div>
            </div>`
          : nothing;
    return html`<div class="dialog-body" lang=${this.i18n.lang} dir=${this.i18n.dir}>
      <div class="dialog-top">
        <div role="heading" aria-level=${level} class="dialog-name" part="dialog-name" id="dialog-name" tabindex="-1">
          ${group.name}
        </div>
        <button class="button secondary" part="close" type="button" @click=${() => this.dialog?.close()}>
          ${this.i18n.t('groups.details.close')}
        </button>
      </div>
      ${status}
      ${groupDetails(summary, details, {
        i18n: this.i18n,
        level: Math.min(6, level + 1),
        viewerZone: this.viewerZone,
        revealed: this.revealedLocation(summary.id),
      })}
      ${this.renderJoin(group, Math.min(6, level + 1))} ${this.renderCalendar(group, Math.min(6, level + 1))}
    </div>`;
  }

  /** The location a registration with a place revealed, while that place is held (not after cancelling). */
  private revealedLocation(groupId: string): GroupLocation | undefined {
    const outcome = this.outcomes.get(groupId);
    if (!outcome || outcome.registration.status !== 'registered' || outcome.cancel.status === 'done') return undefined;
    return outcome.registration.location;
  }

  private senderFor(groupId: string): IdempotentSender<Registration> {
    let sender = this.senders.get(groupId);
    if (!sender) {
      sender = new IdempotentSender<Registration>(
        (body, idempotencyKey, signal) =>
          this.api.post(`/groups/${encodeURIComponent(groupId)}/registrations`, body, {
            check: registrationCheck,
            idempotencyKey,
            signal,
          }),
        (joinState) => void this.onJoinState(groupId, joinState),
      );
      this.senders.set(groupId, sender);
    }
    return sender;
  }

  private formFor(groupId: string): JoinForm {
    return this.joinForms.get(groupId) ?? emptyJoinForm();
  }

  private patchForm(groupId: string, changes: Partial<JoinForm>): void {
    const form = this.formFor(groupId);
    const errors = new Map(changes.errors ?? form.errors);
    // A field the student changes loses its error at once; others wait for the next submit.
    if (changes.email !== undefined) errors.delete('email');
    if (changes.consent || changes.email !== undefined || changes.needs !== undefined) errors.delete('consent');
    const forms = new Map(this.joinForms);
    forms.set(groupId, { ...form, ...changes, errors });
    this.joinForms = forms;
  }

  private renderJoin(group: GroupSummary, level: number) {
    const outcome = this.outcomes.get(group.id);
    if (outcome) {
      return outcomeView(this.i18n, group, outcome, {
        level,
        onCopy: () => void this.copyCode(group.id),
        onCancel: (step) => void this.cancelStep(group.id, step),
      });
    }
    const cancelledHere = this.cancelled.has(group.id)
      ? html`<p part="cancelled" id="cancelled-note" tabindex="-1">${this.i18n.t('groups.cancel.done')}</p>`
      : nothing;
    if (group.registrationStatus === 'closed') {
      return html`${cancelledHere}
        <section class="join" part="join" aria-labelledby="join-heading">
          <div role="heading" aria-level=${level} class="sub-heading" id="join-heading">
            ${this.i18n.t('groups.join.heading')}
          </div>
          <p>${this.i18n.t('groups.join.closed')}</p>
        </section>`;
    }
    return html`${cancelledHere}
    ${joinForm(this.i18n, group, this.formFor(group.id), this.senderFor(group.id).state, {
      level,
      onChange: (changes) => this.patchForm(group.id, changes),
      onSubmit: () => this.submitJoin(group),
    })}`;
  }

  private async submitJoin(group: GroupSummary): Promise<void> {
    const sender = this.senderFor(group.id);
    if (sender.state.status === 'sending') return;
    const form = this.formFor(group.id);
    const errors = validateJoin(form);
    this.patchForm(group.id, { errors });
    if (errors.size) {
      await this.updateComplete;
      const first = [...errors.keys()][0];
      this.renderRoot.querySelector<HTMLElement>(first === 'email' ? '#join-email' : '#join-consent')?.focus();
      return;
    }
    const registrationStatus = group.registrationStatus === 'waitlist' ? 'waitlist' : 'open';
    if (!emit(this, 'peer-group-register', { groupId: group.id, registrationStatus }, { cancelable: true })) {
      this.announcer.announce(this.i18n.t('groups.join.notSent'));
      return;
    }
    sender.submit(joinBody(form, this.consentVersion, this.i18n.lang));
  }

  private async onJoinState(groupId: string, joinState: SendState<Registration>): Promise<void> {
    this.requestUpdate();
    if (joinState.status === 'failed') {
      this.announcer.announce(joinFailure(this.i18n, joinState.error));
      return;
    }
    if (joinState.status !== 'done') return;
    const registration = joinState.result;
    const outcomes = new Map(this.outcomes);
    outcomes.set(groupId, {
      registration,
      emailGiven: this.formFor(groupId).email.trim() !== '',
      recovered: joinState.recovered,
      cancel: IDLE,
    });
    this.outcomes = outcomes;
    // What the student typed is not kept once it has been sent.
    const forms = new Map(this.joinForms);
    forms.delete(groupId);
    this.joinForms = forms;
    const cancelled = new Set(this.cancelled);
    cancelled.delete(groupId);
    this.cancelled = cancelled;
    emit(this, 'peer-group-registered', { groupId, status: registration.status });
    await this.updateComplete;
    if (this.openGroup?.id !== groupId) return;
    this.renderRoot.querySelector<HTMLElement>('#outcome-heading')?.focus();
    const text = this.renderRoot.querySelector('[part="outcome-text"]')?.textContent?.replace(/\s+/g, ' ').trim();
    this.announcer.announce(
      `${this.i18n.t(registration.status === 'registered' ? 'groups.done.registered' : 'groups.done.waitlisted')}. ${text ?? ''}`,
    );
  }

  private patchOutcome(groupId: string, changes: Partial<Outcome>): void {
    const outcome = this.outcomes.get(groupId);
    if (!outcome) return;
    const outcomes = new Map(this.outcomes);
    outcomes.set(groupId, { ...outcome, ...changes });
    this.outcomes = outcomes;
  }

  private async copyCode(groupId: string): Promise<void> {
    const code = this.renderRoot.querySelector<HTMLElement>('#cancel-code');
    const text = code?.textContent?.trim() ?? '';
    try {
      await navigator.clipboard.writeText(text);
      this.patchOutcome(groupId, { copy: 'copied' });
      this.announcer.announce(this.i18n.t('groups.done.copied'));
    } catch {
      // No clipboard here (an old browser, a denied permission): select the code so the student can copy it.
      if (code) {
        const range = document.createRange();
        range.selectNodeContents(code);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      }
      this.patchOutcome(groupId, { copy: 'failed' });
      this.announcer.announce(this.i18n.t('groups.done.copyFailed'));
    }
  }

  private async cancelStep(groupId: string, step: 'ask' | 'yes' | 'no'): Promise<void> {
    const outcome = this.outcomes.get(groupId);
    if (!outcome || outcome.cancel.status === 'sending') return;
    if (step === 'ask' || step === 'no') {
      this.patchOutcome(groupId, { cancel: step === 'ask' ? { status: 'confirm' } : IDLE });
      await this.updateComplete;
      // Asking puts focus on the safe answer; "Keep my place" returns it to the button that asked.
      this.renderRoot.querySelector<HTMLElement>(step === 'ask' ? '[part="cancel-no"]' : '[part="cancel"]')?.focus();
      return;
    }
    this.patchOutcome(groupId, { cancel: { status: 'sending' } });
    const { registration } = outcome;
    const result = await cancelRegistration(this.api, {
      groupId: registration.groupId,
      registrationId: registration.registrationId,
      token: registration.cancelToken,
    });
    if (!result.ok) {
      this.patchOutcome(groupId, { cancel: { status: 'failed', error: result.error } });
      this.announcer.announce(cancelFailure(this.i18n, result.error));
      return;
    }
    // The registration and its code are forgotten; the form is offered again under the message.
    const outcomes = new Map(this.outcomes);
    outcomes.delete(groupId);
    this.outcomes = outcomes;
    this.cancelled = new Set([...this.cancelled, groupId]);
    this.senderFor(groupId).reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#cancelled-note')?.focus();
    this.announcer.announce(this.i18n.t('groups.cancel.done'));
  }

  // ---------------------------------------------------------------- calendar

  private renderCalendar(group: GroupSummary, level: number) {
    return html`${calendarForm(this.i18n, {
      level,
      discreet: this.calendarDiscreet,
      discreetTitle: discreetTitleFor(group, this.i18n.t('groups.calendar.discreetTitle')),
      onDiscreet: (discreet) => (this.calendarDiscreet = discreet),
      onAdd: () => void this.addToCalendar(group),
    })}
    ${this.calendarProblem ? html`<p part="calendar-status">${this.i18n.t('groups.calendar.failed')}</p>` : nothing}`;
  }

  /** Downloads the group's sessions as an `.ics`; the joined location goes in only when not discreet. */
  private async addToCalendar(group: GroupSummary): Promise<void> {
    const outcome = this.outcomes.get(group.id);
    const publicLocation = group.locationHidden ? undefined : group.location;
    const location =
      outcome?.registration.status === 'registered'
        ? (outcome.registration.location ?? publicLocation)
        : publicLocation;
    try {
      // The calendar writer itself loads only now (most students never ask for a file).
      await downloadGroupCalendar(
        this.openDetailsValue ?? group,
        {
          discreet: this.calendarDiscreet,
          discreetTitle: discreetTitleFor(group, this.i18n.t('groups.calendar.discreetTitle')),
          domain: this.calendarDomain(),
          locationText: locationWords(location),
          description: group.summary,
          url: httpsHref(location?.online?.joinUrl),
        },
        this.ownerDocument,
      );
      this.calendarProblem = false;
      this.announcer.announce(this.i18n.t('groups.calendar.added'));
    } catch {
      // A schedule the writer refuses (a malformed rule from the backend): say so, never a broken file.
      this.calendarProblem = true;
      this.announcer.announce(this.i18n.t('groups.calendar.failed'));
    }
  }

  /** The backend's host names no group, so UIDs carry it ("grp_x@peer.example.edu"). */
  private calendarDomain(): string {
    try {
      return new URL(this.config.apiBase ?? '', document.baseURI).hostname || 'peer-support-widgets';
    } catch {
      return 'peer-support-widgets';
    }
  }

  // ---------------------------------------------------------------- cancel with a code

  private renderCancelByCode() {
    const { text, invalid, state: cancel } = this.codeCancel;
    const sending = cancel.status === 'sending';
    return html`<details class="cancel-code" part="cancel-by-code">
      <summary>${this.i18n.t('groups.cancelCode.summary')}</summary>
      <form novalidate @submit=${this.onCancelByCode}>
        <div class="field">
          <label for="cancel-code-input">${this.i18n.t('groups.cancelCode.label')}</label>
          ${invalid ? html`<p class="field-error" id="cancel-code-error">${this.i18n.t('groups.cancelCode.invalid')}</p>` : nothing}
          <input
            id="cancel-code-input"
            part="cancel-code-input"
            name="cancel-code"
            dir="ltr"
            autocomplete="off"
            spellcheck="false"
            maxlength="300"
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${invalid ? 'cancel-code-error' : nothing}
            .value=${text}
            @input=${(event: Event) =>
              (this.codeCancel = { text: (event.target as HTMLInputElement).value, invalid: false, state: IDLE })}
          />
        </div>
        <div class="actions">
          <button class="button secondary" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
            ${this.i18n.t('groups.cancelCode.submit')}
          </button>
        </div>
        ${
          sending
            ? html`<p class="status">${this.i18n.t('groups.cancel.sending')}</p>`
            : cancel.status === 'done'
              ? html`<p class="status" part="cancelled">${this.i18n.t('groups.cancel.done')}</p>`
              : cancel.status === 'failed'
                ? html`<p class="status">${cancelFailure(this.i18n, cancel.error)}</p>`
                : nothing
        }
      </form>
    </details>`;
  }

  private async onCancelByCode(event: Event): Promise<void> {
    event.preventDefault();
    if (this.codeCancel.state.status === 'sending') return;
    const code: CancelCode | undefined = parseCancelCode(this.codeCancel.text);
    if (!code) {
      this.codeCancel = { ...this.codeCancel, invalid: true };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#cancel-code-input')?.focus();
      return;
    }
    this.codeCancel = { ...this.codeCancel, state: { status: 'sending' } };
    const result = await cancelRegistration(this.api, code);
    if (result.ok) {
      // The code did its job; it is not kept in the field either.
      this.codeCancel = { text: '', invalid: false, state: { status: 'done' } };
      this.announcer.announce(this.i18n.t('groups.cancel.done'));
    } else {
      this.codeCancel = { ...this.codeCancel, state: { status: 'failed', error: result.error } };
      this.announcer.announce(cancelFailure(this.i18n, result.error));
    }
  }
}

/** The properties that preset filters; a change after the first render searches again. */
const FILTER_PROPERTIES = [
  'topic',
  'audience',
  'format',
  'day',
  'timeOfDay',
  'dropIn',
  'facilitator',
  'accessibility',
  'language',
  'q',
] as const;

declare global {
  interface HTMLElementTagNameMap {
    'peer-group-finder': PeerGroupFinder;
  }
}
