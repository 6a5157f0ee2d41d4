import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/peer-crisis-resources/define.js';
import '../../src/elements/peer-support-provider/define.js';
import { mergeConfig, normalizeConfig, normalizeCountry } from '../../src/core/config.js';
import type { PeerCrisisResources } from '../../src/elements/peer-crisis-resources/peer-crisis-resources.js';

describe('configuration is normalised once, in core', () => {
  it('upper-cases and checks codes, trims and drops blanks, bounds the time limit', () => {
    expect(normalizeConfig({ country: ' us ', region: 'us-ma', apiBase: ' /api/v1 ', timeout: 5000 })).to.include({
      country: 'US',
      region: 'US-MA',
      apiBase: '/api/v1',
      timeout: 5000,
    });
    expect(normalizeConfig({ region: 'gb_eng' }).region).to.equal('GB-ENG');
    const junk = normalizeConfig({ country: 'USA', region: 'California', apiBase: '  ', timeout: 5 });
    expect([junk.country, junk.region, junk.apiBase, junk.timeout]).to.deep.equal([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('accepts exactly the countries the browser can name, and maps old codes as CLDR does, for all 676 pairs', () => {
    const notACountry = /^(AA|Q[M-Z]|X[A-JL-Z]|ZZ|EU|EZ|UN)$/;
    const names = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
    const differences: string[] = [];
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const region = new Intl.Locale(`und-${code}`).region ?? code;
        const expected = !notACountry.test(region) && names.of(region) ? region : undefined;
        const actual = normalizeCountry(code.toLowerCase());
        if (actual !== expected) differences.push(`${code}: ${String(actual)} ≠ ${String(expected)}`);
      }
    }
    expect(differences).to.deep.equal([]);
    expect([normalizeCountry('UK'), normalizeCountry('XK'), normalizeCountry('ZZ')]).to.deep.equal([
      'GB',
      'XK',
      undefined,
    ]);
  });

  it('lets a layer with an unusable value fall through to the next one', () => {
    expect(mergeConfig({ country: 'nowhere' }, { country: 'gb' }).country).to.equal('GB');
    expect(mergeConfig({ timeout: 10 }, { timeout: 3000 }).timeout).to.equal(3000);
  });

  for (const [how, markup] of [
    ['on the widget', html`<peer-crisis-resources country="us"></peer-crisis-resources>`],
    [
      'on the provider',
      html`<peer-support-provider country="us"><peer-crisis-resources></peer-crisis-resources></peer-support-provider>`,
    ],
    ['with spaces', html`<peer-crisis-resources country=" us "></peer-crisis-resources>`],
  ] as const) {
    it(`a lower-case country ${how} still shows its emergency number`, async () => {
      const root = await fixture<HTMLElement>(markup);
      const el = (root.localName === 'peer-crisis-resources' ? root : root.querySelector('peer-crisis-resources'))!;
      await (el as PeerCrisisResources).updateComplete;
      expect((el as PeerCrisisResources).activeCountry).to.equal('US');
      expect(el.shadowRoot!.querySelector('[part~="emergency"] a')!.getAttribute('href')).to.equal('tel:911');
    });
  }

  it('a lower-case region on the widget selects the regional lines the same way as an upper-case one', async () => {
    const el = await fixture<PeerCrisisResources>(
      html`<peer-crisis-resources country="us" region="us-ma"></peer-crisis-resources>`,
    );
    expect(el.config.region).to.equal('US-MA');
  });
});
