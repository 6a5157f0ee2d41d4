import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/peer-support-provider/define.js';
import type { PeerSupportProvider } from '../../../src/elements/peer-support-provider/peer-support-provider.js';
import { TestWidget } from '../../helpers/test-widget.js';

customElements.define('test-config-widget', TestWidget);

const nextTask = () => new Promise((resolve) => setTimeout(resolve));

describe('<peer-support-provider>', () => {
  it('is defined and accessible, and lays out its children as if it were not there', async () => {
    const provider = await fixture<PeerSupportProvider>(
      html`<peer-support-provider api-base="/api/v1"><p>Content</p></peer-support-provider>`,
    );
    expect(provider).to.be.instanceOf(customElements.get('peer-support-provider')!);
    expect(getComputedStyle(provider).display).to.equal('contents');
    await expect(provider).to.be.accessible();
    expect(provider.version).to.be.a('string');
  });

  it('shares its configuration with every widget inside', async () => {
    const provider = await fixture<PeerSupportProvider>(html`
      <peer-support-provider api-base="https://peer.example.edu/api/v1" country="us" region="us-ca" timeout="5000">
        <section><test-config-widget></test-config-widget></section>
        <test-config-widget></test-config-widget>
      </peer-support-provider>
    `);
    const widgets = [...provider.querySelectorAll<TestWidget>('test-config-widget')];
    expect(widgets).to.have.length(2);
    for (const widget of widgets) {
      expect(widget.config.apiBase).to.equal('https://peer.example.edu/api/v1');
      expect(widget.config.country).to.equal('US');
      expect(widget.config.region).to.equal('US-CA');
      expect(widget.config.timeout).to.equal(5000);
    }
  });

  it("lets a widget's own attribute win, and falls back to defaults", async () => {
    const provider = await fixture<PeerSupportProvider>(html`
      <peer-support-provider api-base="/api/v1" country="US">
        <test-config-widget api-base="https://other.example.edu/api/v1" country="MX"></test-config-widget>
      </peer-support-provider>
    `);
    const widget = provider.querySelector<TestWidget>('test-config-widget')!;
    expect(widget.config.apiBase).to.equal('https://other.example.edu/api/v1');
    expect(widget.config.country).to.equal('MX');
    expect(widget.config.timeout).to.equal(10000);
  });

  it('updates widgets when its attributes change', async () => {
    const provider = await fixture<PeerSupportProvider>(html`
      <peer-support-provider api-base="/api/v1"><test-config-widget></test-config-widget></peer-support-provider>
    `);
    const widget = provider.querySelector<TestWidget>('test-config-widget')!;
    provider.setAttribute('api-base', '/api/v2');
    await provider.updateComplete;
    expect(widget.config.apiBase).to.equal('/api/v2');
  });

  it('reaches a widget that was upgraded before the provider was defined', async () => {
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const lateProvider = document.createElement('late-peer-provider');
    lateProvider.setAttribute('api-base', '/late/api/v1');
    const widget = document.createElement('test-config-widget') as TestWidget;
    lateProvider.append(widget);
    container.append(lateProvider);
    expect(widget.config.apiBase).to.equal(undefined);
    const { PeerSupportProvider: Provider } =
      await import('../../../src/elements/peer-support-provider/peer-support-provider.js');
    Provider.define('late-peer-provider');
    await nextTask();
    expect(widget.config.apiBase).to.equal('/late/api/v1');
  });

  it('passes the replacement fetch and string overrides; a widget overrides single strings', async () => {
    const calls: string[] = [];
    const replacement: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    };
    const provider = await fixture<PeerSupportProvider>(html`
      <peer-support-provider
        api-base="https://peer.example.edu/api/v1"
        .fetch=${replacement}
        .strings=${{ en: { 'help.needHelpNow': 'Urgent help', 'action.retry': 'Again' } }}
      >
        <test-config-widget .strings=${{ en: { 'action.retry': 'Retry now' } }}></test-config-widget>
      </peer-support-provider>
    `);
    const widget = provider.querySelector<TestWidget>('test-config-widget')!;
    await widget.updateComplete;
    expect(widget.shadowRoot!.textContent).to.contain('Urgent help');
    expect(widget.config.strings?.en).to.deep.equal({ 'help.needHelpNow': 'Urgent help', 'action.retry': 'Retry now' });
    expect(widget.config.fetch).to.equal(replacement);
    await widget.apiClient.get('/health', { check: (value: unknown) => ({ ok: true as const, value }) });
    expect(calls[0]).to.equal('https://peer.example.edu/api/v1/health');
  });

  it('gives the language to widgets through its lang attribute', async () => {
    const provider = await fixture<PeerSupportProvider>(html`
      <peer-support-provider lang="es"><test-config-widget></test-config-widget></peer-support-provider>
    `);
    const widget = provider.querySelector<TestWidget>('test-config-widget')!;
    await widget.updateComplete;
    expect(widget.shadowRoot!.textContent).to.contain('¿Necesitas ayuda ahora?');
  });

  describe('development warnings', () => {
    let warnings: string[];
    let originalWarn: typeof console.warn;
    beforeEach(() => {
      warnings = [];
      originalWarn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    });
    afterEach(() => {
      console.warn = originalWarn;
    });

    it('warns when a widget has no backend configured', async () => {
      await fixture(html`<test-config-widget id="lonely"></test-config-widget>`);
      await nextTask();
      expect(warnings.some((w) => w.includes('<test-config-widget>') && w.includes('no backend'))).to.equal(true);
    });

    it('warns about a misused provider attribute', async () => {
      await fixture(html`<peer-support-provider timeout="5" country="USA" api-base="ftp://x"></peer-support-provider>`);
      expect(warnings.some((w) => w.includes('timeout="5"'))).to.equal(true);
      expect(warnings.some((w) => w.includes('country="USA"'))).to.equal(true);
      expect(warnings.some((w) => w.includes('api-base="ftp://x"'))).to.equal(true);
    });
  });
});
