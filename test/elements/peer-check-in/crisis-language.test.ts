import { expect } from '@open-wc/testing';
import { mentionsCrisis } from '../../../src/elements/peer-check-in/logic/crisis-language.js';

describe('crisis language in a note', () => {
  const matches = [
    'Sometimes I want to die',
    'I have been thinking about suicide',
    'feeling SUICIDAL lately',
    "I don't want to be alive anymore",
    'I don’t want to live like this', // typographic apostrophe
    'thinking of hurting   myself', // extra spaces
    'I self-harm when it gets bad',
    'everyone would be better off without me',
    'a veces quiero morir',
    'pienso en quitarme la vida',
    'tengo ganas de hacerme daño',
    'Pensé en el SUICIDIO',
    'pienso en la autolesión', // accent removed before matching
    'no puedo más',
  ];
  const safe = [
    'I killed it in my exam today',
    'dying to see my friends this weekend',
    'My houseplant died and I am sad',
    'the suicide squad movie was loud', // a real limit of a word list: this one matches (see below)
    'overdue essays and no sleep',
    'cutting back on coffee',
    'quiero dormir más',
    'estoy muerto de cansancio',
    'harmless fun at the club',
  ];

  it('finds phrases in English and Spanish, whatever the case, accents, apostrophes or spacing', () => {
    for (const text of matches) expect(mentionsCrisis(text), text).to.equal(true);
  });

  it('leaves everyday words alone, matching whole words only', () => {
    for (const text of safe.filter((text) => !text.includes('suicide squad'))) {
      expect(mentionsCrisis(text), text).to.equal(false);
    }
    // A film title still shows the gentle line: a false match costs one kind sentence, never a decision.
    expect(mentionsCrisis('the suicide squad movie was loud')).to.equal(true);
    expect(mentionsCrisis('selfharmony')).to.equal(false);
  });
});
