import { expect } from '@open-wc/testing';
import { groupFinderEn } from '../../../src/elements/peer-group-finder/i18n/en.js';
import { groupFinderEs } from '../../../src/elements/peer-group-finder/i18n/es.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
type Key = keyof typeof groupFinderEn;

describe('group finder strings', () => {
  it('Spanish has every English key, with the same placeholders and no empty strings', () => {
    expect(Object.keys(groupFinderEs).sort()).to.deep.equal(Object.keys(groupFinderEn).sort());
    for (const key of Object.keys(groupFinderEn) as Key[]) {
      expect(groupFinderEs[key], key).to.be.a('string').and.not.equal('');
      expect(placeholders(groupFinderEs[key]), key).to.deep.equal(placeholders(groupFinderEn[key]));
    }
  });

  it('follow the safe-messaging rules: no labels, verdicts, alarm or guilt, and no promise of a seat from a waitlist', () => {
    const text = (Object.keys(groupFinderEn) as Key[])
      .map((key) => `${groupFinderEn[key]}\n${groupFinderEs[key]}`)
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
      'streak',
      'racha',
      'urgent!',
      'guaranteed',
      'garantiz',
    ]) {
      expect(text.includes(banned), banned).to.equal(false);
    }
    // The waitlist is a place in line: said as a position, never as a seat held.
    expect(groupFinderEn['groups.done.waitlistedText']).to.contain('{position}');
    expect(groupFinderEn['groups.done.waitlistedText'].toLowerCase()).not.to.contain('your seat');
  });

  it('state the limits of confidentiality before anything personal is sent, in both languages', () => {
    expect(groupFinderEn['groups.join.consentLimits']).to.contain('life is at risk');
    expect(groupFinderEs['groups.join.consentLimits']).to.contain('vida corre peligro');
    expect(groupFinderEn['groups.join.consentWho']).to.contain('only with the facilitator');
  });
});
