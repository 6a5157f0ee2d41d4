import { expect } from '@open-wc/testing';
import { lookup } from '../../../../src/core/i18n/catalog.js';
import type { MessageKey } from '../../../../src/core/i18n/en.js';
import { historyEn, historyEs } from '../../../../src/elements/peer-check-in/history/i18n.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('check-in history strings', () => {
  it('has the same keys and placeholders in Spanish as in English, all under checkIn.history', () => {
    expect(Object.keys(historyEs).sort()).to.deep.equal(Object.keys(historyEn).sort());
    for (const [key, english] of Object.entries(historyEn)) {
      expect(key.startsWith('checkIn.history.'), key).to.equal(true);
      expect(placeholders(historyEs[key as keyof typeof historyEs]), key).to.deep.equal(placeholders(english));
    }
  });

  it('is in the catalog for both languages', () => {
    for (const key of Object.keys(historyEn) as (keyof typeof historyEn)[]) {
      expect(lookup('en', key as MessageKey)).to.equal(historyEn[key]);
      expect(lookup('es', key as MessageKey)).to.equal(historyEs[key]);
    }
  });

  it('never diagnoses, scores, alarms or guilts', () => {
    const banned =
      /sever|moderad|moderate|mild|leve\b|score|puntua|depres|anxiety disorder|trastorno|diagnos|streak|racha|risk|riesgo|!/i;
    for (const table of [historyEn, historyEs]) {
      for (const [key, text] of Object.entries(table)) expect(banned.test(text), `${key}: ${text}`).to.equal(false);
    }
  });

  it('says plainly, before it is on, where check-ins stay and who could see them', () => {
    expect(historyEn['checkIn.history.remember.onlyHere']).to.match(/only .* this device.* Nothing is sent/);
    expect(historyEn['checkIn.history.remember.othersCanSee']).to.match(/Anyone who uses this device/);
    expect(historyEn['checkIn.history.remember.deleteAnyTime']).to.match(/delete them at any time/);
    expect(historyEn['checkIn.history.remember.whatIsKept']).to.match(/never your notes/);
  });
});
