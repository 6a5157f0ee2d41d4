import { expect } from '@open-wc/testing';
import { supporterInboxEn } from '../../../src/elements/peer-supporter-inbox/i18n/en.js';
import { supporterInboxEs } from '../../../src/elements/peer-supporter-inbox/i18n/es.js';

const placeholders = (words: string) => [...words.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
type Key = keyof typeof supporterInboxEn;

describe('supporter inbox strings', () => {
  it('Spanish has every English key, with the same placeholders and no empty strings', () => {
    expect(Object.keys(supporterInboxEs).sort()).to.deep.equal(Object.keys(supporterInboxEn).sort());
    for (const key of Object.keys(supporterInboxEn) as Key[]) {
      expect(supporterInboxEs[key], key).to.be.a('string').and.not.equal('');
      expect(placeholders(supporterInboxEs[key]), key).to.deep.equal(placeholders(supporterInboxEn[key]));
    }
  });

  it('the referral guide sends risk to life to the on-call professional at once, and says peers are not counsellors', () => {
    expect(supporterInboxEn['inbox.guide.life']).to.contain('on-call professional at once');
    expect(supporterInboxEs['inbox.guide.life']).to.contain('de inmediato a la profesional de guardia');
    expect(supporterInboxEn['inbox.guide.intro']).to.contain('not a counsellor');
    expect(supporterInboxEs['inbox.guide.intro']).to.contain('no una consejera');
  });

  it('no labels or verdicts about students', () => {
    const all = (Object.keys(supporterInboxEn) as Key[])
      .map((key) => `${supporterInboxEn[key]}\n${supporterInboxEs[key]}`)
      .join('\n')
      .toLowerCase();
    for (const banned of [
      'committed suicide',
      'high risk',
      'alto riesgo',
      'patient',
      'paciente',
      'disorder',
      'trastorno',
    ]) {
      expect(all.includes(banned), banned).to.equal(false);
    }
  });
});
