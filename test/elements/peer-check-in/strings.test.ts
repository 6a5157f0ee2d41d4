import { expect } from '@open-wc/testing';
import { expectNeverSaid, expectSameKeysAndPlaceholders } from '../../helpers/string-tables.js';
import { checkInEn } from '../../../src/elements/peer-check-in/i18n/en.js';
import { checkInEs } from '../../../src/elements/peer-check-in/i18n/es.js';
import { historyEn, historyEs } from '../../../src/elements/peer-check-in/history/i18n.js';
import { es as coreEs } from '../../../src/core/i18n/es.js';

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

  it('name each mood level the same in the form and in the history, in English and Spanish', () => {
    for (const [form, history] of [
      [checkInEn, historyEn],
      [checkInEs, historyEs],
    ] as const) {
      for (const level of [1, 2, 3, 4, 5] as const) {
        expect(history[`checkIn.history.mood.${level}`], `level ${level}`).to.equal(form[`checkIn.mood.${level}`]);
      }
    }
  });

  it('use one Spanish word for a check-in (chequeo) in the form, result, reminder and history', () => {
    const spanish = [...Object.values(checkInEs), ...Object.values(historyEs)].join('\n').toLowerCase();
    expect(/\bregistros?\b/.test(spanish), 'says "registro"').to.equal(false);
    expect(spanish).to.contain('chequeo');
    expect(historyEs['checkIn.history.heading'].toLowerCase()).to.contain('chequeos');
    expect(checkInEs['checkIn.reminder.title'].toLowerCase()).to.contain('chequeo');
  });

  it('offer crisis help in Spanish with the same verb in the next step and on the crisis panel', () => {
    // "Pedir ayuda ahora" (a button, infinitive) opens the panel headed "Pide ayuda ahora" (a heading, "tú")
    expect(checkInEs['checkIn.next.crisis']).to.equal('Pedir ayuda ahora');
    expect(coreEs['crisis.heading']).to.equal('Pide ayuda ahora');
  });

  it('thank the student once on a result page, also after a "yes" to the safety question', () => {
    // A result shows its heading, one message, and (after a "yes") the crisis panel's heading and text.
    const onAResult = (Object.keys(checkInEn) as Key[]).filter((key) =>
      /^checkIn\.(result\.|safety\.(heading|text)$|help\.heading$)/.test(key),
    );
    for (const table of [checkInEn, checkInEs]) {
      const thanks = onAResult.filter((key) => /thank|gracias/i.test(table[key]));
      expect(thanks, table['checkIn.result.heading']).to.deep.equal(['checkIn.result.heading']);
    }
  });

  it('never imply that things will get worse', () => {
    for (const table of [checkInEn, checkInEs, historyEn, historyEs]) {
      for (const [key, text] of Object.entries(table)) {
        expect(/worse|worsen|empeor|peor\b/i.test(text), `${key}: ${text}`).to.equal(false);
      }
    }
  });
});
