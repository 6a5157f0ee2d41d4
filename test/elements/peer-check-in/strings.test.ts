import { expect } from '@open-wc/testing';
import { checkInEn } from '../../../src/elements/peer-check-in/i18n/en.js';
import { checkInEs } from '../../../src/elements/peer-check-in/i18n/es.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
type Key = keyof typeof checkInEn;

describe('check-in strings', () => {
  it('Spanish has every English key, with the same placeholders and no empty strings', () => {
    expect(Object.keys(checkInEs).sort()).to.deep.equal(Object.keys(checkInEn).sort());
    for (const key of Object.keys(checkInEn) as Key[]) {
      expect(checkInEs[key], key).to.be.a('string').and.not.equal('');
      expect(placeholders(checkInEs[key]), key).to.deep.equal(placeholders(checkInEn[key]));
    }
  });

  it('follow the safe-messaging rules: no labels, scores, verdicts or guilt in anything we wrote', () => {
    // The instruments' own published items are exempt: they must stay word for word.
    const ours = (Object.keys(checkInEn) as Key[]).filter(
      (key) => !/^checkIn\.(who5|phq4)\.(item|answer|down|interest|nervous|worrying)/.test(key),
    );
    const text = ours
      .map((key) => `${checkInEn[key]}\n${checkInEs[key]}`)
      .join('\n')
      .toLowerCase();
    for (const banned of [
      'committed suicide',
      'you have depression',
      'you are depressed',
      'high risk',
      'severe',
      'grave',
      'score',
      'puntaje',
      'puntuación',
      'streak',
      'racha',
      'disorder',
      'trastorno',
    ]) {
      expect(text, banned).not.to.contain(banned);
    }
    // "diagnosis" appears only to say that this is not one
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
