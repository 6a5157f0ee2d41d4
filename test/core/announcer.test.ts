import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { AnnouncerController } from '../../src/core/announcer.js';
import { hostStyles } from '../../src/core/styles.js';

class Announcing extends LitElement {
  static override styles = [hostStyles];
  announcer = new AnnouncerController(this);
  override render() {
    return html`<button>Act</button>${this.announcer.region()}`;
  }
}
customElements.define('test-announcing', Announcing);

const region = (el: Announcing) => el.shadowRoot!.querySelector('[role="status"]')!;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('AnnouncerController', () => {
  it('renders a polite, atomic live region that is visually hidden and accessible', async () => {
    const el = await fixture<Announcing>(html`<test-announcing></test-announcing>`);
    const live = region(el);
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(live.getAttribute('aria-atomic')).to.equal('true');
    expect(live.getAttribute('part')).to.equal('live-region');
    expect(live.getBoundingClientRect().width).to.be.at.most(1);
    await expect(el).to.be.accessible();
  });

  it('puts the message in the region after clearing it, so a repeat is spoken again', async () => {
    const el = await fixture<Announcing>(html`<test-announcing></test-announcing>`);
    el.announcer.announce('Request sent.');
    await el.updateComplete;
    expect(region(el).textContent!.trim()).to.equal('');
    await wait(80);
    await el.updateComplete;
    expect(region(el).textContent!.trim()).to.equal('Request sent.');
    el.announcer.announce('Request sent.');
    await el.updateComplete;
    expect(region(el).textContent!.trim()).to.equal('');
    await wait(80);
    await el.updateComplete;
    expect(el.announcer.current).to.equal('Request sent.');
  });

  it('does not announce after the element has left the page', async () => {
    const el = await fixture<Announcing>(html`<test-announcing></test-announcing>`);
    el.announcer.announce('Late message');
    el.remove();
    await wait(80);
    expect(el.announcer.current).to.equal('');
  });
});
