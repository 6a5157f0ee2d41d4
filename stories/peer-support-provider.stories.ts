import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { css, html, nothing } from 'lit';
import { PeerWidgetElement } from '../src/core/peer-widget-element.js';
import { PeerSupportProvider } from '../src/elements/peer-support-provider/peer-support-provider.js';

// Registered here, not through a side-effect import of define.ts: package.json "sideEffects" names only dist files,
// so a bundler working from source (Storybook's Vite) would drop an import that is used for its side effect alone.
PeerSupportProvider.define();

/**
 * A story-only widget that shows the configuration it received: what the provider shared, merged with the
 * widget's own attributes, and a string in the language that applies to it.
 */
class PeerStoryConfigView extends PeerWidgetElement {
  static readonly tagName = 'peer-story-config-view';
  protected static override readonly needsBackend = false;

  static override styles = [
    ...PeerWidgetElement.styles,
    css`
      :host {
        border: 1px dashed var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        max-inline-size: 36rem;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem 1rem;
        margin: 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
    `,
  ];

  override render() {
    const { apiBase, country, region, timeout, strings } = this.config;
    const none = html`<em>not set</em>`;
    return html`
      <p part="greeting">${this.i18n.t('help.needHelpNow')}</p>
      <dl part="config">
        <dt>api-base</dt>
        <dd>${apiBase || none}</dd>
        <dt>country</dt>
        <dd>${country || none}</dd>
        <dt>region</dt>
        <dd>${region || none}</dd>
        <dt>timeout</dt>
        <dd>${this.i18n.number(timeout)} ms</dd>
        <dt>language</dt>
        <dd>${this.i18n.lang} (strings: ${this.i18n.locale})</dd>
        <dt>string overrides</dt>
        <dd>${strings ? Object.keys(strings).join(', ') : none}</dd>
        <dt>version</dt>
        <dd>${this.version}</dd>
      </dl>
    `;
  }
}
PeerStoryConfigView.define();

declare global {
  interface HTMLElementTagNameMap {
    'peer-story-config-view': PeerStoryConfigView;
  }
}

interface ProviderArgs {
  apiBase: string;
  country: string;
  region: string;
  timeout?: number;
  lang?: string;
  /** Attributes set on the widget itself, which win over the provider's. */
  widgetApiBase?: string;
  widgetCountry?: string;
}

const meta: Meta<ProviderArgs> = {
  title: 'Elements/peer-support-provider',
  component: 'peer-support-provider',
  args: {
    apiBase: 'https://peer.example.edu/api/v1',
    country: 'US',
    region: 'US-CA',
    timeout: 10000,
  },
  argTypes: {
    apiBase: { control: 'text', description: 'Provider `api-base`' },
    country: { control: 'text', description: 'Provider `country`' },
    region: { control: 'text', description: 'Provider `region`' },
    timeout: { control: { type: 'number', min: 1000, max: 120000, step: 1000 }, description: 'Provider `timeout`' },
    lang: { control: 'text', description: 'Provider `lang` (the page language applies when empty)' },
    widgetApiBase: { control: 'text', description: "The widget's own `api-base`" },
    widgetCountry: { control: 'text', description: "The widget's own `country`" },
  },
  render: (args) => html`
    <peer-support-provider
      api-base=${args.apiBase || nothing}
      country=${args.country || nothing}
      region=${args.region || nothing}
      timeout=${args.timeout ?? nothing}
      lang=${args.lang || nothing}
    >
      <peer-story-config-view
        api-base=${args.widgetApiBase || nothing}
        country=${args.widgetCountry || nothing}
      ></peer-story-config-view>
    </peer-support-provider>
  `,
};

export default meta;

type Story = StoryObj<ProviderArgs>;

/** One provider configures the widget inside it. */
export const Default: Story = {};

/** The widget's own `api-base` and `country` win over the provider's; the rest still comes from the provider. */
export const WidgetAttributeOverridesProvider: Story = {
  args: {
    widgetApiBase: 'https://counselling.example.edu/api/v1',
    widgetCountry: 'CA',
  },
};

/** `lang="es"` on the provider gives the widgets inside Spanish strings, whatever the page's language. */
export const Spanish: Story = {
  args: { lang: 'es' },
};

/** A right-to-left page: layout follows `dir` through logical properties. */
export const RightToLeft: Story = {
  globals: { direction: 'rtl' },
};
