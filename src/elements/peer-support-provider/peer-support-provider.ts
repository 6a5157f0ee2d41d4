import { ContextProvider } from '@lit/context';
import { css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import {
  normalizeConfig,
  normalizeCountry,
  peerConfigContext,
  validTimeout,
  type PeerConfig,
} from '../../core/config.js';
import { devWarn } from '../../core/dev.js';
import type { StringOverrides } from '../../core/i18n/catalog.js';
import { PeerElement } from '../../core/peer-element.js';

/**
 * @tag peer-support-provider
 * @summary Shares one configuration (backend, region, time limit, strings) with every peer-support widget inside it.
 *
 * @description Wrap the widgets on a page in one provider so the backend is set once. A widget's own attribute
 * wins over the provider's. The provider renders nothing of its own: its children are laid out as if it were not
 * there (`display: contents`).
 *
 * @attr lang - Language for the widgets inside (BCP 47, e.g. "es"); the page's `lang` applies when unset.
 *
 * @slot - The widgets, and any other content of the page.
 *
 * @example
 * ```html
 * <peer-support-provider api-base="https://peer.example.edu/api/v1" country="US" region="US-CA">
 *   <peer-crisis-resources></peer-crisis-resources>
 * </peer-support-provider>
 * ```
 */
export class PeerSupportProvider extends PeerElement {
  /** The tag name `define()` registers this class under when it is given none. */
  static readonly tagName = 'peer-support-provider';

  static override styles = [
    ...PeerElement.styles,
    css`
      :host {
        display: contents;
      }
    `,
  ];

  /** Base URL of a compatible backend, including its version path (e.g. "https://peer.example.edu/api/v1"). */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** ISO 3166-1 alpha-2 country code for crisis numbers, e.g. "US". */
  @property() country = '';

  /** ISO 3166-2 subdivision code, e.g. "US-CA". */
  @property() region = '';

  /** Time limit for one request attempt, in milliseconds (1000–120000). */
  @property({ type: Number }) timeout?: number;

  /** A replacement `fetch` for every widget inside (to add auth headers, or for tests). */
  @property({ attribute: false }) fetch?: typeof fetch;

  /** Per-string overrides by locale for every widget inside. */
  @property({ attribute: false }) strings?: StringOverrides;

  private readonly provider = new ContextProvider(this, { context: peerConfigContext, initialValue: {} });

  /** The configuration this provider shares, normalised like every other layer (codes upper-cased, blanks dropped). */
  get config(): PeerConfig {
    return normalizeConfig({
      apiBase: this.apiBase,
      country: this.country,
      region: this.region,
      timeout: this.timeout,
      fetch: this.fetch,
      strings: this.strings,
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.size > 0) this.provider.setValue(this.config);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('timeout') && this.timeout !== undefined && validTimeout(this.timeout) === undefined) {
      devWarn(this, `timeout="${this.timeout}" is not between 1000 and 120000 milliseconds; using the default.`);
    }
    if (changed.has('country') && this.country && !normalizeCountry(this.country)) {
      devWarn(this, `country="${this.country}" is not an ISO 3166-1 alpha-2 code such as "US".`);
    }
    if (changed.has('apiBase') && this.apiBase && !isPlausibleApiBase(this.apiBase)) {
      devWarn(this, `api-base="${this.apiBase}" should be an https:// URL or a path such as "/api/v1".`);
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

function isPlausibleApiBase(value: string): boolean {
  if (value.startsWith('/')) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'peer-support-provider': PeerSupportProvider;
  }
}
