import { expect } from '@open-wc/testing';
import { expectNeverSaid, expectSameKeysAndPlaceholders } from '../../helpers/string-tables.js';
import { requestButtonEn } from '../../../src/elements/peer-request-button/i18n/en.js';
import { requestButtonEs } from '../../../src/elements/peer-request-button/i18n/es.js';

describe('peer request button strings', () => {
  it('Spanish has every English key, with the same placeholders and no empty strings', () => {
    expectSameKeysAndPlaceholders(requestButtonEn, requestButtonEs);
  });

  it('follow the safe-messaging rules: no labels, verdicts, alarm, guilt or promised response times', () => {
    expectNeverSaid(requestButtonEn, requestButtonEs, [
      'diagnos',
      'diagnóst',
      'within minutes',
      'within the hour',
      'will call you',
      'te llamará',
      'right away',
    ]);
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
