import { expect } from '@open-wc/testing';
import { expectNeverSaid, expectSameKeysAndPlaceholders } from '../../helpers/string-tables.js';
import { supporterInboxEn } from '../../../src/elements/peer-supporter-inbox/i18n/en.js';
import { supporterInboxEs } from '../../../src/elements/peer-supporter-inbox/i18n/es.js';

describe('supporter inbox strings', () => {
  it('Spanish has every English key, with the same placeholders and no empty strings', () => {
    expectSameKeysAndPlaceholders(supporterInboxEn, supporterInboxEs);
  });

  it('the referral guide sends risk to life to the on-call professional at once, and says peers are not counsellors', () => {
    expect(supporterInboxEn['inbox.guide.life']).to.contain('on-call professional at once');
    expect(supporterInboxEs['inbox.guide.life']).to.contain('de inmediato a la profesional de guardia');
    expect(supporterInboxEn['inbox.guide.intro']).to.contain('not a counsellor');
    expect(supporterInboxEs['inbox.guide.intro']).to.contain('no una consejera');
  });

  it('no labels or verdicts about students', () => {
    expectNeverSaid(supporterInboxEn, supporterInboxEs, []);
  });
});
