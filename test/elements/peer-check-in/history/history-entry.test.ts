import { expect } from '@open-wc/testing';
import { parseHistory, toHistoryEntry } from '../../../../src/elements/peer-check-in/history/history-entry.js';

const at = '2026-03-02T09:05:00.000Z';

describe('history entries', () => {
  it('accepts each instrument with what belongs to it', () => {
    expect(toHistoryEntry({ at, instrument: 'mood', level: 1 })).to.deep.equal({ at, instrument: 'mood', level: 1 });
    const withWords = { at, instrument: 'mood', level: 5, emotions: ['calm', 'grateful'], topics: ['low-mood'] };
    expect(toHistoryEntry(withWords)).to.deep.equal(withWords);
    for (const band of ['typical', 'low', 'very-low']) {
      expect(toHistoryEntry({ at, instrument: 'who5', band })).to.deep.equal({ at, instrument: 'who5', band });
    }
    for (const band of ['none', 'mild', 'moderate', 'severe']) {
      expect(toHistoryEntry({ at, instrument: 'phq4', band })).to.deep.equal({ at, instrument: 'phq4', band });
    }
  });

  it('refuses what does not belong to the instrument', () => {
    const refused = [
      { at, instrument: 'mood' },
      { at, instrument: 'mood', level: 0 },
      { at, instrument: 'mood', level: 3.5 },
      { at, instrument: 'mood', level: 3, band: 'low' },
      { at, instrument: 'who5', band: 'none' },
      { at, instrument: 'who5', band: 'low', level: 2 },
      { at, instrument: 'phq4', band: 'typical' },
      { at, instrument: 'phq4', band: 'mild', emotions: ['sad'] },
      { at, instrument: 'phq9', band: 'mild' },
      { at, instrument: 'mood', level: 3, emotions: 'sad' },
      { at, instrument: 'mood', level: 3, emotions: ['Sad'] },
      { at, instrument: 'mood', level: 3, emotions: ['sad', 4] },
      { at, instrument: 'mood', level: 3, topics: ['a'.repeat(41)] },
      { at: '2026-03-02T09:05:00Z', instrument: 'mood', level: 3 },
      { at: '2026-03-02T09:05:00.000+01:00', instrument: 'mood', level: 3 },
      { at: Date.parse(at), instrument: 'mood', level: 3 },
      [at, 'mood', 3],
      'mood',
      null,
    ];
    for (const value of refused) expect(toHistoryEntry(value), JSON.stringify(value)).to.equal(undefined);
  });

  it('drops unknown keys only when asked to pick, and never keeps a note', () => {
    const offered = { at, instrument: 'mood', level: 2, note: 'private', emotions: [] };
    expect(toHistoryEntry(offered)).to.equal(undefined);
    expect(toHistoryEntry(offered, { pick: true })).to.deep.equal({ at, instrument: 'mood', level: 2 });
  });

  it('reads nothing saved as an empty, well-formed history', () => {
    expect(parseHistory(null)).to.deep.equal({ entries: [], malformed: false });
    expect(parseHistory('[]')).to.deep.equal({ entries: [], malformed: false });
  });

  it('sorts by time and keeps a check-in saved twice once', () => {
    const a = { at: '2026-03-01T00:00:00.000Z', instrument: 'mood', level: 2 };
    const b = { at: '2026-03-03T00:00:00.000Z', instrument: 'phq4', band: 'mild' };
    expect(parseHistory(JSON.stringify([b, a, b]))).to.deep.equal({ entries: [a, b], malformed: false });
  });
});
