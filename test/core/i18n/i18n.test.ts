import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { en, type CoreMessageKey, type MessageKey } from '../../../src/core/i18n/en.js';
import { es } from '../../../src/core/i18n/es.js';
import { extendLocale, interpolate, lookup, matchLocale, registerLocale } from '../../../src/core/i18n/catalog.js';
import { directionOf, LocalizeController } from '../../../src/core/i18n/localize-controller.js';
import { nearestLang } from '../../../src/core/i18n/nearest-lang.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translation tables', () => {
  it('Spanish has every English key, with the same placeholders and no empty strings', () => {
    for (const key of Object.keys(en) as CoreMessageKey[]) {
      expect(es[key], key).to.be.a('string').and.not.equal('');
      expect(placeholders(es[key]), key).to.deep.equal(placeholders(en[key]));
    }
    expect(Object.keys(es).sort()).to.deep.equal(Object.keys(en).sort());
  });

  it('never uses "committed suicide" or diagnosis words', () => {
    const all = [...Object.values(en), ...Object.values(es)].join('\n').toLowerCase();
    expect(all).not.to.contain('committed suicide');
    expect(all).not.to.match(/you have (depression|anxiety)/);
  });
});

describe('catalog', () => {
  it('matches a locale by exact tag, then language, then English', () => {
    expect(matchLocale('es')).to.equal('es');
    expect(matchLocale('es-MX')).to.equal('es');
    expect(matchLocale('ES-419')).to.equal('es');
    expect(matchLocale('fr-CA')).to.equal('en');
    registerLocale('fr', { ...en, 'action.retry': 'Réessayer' });
    expect(matchLocale('fr-CA')).to.equal('fr');
    expect(lookup('fr', 'action.retry')).to.equal('Réessayer');
  });

  it('prefers a page override, then the table, then English', () => {
    expect(lookup('es', 'action.retry')).to.equal(es['action.retry']);
    expect(lookup('es', 'action.retry', { es: { 'action.retry': 'Otra vez' } })).to.equal('Otra vez');
    expect(lookup('es', 'action.retry', { en: { 'action.retry': 'Again' } })).to.equal(es['action.retry']);
    expect(lookup('xx', 'action.retry')).to.equal(en['action.retry']);
  });

  it("adds an element's strings without replacing what the page registered", () => {
    const key = 'test.element.greeting' as MessageKey;
    registerLocale('de', { [key]: 'Hallo von der Seite' } as Partial<Record<MessageKey, string>>);
    extendLocale('de', { [key]: 'Hallo', 'test.element.other': 'Anderes' });
    extendLocale('en', { [key]: 'Hello', 'test.element.other': 'Other' });
    expect(lookup('de', key)).to.equal('Hallo von der Seite');
    expect(lookup('de', 'test.element.other' as MessageKey)).to.equal('Anderes');
    // a locale without the element's table falls back to English, and a page's partial table keeps the core's
    registerLocale('es', { 'action.retry': 'Reintentar' });
    expect(lookup('es', key)).to.equal('Hello');
    expect(lookup('es', 'help.needHelpNow')).to.equal(es['help.needHelpNow']);
    registerLocale('es', { 'action.retry': es['action.retry'] });
  });

  it('answers only with strings a table holds, never with what every object inherits', () => {
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty'] as string[] as MessageKey[]) {
      expect(lookup('en', key)).to.equal(key);
      expect(lookup('es', key)).to.equal(key);
    }
  });

  it('keeps the first element table for a key, and a page string over both', () => {
    const key = 'test.element.twice' as MessageKey;
    const first = { [key]: 'first' };
    extendLocale('it', first);
    extendLocale('it', { [key]: 'second' });
    extendLocale('it', first);
    expect(lookup('it', key)).to.equal('first');
    registerLocale('it', { [key]: 'page' } as Partial<Record<MessageKey, string>>);
    registerLocale('it', { 'action.retry': 'Riprova' });
    expect(lookup('it', key)).to.equal('page');
    expect(lookup('it', 'action.retry')).to.equal('Riprova');
    expect(lookup('it', 'help.needHelpNow')).to.equal(en['help.needHelpNow']);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Try again in {seconds} s', { seconds: 5 })).to.equal('Try again in 5 s');
    expect(interpolate('Hello {name}', {})).to.equal('Hello {name}');
    expect(interpolate('No values')).to.equal('No values');
  });
});

class LocalizedThing extends LitElement {
  i18n = new LocalizeController(this);
  override render() {
    return html`<p>${this.i18n.t('action.retry')}</p>`;
  }
}
customElements.define('test-localized-thing', LocalizedThing);

describe('LocalizeController', () => {
  it('follows the nearest [lang], across shadow roots', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="es-MX"><test-localized-thing></test-localized-thing></div>`,
    );
    const thing = wrapper.querySelector('test-localized-thing') as LocalizedThing;
    await thing.updateComplete;
    expect(thing.i18n.lang).to.equal('es-MX');
    expect(thing.i18n.locale).to.equal('es');
    expect(thing.shadowRoot!.textContent).to.contain('Intentar de nuevo');

    const host = document.createElement('div');
    host.lang = 'es';
    host.attachShadow({ mode: 'open' }).innerHTML = '<span></span>';
    document.body.append(host);
    expect(nearestLang(host.shadowRoot!.querySelector('span')!)).to.equal('es');
    host.remove();
  });

  it('re-renders when the page changes language', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en"><test-localized-thing></test-localized-thing></div>`,
    );
    const thing = wrapper.querySelector('test-localized-thing') as LocalizedThing;
    await thing.updateComplete;
    expect(thing.shadowRoot!.textContent).to.contain('Try again');
    wrapper.lang = 'es';
    await new Promise((resolve) => setTimeout(resolve));
    await thing.updateComplete;
    expect(thing.shadowRoot!.textContent).to.contain('Intentar de nuevo');
  });

  it('formats with Intl in the element’s language and survives a malformed lang', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="es"><test-localized-thing></test-localized-thing></div>`,
    );
    const thing = wrapper.querySelector('test-localized-thing') as LocalizedThing;
    expect(thing.i18n.number(1234.5)).to.equal('1234,5');
    expect(thing.i18n.list(['a', 'b', 'c'])).to.equal('a, b y c');
    expect(thing.i18n.displayName('region', 'MX')).to.equal('México');
    expect(thing.i18n.displayName('language', 'en')).to.equal('inglés');
    expect(thing.i18n.displayName('region', 'not a code')).to.equal('not a code');
    expect(thing.i18n.dateTime(Date.UTC(2026, 0, 5, 12), { month: 'long', timeZone: 'UTC' })).to.equal('enero');
    wrapper.lang = 'not a language!';
    expect(thing.i18n.lang).to.equal('en');
    expect(thing.i18n.number(1234.5)).to.equal('1,234.5');
  });
});

describe('directionOf', () => {
  const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg']);
  const byIntl = (tag: string) => (RTL_SCRIPTS.has(new Intl.Locale(tag).maximize().script ?? '') ? 'rtl' : 'ltr');
  const languages = ['en', 'es', 'fr', 'de', 'it', 'pt', 'nl', 'pl', 'ru', 'uk', 'ja', 'ko', 'zh', 'vi', 'tr'];
  const rtlLanguages = ['ar', 'he', 'fa', 'ur', 'yi', 'dv', 'pa', 'ku', 'sd', 'az', 'uz', 'ks', 'ckb', 'ms', 'ha'];
  const regions = ['', 'US', 'MX', 'IL', 'IR', 'PK', 'AF', 'IN', 'CN', 'TW', 'IQ', 'TR', 'NG', 'SA', 'GB'];
  const scripts = ['', 'Latn', 'Arab', 'Hebr', 'Cyrl', 'Hant', 'Guru', 'Thaa'];

  it('answers as Intl does, for every language, script and region combination it shortcuts and more', () => {
    let compared = 0;
    for (const language of [...languages, ...rtlLanguages]) {
      for (const script of scripts) {
        for (const region of regions) {
          const tag = [language, script, region].filter(Boolean).join('-');
          expect(directionOf(tag), tag).to.equal(byIntl(tag));
          compared += 1;
        }
      }
    }
    expect(compared).to.equal(30 * 8 * 15);
  });

  it('reads a lower-case script subtag, and falls back on the language for a tag Intl refuses', () => {
    expect(directionOf('az-arab')).to.equal('rtl');
    expect(directionOf('pa-PK')).to.equal('rtl');
    expect(directionOf('pa-IN')).to.equal('ltr');
    expect(directionOf('ar-x-private-and-far-too-long-for-intl')).to.equal('rtl');
  });
});
