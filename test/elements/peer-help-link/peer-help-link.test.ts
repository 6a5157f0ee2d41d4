import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/peer-help-link/define.js';
import type { PeerHelpLink } from '../../../src/elements/peer-help-link/peer-help-link.js';
import '../../../src/elements/peer-support-provider/define.js';

const shadow = (el: Element) => el.shadowRoot!;

describe('<peer-help-link>', () => {
  it('is a small, accessible button of at least 44 px', async () => {
    const el = await fixture<PeerHelpLink>(html`<peer-help-link country="US"></peer-help-link>`);
    const link = shadow(el).querySelector<HTMLButtonElement>('[part~="link"]')!;
    expect(link.textContent).to.contain('Need help now?');
    expect(link.getAttribute('aria-haspopup')).to.equal('dialog');
    expect(link.getBoundingClientRect().height).to.be.at.least(44);
    await expect(el).to.be.accessible();
  });

  it('opens crisis help in a modal dialog at once, by keyboard, and returns focus on Escape', async () => {
    const el = await fixture<PeerHelpLink>(html`<peer-help-link country="US"></peer-help-link>`);
    const link = shadow(el).querySelector<HTMLButtonElement>('[part~="link"]')!;
    link.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = shadow(el).querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    const resources = dialog.querySelector('peer-crisis-resources')!;
    await resources.updateComplete;
    // No network was needed for the numbers.
    expect(resources.shadowRoot!.textContent).to.contain('Call 911');
    expect(dialog.contains(shadow(el).activeElement)).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(shadow(el).activeElement).to.equal(link);
  });

  it('closes with its Close button', async () => {
    const el = await fixture<PeerHelpLink>(html`<peer-help-link country="US"></peer-help-link>`);
    await el.show();
    shadow(el).querySelector<HTMLButtonElement>('[part~="close"]')!.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('dialog')!.open).to.equal(false);
  });

  it('passes the provider’s configuration to the panel, in the page’s language', async () => {
    const provider = await fixture(
      html`<peer-support-provider country="GB" lang="es">
        <peer-help-link></peer-help-link>
      </peer-support-provider>`,
    );
    const el = provider.querySelector<PeerHelpLink>('peer-help-link')!;
    await el.show();
    const resources = shadow(el).querySelector('peer-crisis-resources')!;
    await resources.updateComplete;
    expect(resources.shadowRoot!.textContent).to.contain('999');
    expect(shadow(el).querySelector('[part~="link"]')!.textContent).to.contain('¿Necesitas ayuda ahora?');
  });

  it('hands the panel its configuration through context, not by writing attributes; its own attributes win', async () => {
    const fetch: typeof window.fetch = () => new Promise(() => {});
    const provider = await fixture(
      html`<peer-support-provider country="GB" api-base="/api/v1" timeout="5000">
        <peer-help-link country="ie" .fetch=${fetch}></peer-help-link>
      </peer-support-provider>`,
    );
    const el = provider.querySelector<PeerHelpLink>('peer-help-link')!;
    await el.show();
    const resources = shadow(el).querySelector('peer-crisis-resources')!;
    await resources.updateComplete;
    for (const name of ['country', 'api-base', 'region', 'timeout'])
      expect(resources.hasAttribute(name), name).to.equal(false);
    expect(resources.config).to.include({ country: 'IE', apiBase: '/api/v1', timeout: 5000, fetch });
    expect(resources.activeCountry).to.equal('IE');
    expect(resources.shadowRoot!.querySelector('[part~="emergency"] a[href="tel:112"]')).to.exist;
    // A change on the link reaches the open panel.
    el.country = 'NZ';
    await el.updateComplete;
    await resources.updateComplete;
    expect(resources.config.country).to.equal('NZ');
  });
});
