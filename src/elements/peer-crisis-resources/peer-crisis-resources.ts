/* eslint-disable lit-a11y/no-redundant-role -- role="list" is deliberate: Safari drops list semantics from lists styled with list-style: none. */
import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AnnouncerController } from '../../core/announcer.js';
import { ApiClient } from '../../core/api/api-client.js';
import { devWarn } from '../../core/dev.js';
import { PeerWidgetElement } from '../../core/peer-widget-element.js';
import type { ApiError } from '../../core/api/errors.js';
import { safeHref } from '../../core/safe-url.js';
import { bundledCountries, bundledEmergencyNumbers, bundledResources, BUNDLED_DATE } from './bundled-data.js';
import { crisisContactEvent } from './crisis-events.js';
import { crisisResourceListCheck, type ContactMethod, type CrisisResourceList } from './crisis-data.js';
import {
  emergencyBlock,
  emergencyCallLink,
  formatDate,
  heading,
  resourceItem,
  type CrisisView,
} from './crisis-templates.js';
import { mergeEmergencyNumbers, mergeResources } from './merge-resources.js';
import { crisisStyles } from './peer-crisis-resources.styles.js';
import { openStatus, sortByAvailability, type OpenStatus } from './open-status.js';
import { QuickExitShortcut, leaveNow } from './quick-exit.js';
import { browserRegionHint } from './region-hint.js';

const MINUTE = 60_000;
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
 * @slot - Fallback content a CMS editor pastes (for example a list of campus numbers as plain links). It is visible
 * before and without JavaScript, and stays until the backend or `src` provides campus services.
 *
 * @csspart panel - The whole panel.
 * @csspart heading - The panel's heading.
 * @csspart intro - The sentence under the heading.
 * @csspart quick-exit - The quick exit button.
 * @csspart quick-exit-hint - The text under the quick exit button.
 * @csspart emergency - The "Are you in immediate danger?" block.
 * @csspart emergency-heading - Its heading.
 * @csspart emergency-call - A call button for an emergency number.
 * @csspart lines-heading - The heading above the crisis lines.
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
 * @csspart status - Open or closed text; also `status-open` or `status-closed`.
 * @csspart address - A walk-in address.
 * @csspart directions - A link to directions.
 * @csspart verified - When and where a service's details were checked.
 * @csspart fallback - The box around the slotted fallback content.
 * @csspart stale-note - The note shown when the list could not be updated.
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
 * @fires peer-crisis-contact - A student followed a contact link or copied a number. `detail`: `{ resourceId,
 * method, action }`, never anything personal.
 */
export class PeerCrisisResources extends PeerWidgetElement {
  static readonly tagName = 'peer-crisis-resources';
  protected static override readonly needsBackend = false;
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

  @state() private chosenCountry?: string;
  @state() private expanded = false;

  private readonly announcer = new AnnouncerController(this);
  /** Shift pressed three times leaves the page, while quick exit is on. */
  protected readonly quickExit = new QuickExitShortcut(
    this,
    () => this.safeExitUrl,
    (url) => this.leave(url),
  );
  private timer?: ReturnType<typeof setInterval>;

  /** Campus data from the backend or `src`; never delays what is already on screen. */
  private readonly remote = new Task(this, {
    args: () => [this.src, this.config.apiBase, this.activeCountry, this.activeRegion, this.i18n.locale] as const,
    task: async ([src, apiBase, country, region, lang], { signal }) => {
      if (!country || (!src && !apiBase)) return undefined;
      const result = src
        ? await this.staticFile(src).get(fileName(src), { check: crisisResourceListCheck, signal })
        : await this.api.get('/crisis-resources', {
            query: { country, region, lang },
            check: crisisResourceListCheck,
            signal,
          });
      if (!result.ok) throw result.error;
      return result.data;
    },
  });

  /** The country in force: the student's choice, then the configuration, then a hint from the browser. */
  get activeCountry(): string | undefined {
    return this.chosenCountry ?? this.config.country ?? browserRegionHint();
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
    // Back on the page after a move: fetch again, since the last request was aborted when the element left.
    if (this.hasUpdated) void this.remote.run();
    // Open/closed changes with the clock: re-render once a minute while on the page.
    this.timer = setInterval(() => this.requestUpdate(), MINUTE);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.remote.abort();
    clearInterval(this.timer);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('exitUrl') && this.exitUrl && !this.safeExitUrl) {
      devWarn(this, `exit-url="${this.exitUrl}" is not an https:// address; quick exit is off.`);
    }
  }

  protected override render() {
    const view = this.view();
    const panel = this.panel(view);
    if (this.variant !== 'banner') return html`${panel}${this.announcer.region()}`;
    const emergency = this.emergencyNumbers()[0];
    return html`<div part="banner" class="banner">
        <p class="banner-text">${this.i18n.t('crisis.banner.text')}</p>
        ${emergency ? emergencyCallLink(view, emergency.number) : nothing}
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
    const resources = country ? this.sortedResources(country, data) : [];
    const numbers = this.emergencyNumbers();
    const error = this.remote.error as ApiError | undefined;
    const failed = (error !== undefined && error.kind !== 'aborted') || (data !== undefined && data.items.dropped > 0);
    const campusArrived = data?.items.items.some((resource) => resource.scope === 'campus') ?? false;
    return html`<section part="panel" class="panel" aria-labelledby="heading">
      ${heading(this.headingLevel, i18n.t('crisis.heading'), 'heading', 'heading')}
      <p part="intro">${i18n.t('crisis.intro')}</p>
      ${this.quickExitTemplate()}
      ${numbers.length ? emergencyBlock(view, numbers) : html`<p part="notice">${i18n.t('crisis.chooseCountry')}</p>`}
      ${
        resources.length
          ? html`${heading(this.headingLevel + 1, i18n.t('crisis.lines.heading'), 'lines-heading')}
              <ul part="list" class="list" role="list">
                ${resources.map((resource) => resourceItem(view, resource))}
              </ul>`
          : country && numbers.length
            ? html`<p part="notice">${i18n.t('crisis.none')}</p>`
            : nothing
      }
      <div part="fallback" class="fallback" ?hidden=${campusArrived}><slot></slot></div>
      ${
        failed
          ? html`<p part="stale-note" class="stale">
              ${i18n.t('crisis.stale', { date: formatDate(i18n, BUNDLED_DATE.slice(0, 10)) })}
            </p>`
          : nothing
      }
      ${this.countryPicker(country)}
    </section>`;
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

  private countryPicker(country: string | undefined) {
    const options = bundledCountries()
      .map((code) => ({ code, name: this.i18n.displayName('region', code) }))
      .sort((a, b) => a.name.localeCompare(b.name, this.i18n.lang));
    return html`<div part="region" class="region">
      <label for="country">${this.i18n.t('crisis.country')}</label>
      <select id="country" part="region-select" @change=${this.onCountryChange}>
        ${country ? nothing : html`<option value="" selected>—</option>`}
        ${options.map(({ code, name }) => html`<option value=${code} ?selected=${code === country}>${name}</option>`)}
      </select>
    </div>`;
  }

  private onCountryChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (value) this.chosenCountry = value;
  }

  private emergencyNumbers() {
    const country = this.activeCountry;
    if (!country) return [];
    return mergeEmergencyNumbers(country, bundledEmergencyNumbers(country), this.remote.value?.emergencyNumbers?.items);
  }

  private sortedResources(country: string, data: CrisisResourceList | undefined) {
    const merged = mergeResources(country, this.activeRegion, bundledResources(country), data?.items.items ?? []);
    const now = this.clock();
    // A service is as available as its most available contact method.
    const best = (statuses: OpenStatus[]) => sortByAvailability(statuses, (status) => status)[0] ?? UNKNOWN;
    return sortByAvailability(merged, (resource) =>
      best(resource.contactMethods.map((method) => openStatus(method.hours, now))),
    );
  }

  private view(): CrisisView {
    const now = this.clock();
    return {
      i18n: this.i18n,
      now,
      headingLevel: Math.min(Math.max(Math.trunc(this.headingLevel) || 2, 2), 4),
      statusOf: (method: ContactMethod): OpenStatus => openStatus(method.hours, now),
      onOpen: (resourceId, method) => this.contact(resourceId, method, 'open'),
      onCopy: (resourceId, method, value) => void this.copy(resourceId, method, value),
    };
  }

  private contact(resourceId: string, method: string, action: 'open' | 'copy'): void {
    this.dispatchEvent(crisisContactEvent({ resourceId, method, action }));
  }

  private async copy(resourceId: string, method: string, value: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(value);
      this.announcer.announce(this.i18n.t('crisis.copied', { number: value }));
    } catch {
      this.announcer.announce(this.i18n.t('crisis.copyFailed', { number: value }));
    }
    this.contact(resourceId, method, 'copy');
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
