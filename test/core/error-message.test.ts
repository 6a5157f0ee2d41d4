import { expect } from '@open-wc/testing';
import { errorMessage, rateLimitWait } from '../../src/core/error-message.js';
import { interpolate } from '../../src/core/i18n/catalog.js';
import { en } from '../../src/core/i18n/en.js';
import { es } from '../../src/core/i18n/es.js';

describe('errorMessage', () => {
  it('maps every kind of failure to plain words with a way forward', () => {
    expect(errorMessage({ kind: 'not-configured' }, 'en')).to.deep.equal({ key: 'error.notConfigured' });
    expect(errorMessage({ kind: 'network', message: 'Failed to fetch' }, 'en')).to.deep.equal({ key: 'error.network' });
    expect(errorMessage({ kind: 'timeout' }, 'en')).to.deep.equal({ key: 'error.timeout' });
    expect(errorMessage({ kind: 'invalid-response', reason: 'invalid-json' }, 'en')).to.deep.equal({
      key: 'error.invalidResponse',
    });
    expect(errorMessage({ kind: 'http', status: 500 }, 'en')).to.deep.equal({ key: 'error.server' });
  });

  it('says when to try again after a rate limit, in whole seconds under a minute and whole minutes after', () => {
    const rateLimited = (retryAfterSeconds: number, lang = 'en') =>
      errorMessage({ kind: 'http', status: 429, retryAfterSeconds }, lang);
    expect(rateLimited(7.2)).to.deep.equal({ key: 'error.rateLimited.seconds.other', values: { count: 8 } });
    expect(rateLimited(0.4)).to.deep.equal({ key: 'error.rateLimited.seconds.one', values: { count: 1 } });
    expect(rateLimited(1)).to.deep.equal({ key: 'error.rateLimited.seconds.one', values: { count: 1 } });
    expect(rateLimited(59)).to.deep.equal({ key: 'error.rateLimited.seconds.other', values: { count: 59 } });
    expect(rateLimited(60)).to.deep.equal({ key: 'error.rateLimited.minutes.one', values: { count: 1 } });
    expect(rateLimited(61)).to.deep.equal({ key: 'error.rateLimited.minutes.other', values: { count: 2 } });
    expect(rateLimited(508)).to.deep.equal({ key: 'error.rateLimited.minutes.other', values: { count: 9 } });
    // The table's own plural rules; a tag Intl refuses counts like English.
    expect(rateLimited(1, 'es')).to.deep.equal({ key: 'error.rateLimited.seconds.one', values: { count: 1 } });
    expect(rateLimited(1, 'not a tag!')).to.deep.equal({ key: 'error.rateLimited.seconds.one', values: { count: 1 } });
    expect(errorMessage({ kind: 'http', status: 429 }, 'en')).to.deep.equal({ key: 'error.server' });
    // A wait of 0 is over already: never "try again in 1 second".
    expect(rateLimited(0)).to.deep.equal({ key: 'error.server' });
    expect(rateLimitWait({ kind: 'http', status: 429, retryAfterSeconds: 0 }, 'en')).to.equal(undefined);
    expect(rateLimitWait({ kind: 'http', status: 503, retryAfterSeconds: 30 }, 'en')).to.equal(undefined);
    expect(rateLimitWait({ kind: 'timeout' }, 'en')).to.equal(undefined);
    expect(rateLimitWait({ kind: 'http', status: 429, retryAfterSeconds: 30 }, 'en')).to.deep.equal({
      key: 'error.rateLimited.seconds.other',
      values: { count: 30 },
    });
  });

  it('reads every wait in both tables in its plural form, never "1 seconds"', () => {
    for (const [table, lang, one, many, minute] of [
      [en, 'en', 'in 1 second.', 'in 30 seconds.', 'in 1 minute.'],
      [es, 'es', 'en 1 segundo.', 'en 30 segundos.', 'en 1 minuto.'],
    ] as const) {
      const words = (seconds: number) => {
        const { key, values } = errorMessage({ kind: 'http', status: 429, retryAfterSeconds: seconds }, lang);
        return interpolate(table[key as keyof typeof en], values);
      };
      expect(words(1)).to.match(new RegExp(`${one}$`));
      expect(words(30)).to.match(new RegExp(`${many}$`));
      expect(words(60)).to.match(new RegExp(`${minute}$`));
      for (let seconds = 1; seconds <= 7200; seconds += 7)
        expect(words(seconds)).not.to.match(/\b1 (seconds|segundos|minutes|minutos)\b/);
    }
  });
});
