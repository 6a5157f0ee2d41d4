import { expect } from '@open-wc/testing';
import { expectNeverSaid, expectSameKeysAndPlaceholders } from '../../helpers/string-tables.js';
import { groupFinderEn } from '../../../src/elements/peer-group-finder/i18n/en.js';
import { groupFinderEs } from '../../../src/elements/peer-group-finder/i18n/es.js';

describe('group finder strings', () => {
  it('Spanish has every English key, with the same placeholders and no empty strings', () => {
    expectSameKeysAndPlaceholders(groupFinderEn, groupFinderEs);
  });

  it('follow the safe-messaging rules: no labels, verdicts, alarm or guilt, and no promise of a seat from a waitlist', () => {
    expectNeverSaid(groupFinderEn, groupFinderEs, ['diagnos', 'diagnóst', 'streak', 'racha']);
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
