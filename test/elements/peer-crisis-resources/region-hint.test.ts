import { expect } from '@open-wc/testing';
import { browserRegionHint, regionHint } from '../../../src/elements/peer-crisis-resources/logic/region-hint.js';

/** The zones Intl itself lists for a region (Intl Locale Info; Chromium has `getTimeZones`, older builds a getter). */
function zonesOf(region: string): string[] {
  const locale = new Intl.Locale(`und-${region}`) as Intl.Locale & {
    getTimeZones?: () => string[];
    timeZones?: string[];
  };
  return locale.getTimeZones?.() ?? locale.timeZones ?? [];
}

describe('regionHint', () => {
  describe('from language tags', () => {
    it('takes the region subtag of a tag', () => {
      expect(regionHint({ languages: ['en-GB'] })).to.equal('GB');
      expect(regionHint({ languages: ['zh-Hant-TW', 'en'] })).to.equal('TW');
      expect(regionHint({ languages: ['sr-Latn-XK'] })).to.equal('XK');
    });

    it('skips numeric regions such as 419 (Latin America) and takes the next tag’s', () => {
      expect(regionHint({ languages: ['es-419', 'es-MX'] })).to.equal('MX');
      expect(regionHint({ languages: ['es-419'], timeZone: 'America/Bogota' })).to.equal('CO');
    });

    it('follows the order of preference when there is no time zone to go by', () => {
      expect(regionHint({ languages: ['fr-CA', 'en-US'] })).to.equal('CA');
      expect(regionHint({ languages: ['en', 'de-AT'] })).to.equal('AT');
      expect(regionHint({ languages: ['en', 'de-AT'], timeZone: 'UTC' })).to.equal('AT');
    });

    it('copes with lower-case, underscores, old codes and malformed tags', () => {
      expect(regionHint({ languages: ['en-gb'] })).to.equal('GB');
      expect(regionHint({ languages: ['EN-GB'] })).to.equal('GB');
      expect(regionHint({ languages: ['en_AU'] })).to.equal('AU');
      expect(regionHint({ languages: [' pt-br '] })).to.equal('BR');
      expect(regionHint({ languages: ['en-UK'] })).to.equal('GB');
      const junk = ['', 'english', 'x-private', 'en-US;q=0.9', '--', 'en-XA', 'ar-XB', 'und-ZZ', 'en-EU', 'en-001'];
      expect(regionHint({ languages: [...junk, 'nl-BE'] })).to.equal('BE');
      expect(regionHint({ languages: junk })).to.equal(undefined);
      expect(regionHint({ languages: [undefined, null, 42] as unknown as string[] })).to.equal(undefined);
    });
  });

  describe('from the time zone', () => {
    it('maps common zones to their country when no tag has a region', () => {
      expect(regionHint({ languages: ['en'], timeZone: 'America/Chicago' })).to.equal('US');
      expect(regionHint({ languages: ['fr'], timeZone: 'Europe/Paris' })).to.equal('FR');
      expect(regionHint({ languages: [], timeZone: 'Asia/Calcutta' })).to.equal('IN');
      expect(regionHint({ languages: [], timeZone: 'Asia/Kolkata' })).to.equal('IN');
      expect(regionHint({ languages: [], timeZone: 'Europe/Kiev' })).to.equal('UA');
      expect(regionHint({ languages: [], timeZone: 'America/Argentina/Buenos_Aires' })).to.equal('AR');
      expect(regionHint({ languages: [], timeZone: 'Pacific/Auckland' })).to.equal('NZ');
      expect(regionHint({ languages: [], timeZone: 'Africa/Lagos' })).to.equal('NG');
      expect(regionHint({ languages: [], timeZone: 'US/Pacific' })).to.equal('US');
      expect(regionHint({ languages: [], timeZone: 'australia/sydney' })).to.equal('AU');
    });

    it('gives undefined for zones it does not know or that name no country', () => {
      expect(regionHint({ languages: ['de'], timeZone: 'Mars/Olympus_Mons' })).to.equal(undefined);
      expect(regionHint({ languages: ['de'], timeZone: 'UTC' })).to.equal(undefined);
      expect(regionHint({ languages: ['de'], timeZone: 'Etc/GMT+3' })).to.equal(undefined);
      expect(regionHint({ languages: ['de'], timeZone: '' })).to.equal(undefined);
      expect(regionHint({ languages: ['de'] })).to.equal(undefined);
      expect(regionHint({ languages: [] })).to.equal(undefined);
    });

    it('covers every zone Intl lists for the countries most common on campuses', () => {
      for (const country of [
        'US',
        'CA',
        'AU',
        'MX',
        'BR',
        'GB',
        'IE',
        'DE',
        'FR',
        'ES',
        'IN',
        'CN',
        'JP',
        'KR',
        'NG',
        'ZA',
        'KE',
      ]) {
        const zones = zonesOf(country);
        expect(zones, `Intl lists zones for ${country}`).to.not.be.empty;
        for (const timeZone of zones) {
          expect(regionHint({ languages: ['en'], timeZone }), timeZone).to.equal(country);
        }
      }
    });
  });

  describe('where the student is now wins', () => {
    it('takes the time zone’s country over the language tags’', () => {
      expect(regionHint({ languages: ['zh-CN'], timeZone: 'America/New_York' })).to.equal('US');
      expect(regionHint({ languages: ['en-US'], timeZone: 'Europe/London' })).to.equal('GB');
      expect(regionHint({ languages: ['hi-IN', 'en-IN'], timeZone: 'Europe/London' })).to.equal('GB');
      expect(regionHint({ languages: ['fr-CA', 'en-US'], timeZone: 'America/New_York' })).to.equal('US');
      expect(regionHint({ languages: ['en', 'de-AT'], timeZone: 'Europe/Berlin' })).to.equal('DE');
      expect(regionHint({ languages: ['ko-KR'], timeZone: 'Australia/Melbourne' })).to.equal('AU');
    });

    it('lets the language tags break a tie between the countries that share a zone', () => {
      // Europe/Zurich is Switzerland's and Liechtenstein's; Europe/Rome is Italy's, San Marino's and the Vatican's.
      expect(regionHint({ languages: ['de-LI'], timeZone: 'Europe/Zurich' })).to.equal('LI');
      expect(regionHint({ languages: ['en-US', 'de-LI'], timeZone: 'Europe/Zurich' })).to.equal('LI');
      expect(regionHint({ languages: ['en-GB', 'it-SM'], timeZone: 'Europe/Rome' })).to.equal('SM');
      expect(regionHint({ languages: ['ar-OM', 'en'], timeZone: 'Asia/Dubai' })).to.equal('OM');
      // The first tag naming one of the zone's countries wins.
      expect(regionHint({ languages: ['it-VA', 'it-SM'], timeZone: 'Europe/Rome' })).to.equal('VA');
    });

    it('takes the zone’s usual country when no language tag names one of those sharing it', () => {
      expect(regionHint({ languages: ['en-US'], timeZone: 'Europe/Zurich' })).to.equal('CH');
      expect(regionHint({ languages: ['de-DE', 'de'], timeZone: 'Europe/Zurich' })).to.equal('CH');
      expect(regionHint({ languages: ['it'], timeZone: 'Europe/Rome' })).to.equal('IT');
      expect(regionHint({ languages: ['hi-IN'], timeZone: 'Asia/Dubai' })).to.equal('AE');
      expect(regionHint({ languages: [], timeZone: 'Europe/Paris' })).to.equal('FR');
    });

    it('does not treat one zone under two areas as a tie', () => {
      expect(regionHint({ languages: ['en-GB'], timeZone: 'Europe/Istanbul' })).to.equal('TR');
      expect(regionHint({ languages: ['en-GB'], timeZone: 'Asia/Istanbul' })).to.equal('TR');
      expect(regionHint({ languages: ['el-GR'], timeZone: 'Asia/Nicosia' })).to.equal('CY');
    });

    it('falls back to the language tags for a zone it does not know', () => {
      expect(regionHint({ languages: ['en-GB'], timeZone: 'Mars/Olympus_Mons' })).to.equal('GB');
      expect(regionHint({ languages: ['es-419', 'es-CL'], timeZone: 'Antarctica/Troll' })).to.equal('CL');
      expect(regionHint({ languages: ['pt-BR'], timeZone: '' })).to.equal('BR');
    });

    it('falls back to the language tags for UTC and Etc/* zones, which name no country', () => {
      expect(regionHint({ languages: ['zh-CN'], timeZone: 'UTC' })).to.equal('CN');
      expect(regionHint({ languages: ['en-US'], timeZone: 'Etc/UTC' })).to.equal('US');
      expect(regionHint({ languages: ['de', 'de-CH'], timeZone: 'Etc/GMT-1' })).to.equal('CH');
      expect(regionHint({ languages: ['en-AU'], timeZone: 'Etc/GMT' })).to.equal('AU');
    });
  });

  describe('browserRegionHint', () => {
    it('reads this browser’s languages and time zone', () => {
      const expected = regionHint({
        languages: navigator.languages,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
      expect(browserRegionHint()).to.equal(expected);
    });
  });
});
