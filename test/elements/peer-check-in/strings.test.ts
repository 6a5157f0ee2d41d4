import { expect } from '@open-wc/testing';
import { expectNeverSaid, expectSameKeysAndPlaceholders } from '../../helpers/string-tables.js';
import { checkInEn } from '../../../src/elements/peer-check-in/i18n/en.js';
import { checkInEs } from '../../../src/elements/peer-check-in/i18n/es.js';

type Key = keyof typeof checkInEn;

describe('check-in strings', () => {
  it('Spanish has every English key, with the same placeholders and no empty strings', () => {
    expectSameKeysAndPlaceholders(checkInEn, checkInEs);
  });

  it('follow the safe-messaging rules: no labels, scores, verdicts or guilt in anything we wrote', () => {
    // The instruments' own published items are exempt: they must stay word for word.
    const ours = (Object.keys(checkInEn) as Key[]).filter(
      (key) => !/^checkIn\.(who5|phq4)\.(item|answer|down|interest|nervous|worrying)/.test(key),
    );
    expectNeverSaid(
      checkInEn,
      checkInEs,
      ['severe', 'grave', 'score', 'puntaje', 'puntuación', 'streak', 'racha'],
      ours,
    );
    // "diagnosis" appears only to say that this is not one
    const text = ours
      .map((key) => `${checkInEn[key]}\n${checkInEs[key]}`)
      .join('\n')
      .toLowerCase();
    for (const match of text.matchAll(/diagn[oó]stic|diagnos/g)) {
      const around = text.slice(Math.max(0, match.index - 20), match.index);
      expect(/not a |no es un /.test(around), around).to.equal(true);
    }
  });

  it('keep the instruments’ attribution lines', () => {
    expect(checkInEn['checkIn.who5.attribution']).to.contain('Psychiatric Centre North Zealand');
    expect(checkInEn['checkIn.phq4.attribution']).to.contain('No permission required to reproduce');
    expect(checkInEs['checkIn.phq4.attribution']).to.contain('Spitzer');
  });
});
