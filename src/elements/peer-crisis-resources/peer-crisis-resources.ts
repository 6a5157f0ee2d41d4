/* eslint-disable lit-a11y/no-redundant-role -- role="list" is deliberate: Safari drops list semantics from lists styled with list-style: none. */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AnnouncerController } from '../../core/announcer.js';
import { ApiClient } from '../../core/api/api-client.js';
import { isolate, ltr } from '../../core/bidi.js';
import { devWarn } from '../../core/dev.js';
import { PeerWidgetElement } from '../../core/peer-widget-element.js';
import { safeHref } from '../../core/safe-url.js';
import { bundledCountries, bundledEmergencyNumbers, bundledResources, BUNDLED_DATE } from './data/bundled-data.js';
import { emit } from '../../core/emit.js';
import { RequestController } from '../../core/request/request-controller.js';
import './crisis-events.js';
import {
  crisisResourceListCheck,
  type ContactMethod,
  type CrisisResource,
  type EmergencyNumber,
} from './data/crisis-data.js';
import {
  emergencyBlock,
  emergencyCallLink,
  formatDate,
  heading,
  resourceItem,
  type CopyOutcome,
  type CrisisView,
} from './templates/crisis-templates.js';
import { numbersIn, uncovered, type DialableNumber } from './logic/fallback-numbers.js';
import { mergeEmergencyNumbers, mergeResources } from './logic/merge-resources.js';
import { crisisStyles } from './peer-crisis-resources.styles.js';
import { openStatus, sortByAvailability, type OpenStatus } from '../../core/hours/open-status.js';
import { isKnownTimeZone } from '../../core/hours/zoned-time.js';
import { rateLimitWait } from '../../core/error-message.js';
import type { ApiError } from '../../core/api/errors.js';
import { QuickExitShortcut, leaveNow } from './logic/quick-exit.js';
import { browserRegionHint } from './logic/region-hint.js';
import { nextTask } from './logic/next-task.js';
import { KeepHeight } from './logic/keep-height.js';
import { InView } from './logic/in-view.js';
import { LinePlacement } from './logic/line-placement.js';

const MINUTE = 60_000;

/** The picker's countries sorted by name in one language, made once per language for every panel on the page. */
const sortedCountries = new Map<string, Array<{ code: string; name: string }>>();
function countryOptions(lang: string, nameOf: (code: string) => string) {
  let options = sortedCountries.get(lang);
  if (!options) {
    const collator = new Intl.Collator(lang);
    options = bundledCountries()
      .map((code) => ({ code, name: nameOf(code) }))
      .sort((a, b) => collator.compare(a.name, b.name));
    sortedCountries.set(lang, options);
  }
  return options;
}
const UNKNOWN: OpenStatus = { kind: 'unknown' };

/**
 * @tag peer-crisis-resources
 * @summary Crisis help that never goes blank: the emergency number first, then crisis lines and campus services,
 * with one tap to call or text.
 *
 * @description Renders at once from the element's own children and a dated dataset bundled with the library, with
 * no network; then merges campus services from the backend (`GET /crisis-resources`) or from a static JSON file
 * (`src`). If those fail, everything already shown stays and a quiet note says the list may be out of date.
 * Open or closed is worked out per contact method in the service's time zone and shown in the student's.
 *
 * **Crisis help never shrinks.** Whatever the backend or `src` answers, every number shown before is still shown
 * after: the bundled emergency numbers and national lines, and everything shown since, are a floor. Later data may
 * add services and numbers and update a record of the same id and country, but a number on the floor
 * is never removed or replaced, and a number is never shown with a link that dials another.
 *
 * @slot - Fallback content a CMS editor pastes (for example a list of campus numbers as `tel:` links). It is
 * visible before and without JavaScript, and hides only once campus services have arrived and every `tel:` and
 * `sms:` number it links to is in the rendered list.
 *
 * @csspart panel - The whole panel.
 * @csspart heading - The panel's heading.
 * @csspart intro - The sentence under the heading.
 * @csspart quick-exit - The quick exit button.
 * @csspart quick-exit-hint - The text under the quick exit button.
 * @csspart emergency - The "Are you in immediate danger?" block.
 * @csspart emergency-heading - Its heading.
 * @csspart emergency-call - A call button for an emergency number.
 * @csspart country - "Numbers for <country>." next to the emergency numbers.
 * @csspart change-country - The button beside it that opens the country picker.
 * @csspart lines-heading - The heading above the crisis lines.
 * @csspart services - The crisis lines, the fallback and the stale note: it keeps its height when the fallback gives
 * way, so nothing below the panel moves up.
 * @csspart list - The list of services.
 * @csspart resource - One service.
 * @csspart resource-name - A service's name.
 * @csspart resource-description - A service's description.
 * @csspart resource-marks - Free, anonymous, who it is for, languages.
 * @csspart methods - A service's list of contact methods.
 * @csspart method - One contact method.
 * @csspart action - The link that calls, texts, opens a chat or a website.
 * @csspart action-text - The method's text when it cannot be a link.
 * @csspart copy - The copy-number button.
 * @csspart copy-status - What a copy did: "Copied", or the number selected to copy by hand.
 * @csspart status - Open or closed text; also `status-open` or `status-closed`.
 * @csspart address - A walk-in address.
 * @csspart directions - A link to directions.
 * @csspart verified - When and where a service's details were checked.
 * @csspart fallback - The box around the slotted fallback content.
 * @csspart stale-note - The note shown when the list could not be updated.
 * @csspart retry - Its "Try again" button, which asks the backend or `src` again.
 * @csspart retry-wait - How long to wait before trying again, when the backend named a wait (a 429).
 * @csspart region - The country picker's wrapper.
 * @csspart region-select - The country picker.
 * @csspart banner - The compact banner (variant="banner").
 * @csspart toggle - The banner's show/hide button.
 * @csspart notice - A message in place of a list ("choose your country", "no other services listed").
 * @csspart live-region - The visually hidden live region for announcements.
 *
 * @cssproperty --peer-color-accent - Buttons and links.
 * @cssproperty --peer-color-on-accent - Text on buttons.
 * @cssproperty --peer-color-surface - Background of the panel.
 * @cssproperty --peer-color-border - Borders.
 * @cssproperty --peer-radius - Corner radius.
 * @cssproperty --peer-space - Base spacing.
 * @cssproperty --peer-target-size - Minimum size of every button.
 *
 * @fires peer-crisis-contact - A student followed a contact link or copied a number to the clipboard (not fired
 * when copying failed). `detail`: `{ resourceId, method, action }`, never anything personal.
 */
export class PeerCrisisResources extends PeerWidgetElement {
  /** The tag name `define()` registers this class under when it is given none. */
  static readonly tagName = 'peer-crisis-resources';
  protected static override readonly needsBackend = false;
  /** Crisis help renders in the task it is upgraded in: it never waits behind another widget. */
  protected static override readonly deferFirstRender = false;
  static override styles = [...PeerWidgetElement.styles, ...crisisStyles];

  /** `panel` shows everything; `banner` is a compact "Need help now?" bar that expands in place. */
  @property({ reflect: true }) variant: 'panel' | 'banner' = 'panel';

  /** A static JSON file in the contract's `CrisisResourceList` format, for sites with no backend. Wins over api-base. */
  @property() src?: string;

  /** Turns on quick exit: a button, and Shift pressed three times, leave for this https address. */
  @property({ attribute: 'exit-url' }) exitUrl?: string;

  /** The level of the panel's heading (2–4), so it fits the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** For previews and tests: the clock used for open/closed. Defaults to the real time. */
  @property({ attribute: false }) clock: () => Date = () => new Date();

  /** For previews and tests: the IANA time zone times are shown in. Defaults to the browser's. */
  @property({ attribute: false }) timeZone?: string;

  @state() private chosenCountry?: string;
  @state() private expanded = false;
  /** True once the student reaches for the country picker: its full list is built from then on. */
  @state() private pickerReady = false;
  @state() private copyOutcomes = new Map<string, CopyOutcome>();
  /** The `tel:`/`sms:` numbers the light-DOM fallback links to. */
  @state() private fallbackNumbers: DialableNumber[] = [];
  /** Whether the page pasted any fallback content (elements or text) into the element. */
  @state() private hasFallback = false;

  /**
   * Where each service is on screen, by country. The first update for a country renders the emergency block with
   * every service known then (the bundled floor); services that arrive later are added a step per task (see
   * `renderRest`), so that taking in better data never makes one long task, and placed so that it never moves a
   * line the student may be reading or about to tap. A rendered service stays rendered.
   */
  private readonly placement = new LinePlacement();
  /** Every service in force, most available first: the order in which those not on screen yet are added. */
  private displayOrder: CrisisResource[] = [];
  /** The country and language on screen; another starts the list's height afresh. */
  private shownList?: string;
  /** Set while services remain to be rendered; `updateComplete` waits for it. */
  private staging?: Promise<void>;

  /** What is on screen for each country: the floor that later data may raise but never lower. */
  private readonly shownResources = new Map<string, CrisisResource[]>();
  private readonly shownNumbers = new Map<string, EmergencyNumber[]>();
  private resources: CrisisResource[] = [];
  private numbers: EmergencyNumber[] = [];
  private readonly fallbackObserver = new MutationObserver(() => this.readFallback());

  private readonly announcer = new AnnouncerController(this);
  /** The services area never gets shorter, so nothing below the panel moves up when the fallback gives way. */
  private readonly servicesHeight = new KeepHeight(this, () => this.servicesArea());
  /** Whether the student can see any of the list: while not, arriving services may take their sorted places. */
  private readonly servicesInView = new InView(this, () => this.servicesArea());
  /** Shift pressed three times leaves the page, while quick exit is on. */
  protected readonly quickExit = new QuickExitShortcut(
    this,
    () => this.safeExitUrl,
    (url) => this.leave(url),
  );
  private timer?: ReturnType<typeof setInterval>;

  /** Campus data from the backend or `src`; never delays what is already on screen. */
  private readonly remote = new RequestController(this, {
    args: () => [this.src, this.config.apiBase, this.activeCountry, this.activeRegion, this.i18n.locale] as const,
    request: async ([src, apiBase, country, region, lang], signal) => {
      if (!country || (!src && !apiBase)) return undefined;
      // Built and sent in the next task: the first render, with the emergency number, does not carry this work.
      await nextTask();
      return src
        ? this.staticFile(src).get(fileName(src), { check: crisisResourceListCheck, signal })
        : this.api.get('/crisis-resources', {
            query: { country, region, lang },
            check: crisisResourceListCheck,
            signal,
          });
    },
  });

  /** The country in force: the student's choice, then the configuration, then a hint from the browser. */
  get activeCountry(): string | undefined {
    return this.chosenCountry ?? this.config.country ?? browserRegionHint();
  }

  /** The viewer's time zone for times shown, if one was given and `Intl` knows it. */
  private get viewerTimeZone(): string | undefined {
    return this.timeZone && isKnownTimeZone(this.timeZone) ? this.timeZone : undefined;
  }

  /** The configured region, only while it belongs to the country in force. */
  private get activeRegion(): string | undefined {
    const region = this.config.region;
    const country = this.activeCountry;
    return region && country && region.startsWith(`${country}-`) ? region : undefined;
  }

  private get safeExitUrl(): string | null {
    return this.exitUrl ? safeHref(this.exitUrl, { allowHttpLocalhost: false }) : null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Open/closed changes with the clock: re-render once a minute while on the page.
    this.timer = setInterval(() => this.requestUpdate(), MINUTE);
    this.fallbackObserver.observe(this, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['href'],
    });
    this.readFallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
    this.fallbackObserver.disconnect();
  }

  private readFallback(): void {
    const numbers = numbersIn(this);
    if (JSON.stringify(numbers) !== JSON.stringify(this.fallbackNumbers)) this.fallbackNumbers = numbers;
    this.hasFallback = [...this.childNodes].some(
      (node) => node.nodeType === Node.ELEMENT_NODE || (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()),
    );
  }

  /** Raises the floor for the country in force with the latest data; what was shown stays shown. */
  protected override willUpdate(): void {
    const country = this.activeCountry;
    if (!country) {
      this.resources = [];
      this.numbers = [];
      return;
    }
    const data = this.remote.value;
    const resourceFloor = this.shownResources.get(country) ?? bundledResources(country);
    const numberFloor = this.shownNumbers.get(country) ?? bundledEmergencyNumbers(country);
    this.resources = mergeResources(country, this.activeRegion, resourceFloor, data?.items.items ?? []);
    this.numbers = mergeEmergencyNumbers(country, numberFloor, data?.emergencyNumbers?.items);
    this.shownResources.set(country, this.resources);
    this.shownNumbers.set(country, this.numbers);
    const list = `${country} ${this.i18n.locale}`;
    if (this.shownList !== list) {
      // Another country or language is a new list (the student's choice, or the page's): its height is its own.
      if (this.shownList !== undefined) this.servicesHeight.reset();
      this.shownList = list;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('exitUrl') && this.exitUrl && !this.safeExitUrl) {
      devWarn(this, `exit-url="${this.exitUrl}" is not an https:// address; quick exit is off.`);
    }
    if (this.nextToRender().length) this.renderRest();
  }

  /** Resolves once every service in force is rendered, not only after the first, emergency-first update. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.staging) {
      await this.staging;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  private servicesArea(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part~="services"]');
  }

  /**
   * The services to render next: the first one in display order that is not on screen yet, or, while the pasted
   * fallback still shows numbers the list lacks, every service that dials one of them, together. Those take the
   * fallback's place in the one update that hides it, so the page does not first grow by them and then lose it.
   */
  private nextToRender(): CrisisResource[] {
    const country = this.activeCountry;
    if (!country) return [];
    const missing = this.placement.missing(country, this.displayOrder);
    if (missing.length === 0) return [];
    const shown = this.placement.shown(country, this.displayOrder);
    const notShown = uncovered(this.fallbackNumbers, shown, this.numbers);
    if (notShown.length) {
      const taking = missing.filter((resource) => uncovered(notShown, [resource], []).length < notShown.length);
      if (taking.length && uncovered(notShown, taking, []).length === 0) return taking;
    }
    return missing.slice(0, 1);
  }

  /** Renders the services still missing, a step per task, in display order. */
  private renderRest(): void {
    this.staging ??= (async () => {
      try {
        for (;;) {
          await nextTask();
          const next = this.nextToRender();
          if (!next.length) return;
          this.placement.add(this.activeCountry!, next, this.displayOrder, this.servicesInView.now);
          this.requestUpdate();
          await super.getUpdateComplete();
        }
      } finally {
        this.staging = undefined;
      }
    })();
  }

  protected override render() {
    const view = this.view();
    const panel = this.panel(view);
    if (this.variant !== 'banner') return html`${panel}${this.announcer.region()}`;
    const emergency = this.numbers[0];
    return html`<div part="banner" class="banner" lang=${this.i18n.lang} dir=${this.i18n.dir}>
        <p class="banner-text">${this.i18n.t('crisis.banner.text')}</p>
        ${emergency ? emergencyCallLink(view, emergency.number) : nothing} ${emergency ? this.countryNote() : nothing}
        <button
          class="button secondary"
          part="toggle"
          type="button"
          aria-expanded=${String(this.expanded)}
          aria-controls="panel"
          @click=${() => (this.expanded = !this.expanded)}
        >
          ${this.i18n.t(this.expanded ? 'crisis.banner.less' : 'crisis.banner.more')}
        </button>
      </div>
      <div id="panel" ?hidden=${!this.expanded}>${panel}</div>
      ${this.announcer.region()}`;
  }

  private panel(view: CrisisView) {
    const { i18n } = this;
    const country = this.activeCountry;
    const data = this.remote.value;
    const resources = this.sortedResources(view);
    this.displayOrder = resources;
    if (country) this.placement.begin(country, resources);
    const shown = country ? this.placement.shown(country, resources) : [];
    const numbers = this.numbers;
    const error = this.remote.error;
    const failed = (error !== undefined && error.kind !== 'aborted') || (data !== undefined && data.items.dropped > 0);
    // The pasted fallback hides only once campus services are on screen and they show every number it links to.
    const fallbackCovered =
      shown.some((resource) => resource.scope === 'campus') &&
      uncovered(this.fallbackNumbers, shown, numbers).length === 0;
    // Services that arrive while the fallback stays go after it, not above it: what the student is reading stays put.
    const fallbackShown =
      this.hasFallback && (!fallbackCovered || (country !== undefined && this.placement.keepsFallback(country)));
    const { beforeFallback, afterFallback } = country
      ? this.placement.arrange(country, shown, fallbackShown)
      : { beforeFallback: shown, afterFallback: [] };
    // While the campus's first answer is on its way, the fallback's box keeps the room the page set aside for its
    // services. Not for a country the student picked: the room was measured for the campus's own lines.
    const awaiting =
      this.remote.pending &&
      data === undefined &&
      this.chosenCountry === undefined &&
      Boolean(country && (this.src || this.config.apiBase));
    const fallbackBox = awaiting || fallbackShown;
    // The panel's language and direction are those of the strings it shows, whatever the page around it says.
    return html`<section part="panel" class="panel" aria-labelledby="heading" lang=${i18n.lang} dir=${i18n.dir}>
      ${heading(this.headingLevel, i18n.t('crisis.heading'), 'heading', 'heading')}
      <p part="intro">${i18n.t(this.introKey(view, resources))}</p>
      ${this.quickExitTemplate()}
      ${
        numbers.length
          ? emergencyBlock(view, numbers, this.countryNote())
          : html`<p part="notice">${i18n.parts('crisis.chooseCountry', { number: ltr('112') })}</p>`
      }
      <div part="services" class="services">
        ${
          resources.length
            ? html`${heading(this.headingLevel + 1, i18n.t('crisis.lines.heading'), 'lines-heading')}
              ${this.list(view, beforeFallback)}`
            : country && numbers.length
              ? html`<p part="notice">${i18n.t('crisis.none')}</p>`
              : nothing
        }
        <div part="fallback" class=${this.fallbackClass(awaiting)} ?hidden=${!fallbackBox}>
          <slot @slotchange=${() => this.readFallback()}></slot>
        </div>
        ${this.list(view, afterFallback, i18n.t('crisis.lines.more'))}
        ${
          failed
            ? html`<div part="stale-note" class="stale">
                <p>${i18n.parts('crisis.stale', { date: isolate(formatDate(i18n, BUNDLED_DATE.slice(0, 10))) })}</p>
                ${this.retryWait(error)}
                <button
                  class="button secondary"
                  part="retry"
                  type="button"
                  ?disabled=${this.remote.pending}
                  @click=${() => void this.remote.retry()}
                >
                  ${i18n.t('action.retry')}
                </button>
              </div>`
            : nothing
        }
      </div>
      ${this.countryPicker(country)}
    </section>`;
  }

  /** A list of services; the one after a kept fallback is named, so a screen reader tells the two lists apart. */
  private list(view: CrisisView, resources: readonly CrisisResource[], label?: string) {
    if (resources.length === 0) return nothing;
    return html`<ul part="list" class="list" role="list" aria-label=${label ?? nothing}>
      ${repeat(
        resources,
        (resource) => resource.id,
        (resource) => resourceItem(view, resource),
      )}
    </ul>`;
  }

  /** While campus services load, the box holds the page's room for them; with nothing pasted, only that room. */
  private fallbackClass(awaiting: boolean): string {
    if (!awaiting) return 'fallback';
    return this.hasFallback ? 'fallback awaiting' : 'fallback awaiting room-only';
  }

  private quickExitTemplate() {
    const url = this.safeExitUrl;
    if (!url) return nothing;
    return html`<div class="quick-exit">
      <button class="button" part="quick-exit" type="button" @click=${() => this.leave(url)}>
        ${this.i18n.t('crisis.quickExit')}
      </button>
      <p part="quick-exit-hint" class="hint">${this.i18n.t('crisis.quickExit.hint')}</p>
    </div>`;
  }

  /** Leaves the page for the exit address (overridable so tests and previews can stay on the page). */
  protected leave(url: string): void {
    leaveNow(url);
  }

  /**
   * The intro says only what is true now: "these services can connect you with a person now" only while every
   * listed service is open and answered by people.
   */
  private introKey(view: CrisisView, resources: readonly CrisisResource[]) {
    if (resources.length === 0) return 'crisis.intro.noLines';
    const isOpen = (resource: CrisisResource) =>
      resource.contactMethods.some((method) => ['always', 'open'].includes(view.statusOf(method).kind));
    const open = resources.filter(isOpen);
    if (open.length === 0) return 'crisis.intro.noneOpen';
    const allPeopleOpen = open.length === resources.length && resources.every((r) => r.humanSupport !== 'automated');
    return allPeopleOpen ? 'crisis.intro' : 'crisis.intro.someOpen';
  }

  /** The wait a backend that refused with 429 named: "Try again" at once would meet the same limit. */
  private retryWait(error: ApiError | undefined) {
    const wait = error && rateLimitWait(error, this.i18n.locale);
    return wait ? html`<p part="retry-wait">${this.i18n.t(wait.key, wait.values)}</p>` : nothing;
  }

  /** "Numbers for United States." and a button that opens the picker: the country is a guess the student can fix. */
  private countryNote() {
    const country = this.activeCountry;
    if (!country) return nothing;
    return html`<p part="country" class="country-note">
      <span
        >${this.i18n.parts('crisis.country.assumed', { country: isolate(this.i18n.displayName('region', country)) })}</span
      >
      <button class="button secondary" part="change-country" type="button" @click=${this.openPicker}>
        ${this.i18n.t('crisis.country.change')}
      </button>
    </p>`;
  }

  private async openPicker(): Promise<void> {
    this.expanded = true;
    this.pickerReady = true;
    await this.updateComplete;
    const select = this.renderRoot.querySelector<HTMLSelectElement>('#country');
    if (!select) return;
    select.focus();
    try {
      select.showPicker(); // one tap to the list where the browser allows it
    } catch {
      // Without a user gesture or support, focus on the picker is the next best thing.
    }
  }

  /**
   * The country picker. Its 228 options are built only once the student reaches for it (focus, pointer or the
   * "Change country" button): until then it holds the current country alone, so a page with many panels does not
   * build and sort thousands of options nobody opens. The sorted list is made once per language for the page.
   */
  private countryPicker(country: string | undefined) {
    const { i18n } = this;
    const options = this.pickerReady
      ? countryOptions(i18n.lang, (code) => i18n.displayName('region', code))
      : country
        ? [{ code: country, name: i18n.displayName('region', country) }]
        : [];
    const ready = () => {
      this.pickerReady = true;
    };
    return html`<div part="region" class="region">
      <label for="country">${i18n.t('crisis.country')}</label>
      <select id="country" part="region-select" @focus=${ready} @pointerdown=${ready} @change=${this.onCountryChange}>
        ${country ? nothing : html`<option value="" selected>—</option>`}
        ${repeat(
          options,
          (option) => option.code,
          ({ code, name }) => html`<option value=${code} ?selected=${code === country}>${name}</option>`,
        )}
      </select>
    </div>`;
  }

  private onCountryChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (value) this.chosenCountry = value;
  }

  private sortedResources(view: CrisisView) {
    // A service is as available as its most available contact method.
    const best = (statuses: OpenStatus[]) => sortByAvailability(statuses, (status) => status)[0] ?? UNKNOWN;
    return sortByAvailability(this.resources, (resource) => best(resource.contactMethods.map(view.statusOf)));
  }

  private view(): CrisisView {
    const now = this.clock();
    return {
      i18n: this.i18n,
      now,
      timeZone: this.viewerTimeZone,
      headingLevel: Math.min(Math.max(Math.trunc(this.headingLevel) || 2, 2), 4),
      statusOf: (method: ContactMethod): OpenStatus => openStatus(method.hours, now),
      copyOutcome: (key) => this.copyOutcomes.get(key),
      onOpen: (resourceId, method) => this.contact(resourceId, method, 'open'),
      onCopy: (key, resourceId, method, display) => void this.copy(key, resourceId, method, display),
    };
  }

  private contact(resourceId: string, method: string, action: 'open' | 'copy'): void {
    emit(this, 'peer-crisis-contact', { resourceId, method, action });
  }

  /**
   * Copies the number that the method dials. Where the clipboard is not available (an insecure origin, a denied
   * permission) the number is shown on its own and selected, so the student can copy it by hand; the event fires
   * only for a real copy. Both outcomes are visible and announced, with the number as it is displayed.
   */
  private async copy(key: string, resourceId: string, method: ContactMethod, display: string): Promise<void> {
    let copied = false;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(method.value);
      copied = true;
    } catch {
      copied = false;
    }
    this.copyOutcomes = new Map(this.copyOutcomes).set(key, copied ? 'copied' : 'manual');
    await this.updateComplete;
    if (copied) {
      this.announcer.announce(this.i18n.t('crisis.copied', { number: display }));
      this.contact(resourceId, method.type, 'copy');
      return;
    }
    this.selectManualCopy(key);
    this.announcer.announce(this.i18n.t('crisis.copyFailed', { number: display }));
  }

  private selectManualCopy(key: string): void {
    const [resourceId, index] = key.split('#');
    const item = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="resource"]')].find(
      (li) => li.dataset.id === resourceId,
    );
    const number = item?.querySelectorAll('[part~="method"]')[Number(index)]?.querySelector('.copy-number');
    const selection = getSelection();
    if (number && selection) selection.selectAllChildren(number);
  }

  private staticFile(src: string): ApiClient {
    const { timeout, fetch } = this.config;
    return new ApiClient({ apiBase: folderOf(src), timeoutMs: timeout, ...(fetch ? { fetch } : {}) });
  }
}

function folderOf(src: string): string {
  const url = new URL(src, document.baseURI);
  return url.href.slice(0, url.href.lastIndexOf('/', url.href.length - url.search.length - 1));
}

function fileName(src: string): string {
  const url = new URL(src, document.baseURI);
  return `${url.pathname.slice(url.pathname.lastIndexOf('/') + 1)}${url.search}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'peer-crisis-resources': PeerCrisisResources;
  }
}
