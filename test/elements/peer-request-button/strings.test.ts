import { expect } from '@open-wc/testing';
import { requestButtonEn } from '../../../src/elements/peer-request-button/i18n/en.js';
import { requestButtonEs } from '../../../src/elements/peer-request-button/i18n/es.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
type Key = keyof typeof requestButtonEn;

describe('peer request button strings', () => {
  it('Spanish has every English key, with the same placeholders and no empty strings', () => {
    expect(Object.keys(requestButtonEs).sort()).to.deep.equal(Object.keys(requestButtonEn).sort());
    for (const key of Object.keys(requestButtonEn) as Key[]) {
      expect(requestButtonEs[key], key).to.be.a('string').and.not.equal('');
      expect(placeholders(requestButtonEs[key]), key).to.deep.equal(placeholders(requestButtonEn[key]));
    }
  });

  it('follow the safe-messaging rules: no labels, verdicts, alarm, guilt or promised response times', () => {
    const text = (Object.keys(requestButtonEn) as Key[])
      .map((key) => `${requestButtonEn[key]}\n${requestButtonEs[key]}`)
      .join('\n')
      .toLowerCase();
    for (const banned of [
      'committed suicide',
      'high risk',
      'alto riesgo',
      'diagnos',
      'diagnóst',
      'patient',
      'paciente',
      'disorder',
      'trastorno',
      'urgent!',
      'guaranteed',
      'garantiz',
      'within minutes',
      'within the hour',
      'will call you',
      'te llamará',
      'right away',
    ]) {
      expect(text.includes(banned), banned).to.equal(false);
    }
    // A wait is "about" a number the backend gave, never a promise.
    expect(requestButtonEn['request.status.wait']).to.match(/^The wait is about \{minutes\} min\.$/);
    expect(requestButtonEn['request.button.onShiftWait']).to.contain('about {minutes}');
  });

  it('say that supporters are students, not counsellors, and the limits of confidentiality, in both languages', () => {
    expect(requestButtonEn['request.dialog.intro']).to.contain('trained students, not counsellors');
    expect(requestButtonEs['request.dialog.intro']).to.contain('estudiantes formados, no consejeros');
    expect(requestButtonEn['request.consent.limits']).to.contain('on-call professional');
    expect(requestButtonEn['request.consent.limits']).to.contain('they will tell you');
    expect(requestButtonEs['request.consent.limits']).to.contain('profesional de guardia');
    expect(requestButtonEn['request.prefs.hint']).to.contain('cannot promise');
  });
});
