import { property } from 'lit/decorators.js';
import { ApiClient } from './api/api-client.js';
import { validTimeout, type PeerConfig } from './config.js';
import { PeerConfigController, type ResolvedConfig } from './config-controller.js';
import { devWarn } from './dev.js';
import { afterCrisisHelp, paintFirst } from './first-paint.js';
import type { StringOverrides } from './i18n/catalog.js';
import { LocalizeController } from './i18n/localize-controller.js';
import { PeerElement } from './peer-element.js';

/**
 * The base of the widgets (not the provider): the configuration attributes every widget shares, the merged
 * configuration, strings in the right language and an API client built from the configuration.
 *
 * @cssproperty --peer-font-family - Font of the widget. Defaults to the page's font.
 * @cssproperty --peer-color-text - Text colour. Defaults to the page's text colour.
 * @cssproperty --peer-color-surface - Background of cards and panels.
 * @cssproperty --peer-color-border - Borders.
 * @cssproperty --peer-color-accent - Buttons and links.
 * @cssproperty --peer-color-on-accent - Text on buttons.
 * @cssproperty --peer-color-focus - The focus ring.
 * @cssproperty --peer-radius - Corner radius.
 * @cssproperty --peer-space - Base spacing unit.
 * @cssproperty --peer-target-size - Minimum size of every control (WCAG 2.5.8 asks 24 px; we use 44 px).
 * @cssproperty --peer-campus-room - Crisis help (the panel, or the one "Need help now?" opens): the height kept for
 * campus services while they load, a length. By default the pasted fallback's own height; set it to about their
 * height on screen and nothing below them moves when they arrive.
 */
export class PeerWidgetElement extends PeerElement {
  /** Widgets that cannot work without a backend warn in development when none is configured. */
  protected static readonly needsBackend: boolean = true;

  /**
   * Whether this widget's first render gives way to crisis help. `false` (the crisis panel) paints first: the widgets
   * upgraded in the same task then render one task later (see `first-paint.ts`). A page without crisis help has
   * nothing to wait for, so widgets render at once. Later updates never wait.
   */
  protected static readonly deferFirstRender: boolean = true;

  /** Backend base URL (origin plus the contract's version path). Overrides the provider's. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** ISO 3166-1 alpha-2 country code. Overrides the provider's. */
  @property() country?: string;

  /** ISO 3166-2 subdivision code. Overrides the provider's. */
  @property() region?: string;

  /** Time limit for one request attempt, in milliseconds. Overrides the provider's. */
  @property({ type: Number }) timeout?: number;

  /** A replacement `fetch` (to add headers, or for tests). Overrides the provider's. */
  @property({ attribute: false }) fetch?: typeof fetch;

  /** Per-string overrides by locale, e.g. `{ en: { 'help.needHelpNow': 'Get help now' } }`. */
  @property({ attribute: false }) strings?: StringOverrides;

  protected readonly configuration = new PeerConfigController(this, () => this.ownConfig());
  protected readonly i18n = new LocalizeController(this, () => this.config.strings);

  private client?: ApiClient;
  private clientKey?: readonly unknown[];

  /** The configuration in force: this widget's, then the provider's, then the defaults. */
  get config(): ResolvedConfig {
    return this.configuration.value;
  }

  /** An API client for the configuration in force, rebuilt only when the backend, timeout or transport change. */
  protected get api(): ApiClient {
    const { apiBase = '', timeout, fetch } = this.config;
    const key = [apiBase, timeout, fetch];
    if (!this.client || !this.clientKey?.every((value, index) => value === key[index])) {
      this.client = new ApiClient({ apiBase, timeoutMs: timeout, ...(fetch ? { fetch } : {}) });
      this.clientKey = key;
    }
    return this.client;
  }

  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated && (this.constructor as typeof PeerWidgetElement).deferFirstRender) {
      const crisisHelp = afterCrisisHelp();
      if (crisisHelp) await crisisHelp;
    }
    super.scheduleUpdate();
  }

  override connectedCallback(): void {
    if (!this.hasUpdated && !(this.constructor as typeof PeerWidgetElement).deferFirstRender) paintFirst();
    super.connectedCallback();
    // Give a provider defined later in the page a moment to answer before warning.
    setTimeout(() => this.warnIfMisconfigured(), 0);
  }

  private ownConfig(): PeerConfig {
    return {
      apiBase: this.apiBase,
      country: this.country,
      region: this.region,
      timeout: this.timeout,
      fetch: this.fetch,
      strings: this.strings,
    };
  }

  private warnIfMisconfigured(): void {
    if (!this.isConnected) return;
    const needsBackend = (this.constructor as typeof PeerWidgetElement).needsBackend;
    if (needsBackend && !this.config.apiBase) {
      devWarn(
        this,
        'no backend is configured. Set api-base on this element or on a <peer-support-provider> around it.',
      );
    }
    if (this.timeout !== undefined && validTimeout(this.timeout) === undefined) {
      devWarn(
        this,
        `timeout="${this.timeout}" is not a number of milliseconds between 1000 and 120000; using the default.`,
      );
    }
  }
}
