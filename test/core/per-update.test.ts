import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { PerUpdate } from '../../src/core/per-update.js';

class CountingHost extends LitElement {
  computed = 0;
  readsInRender = 0;
  readonly value = new PerUpdate(this, () => ++this.computed);
  override render() {
    for (let i = 0; i < 5; i++) this.readsInRender = this.value.get();
    return html``;
  }
}
customElements.define('per-update-host', CountingHost);

describe('PerUpdate', () => {
  it('works a value out once per update however often a render reads it, and afresh outside updates', async () => {
    const el = await fixture<CountingHost>(html`<per-update-host></per-update-host>`);
    expect(el.computed).to.equal(1);
    el.requestUpdate();
    await el.updateComplete;
    expect(el.computed).to.equal(2);
    expect(el.value.get()).to.equal(3);
    expect(el.value.get()).to.equal(4);
  });
});
