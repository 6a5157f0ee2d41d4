import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { defineElement } from '../../src/core/define.js';

describe('defineElement', () => {
  let warnings: unknown[][];
  let originalWarn: typeof console.warn;
  beforeEach(() => {
    warnings = [];
    originalWarn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
  });
  afterEach(() => {
    console.warn = originalWarn;
  });

  it('registers an element', () => {
    class First extends LitElement {}
    defineElement('test-define-first', First);
    expect(customElements.get('test-define-first')).to.equal(First);
    expect(warnings).to.have.length(0);
  });

  it('warns and does not throw when the same element is registered twice', () => {
    class Twice extends LitElement {}
    defineElement('test-define-twice', Twice);
    expect(() => defineElement('test-define-twice', Twice)).not.to.throw();
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]?.[0])).to.contain('included twice');
  });

  it('keeps the first class when another class claims the tag', () => {
    class Original extends LitElement {}
    class Other extends LitElement {}
    defineElement('test-define-claimed', Original);
    defineElement('test-define-claimed', Other);
    expect(customElements.get('test-define-claimed')).to.equal(Original);
    expect(String(warnings[0]?.[0])).to.contain('another script');
  });

  it('allows the same class under another tag name', () => {
    class Renamed extends LitElement {}
    defineElement('test-define-name-a', Renamed);
    defineElement('test-define-name-b', Renamed);
    const second = customElements.get('test-define-name-b');
    expect(second).to.exist;
    expect(second).not.to.equal(Renamed);
    expect(document.createElement('test-define-name-b')).to.be.instanceOf(Renamed);
  });
});
