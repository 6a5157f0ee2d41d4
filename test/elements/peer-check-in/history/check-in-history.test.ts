import { expect } from '@open-wc/testing';
import {
  CheckInHistory,
  DEFAULT_HISTORY_KEY,
} from '../../../../src/elements/peer-check-in/history/check-in-history.js';
import type { HistoryEntry } from '../../../../src/elements/peer-check-in/history/history-entry.js';
import { MemoryStorage, quotaError, securityError } from './memory-storage.js';

const KEY = DEFAULT_HISTORY_KEY;
const ON = `${KEY}:on`;

function mood(day: number, level: 1 | 2 | 3 | 4 | 5 = 3): HistoryEntry {
  return { at: new Date(Date.UTC(2026, 2, day, 9)).toISOString(), instrument: 'mood', level };
}

function setUp(max?: number) {
  const storage = new MemoryStorage();
  const history = new CheckInHistory({ storage: () => storage, ...(max ? { max } : {}) });
  return { storage, history };
}

function saved(storage: MemoryStorage): unknown {
  return JSON.parse(storage.values.get(KEY) ?? 'null');
}

describe('CheckInHistory', () => {
  describe('the choice', () => {
    it('writes nothing while the student has not turned it on', () => {
      const { storage, history } = setUp();
      expect(history.isOn()).to.equal(false);
      expect(history.add(mood(1))).to.deep.equal({ ok: false, problem: 'off' });
      expect(history.read()).to.deep.equal({ entries: [] });
      expect(storage.length).to.equal(0);
    });

    it('keeps check-ins once turned on, under its own key, with when and which wording', () => {
      const { storage, history } = setUp();
      expect(history.turnOn(new Date('2026-03-01T10:00:00Z'))).to.deep.equal({ ok: true });
      expect([...storage.values.keys()]).to.deep.equal([ON]);
      expect(JSON.parse(storage.values.get(ON)!)).to.deep.equal({ version: 1, at: '2026-03-01T10:00:00.000Z' });
      expect(history.add(mood(2, 4))).to.deep.equal({ ok: true });
      expect(history.read()).to.deep.equal({ entries: [mood(2, 4)] });
    });

    it('turning off deletes the check-ins and the choice, leaving nothing behind', () => {
      const { storage, history } = setUp();
      history.turnOn();
      history.add(mood(1));
      storage.values.set('someone-else', 'kept');
      expect(history.turnOff()).to.deep.equal({ ok: true });
      expect([...storage.values.keys()]).to.deep.equal(['someone-else']);
      expect(history.isOn()).to.equal(false);
      expect(history.add(mood(2))).to.deep.equal({ ok: false, problem: 'off' });
      expect(storage.values.has(KEY)).to.equal(false);
    });

    it('stays on when the check-ins cannot be deleted, so the student is not told they are gone', () => {
      const { storage, history } = setUp();
      history.turnOn();
      history.add(mood(1));
      storage.failRemove = securityError();
      expect(history.turnOff()).to.deep.equal({ ok: false });
      expect(history.clear()).to.deep.equal({ ok: false });
      storage.failRemove = undefined;
      expect(history.isOn()).to.equal(true);
      expect(history.read().entries).to.have.length(1);
    });

    it('does not count a saved choice it cannot read as on', () => {
      const { storage, history } = setUp();
      for (const value of ['1', 'true', '{}', '{"version":"1"}', 'null', '{"version":1.5}', '{']) {
        storage.values.set(ON, value);
        expect(history.isOn(), value).to.equal(false);
      }
    });
  });

  describe('storage that refuses', () => {
    it('reports a SecurityError from getItem and setItem as unavailable, and never throws', () => {
      const { storage, history } = setUp();
      history.turnOn();
      storage.failGet = securityError();
      expect(history.isOn()).to.equal(false);
      expect(history.read()).to.deep.equal({ entries: [], problem: 'unavailable' });
      expect(history.add(mood(1))).to.deep.equal({ ok: false, problem: 'unavailable' });
      expect(history.clear()).to.deep.equal({ ok: false });
      storage.failGet = undefined;
      storage.failSet = securityError();
      expect(history.add(mood(1))).to.deep.equal({ ok: false, problem: 'unavailable' });
      expect(history.turnOn()).to.deep.equal({ ok: false, problem: 'unavailable' });
    });

    it('reports a QuotaExceededError as full and keeps what was there', () => {
      const { storage, history } = setUp();
      history.turnOn();
      history.add(mood(1));
      storage.failSet = quotaError();
      expect(history.add(mood(2))).to.deep.equal({ ok: false, problem: 'full' });
      expect(history.read()).to.deep.equal({ entries: [mood(1)] });
      storage.values.delete(ON);
      expect(history.turnOn()).to.deep.equal({ ok: false, problem: 'full' });
    });

    it('survives a storage getter that throws, or no storage at all', () => {
      for (const storage of [
        () => {
          throw securityError();
        },
        () => null,
        () => undefined,
      ]) {
        const history = new CheckInHistory({ storage });
        expect(history.isOn()).to.equal(false);
        expect(history.turnOn()).to.deep.equal({ ok: false, problem: 'unavailable' });
        expect(history.read()).to.deep.equal({ entries: [], problem: 'unavailable' });
        expect(history.add(mood(1))).to.deep.equal({ ok: false, problem: 'unavailable' });
        expect(history.clear()).to.deep.equal({ ok: false });
        expect(history.turnOff()).to.deep.equal({ ok: false });
      }
    });

    it("survives the page's own localStorage getter throwing (sandboxed frames, blocked site data)", () => {
      const own = Object.getOwnPropertyDescriptor(window, 'localStorage');
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw securityError();
        },
      });
      try {
        expect(() => window.localStorage).to.throw();
        const history = new CheckInHistory();
        expect(history.isOn()).to.equal(false);
        expect(history.read()).to.deep.equal({ entries: [], problem: 'unavailable' });
        expect(history.turnOn()).to.deep.equal({ ok: false, problem: 'unavailable' });
      } finally {
        if (own) Object.defineProperty(window, 'localStorage', own);
        else delete (window as { localStorage?: Storage }).localStorage;
      }
      expect(window.localStorage).to.be.an.instanceOf(Storage);
    });
  });

  describe('saved values it did not write', () => {
    it('reads malformed JSON as malformed and nothing, then replaces it on the next check-in', () => {
      const { storage, history } = setUp();
      history.turnOn();
      storage.values.set(KEY, '[{"at": "2026-03-01T09:00:00.000Z", "instrum');
      expect(history.read()).to.deep.equal({ entries: [], problem: 'malformed' });
      expect(history.add(mood(2))).to.deep.equal({ ok: true });
      expect(history.read()).to.deep.equal({ entries: [mood(2)] });
    });

    it('reads valid JSON of the wrong shape as malformed', () => {
      const { storage, history } = setUp();
      history.turnOn();
      for (const value of ['{}', '"entries"', '42', 'null', 'true', `{"entries":[${JSON.stringify(mood(1))}]}`]) {
        storage.values.set(KEY, value);
        expect(history.read(), value).to.deep.equal({ entries: [], problem: 'malformed' });
      }
    });

    it('keeps the valid entries and drops the rest: extra fields, a note, wrong types, hostile keys', () => {
      const { storage, history } = setUp();
      history.turnOn();
      const good = mood(3, 2);
      storage.values.set(
        KEY,
        JSON.stringify([
          good,
          { ...mood(4), extra: 1 },
          { ...mood(5), note: 'I told no one about this' },
          { ...mood(6), contact: 'me@example.edu' },
          { ...mood(7), level: '5' },
          { ...mood(8), level: 6 },
          { at: '2026-03-09', instrument: 'mood', level: 3 },
          { at: 'not a date', instrument: 'mood', level: 3 },
          { at: '2026-02-30T09:00:00.000Z', instrument: 'mood', level: 3 },
          { at: mood(10).at, instrument: 'who5', band: 'severe' },
          { at: mood(11).at, instrument: 'phq4', band: 'severe', score: 11 },
          { at: mood(12).at, instrument: 'phq4', answers: [3, 3, 3, 2], band: 'severe' },
          { ...mood(13), emotions: ['<img src=x onerror=alert(1)>'] },
          { ...mood(14), topics: Array.from({ length: 11 }, (_, i) => `topic-${i}`) },
          JSON.parse(`{"at":"${mood(15).at}","instrument":"mood","level":3,"__proto__":{"polluted":true}}`),
          null,
          'mood',
          [good],
        ]),
      );
      const read = history.read();
      expect(read.problem).to.equal('malformed');
      expect(read.entries).to.deep.equal([good]);
      expect(({} as { polluted?: boolean }).polluted).to.equal(undefined);
    });

    it('never keeps a note offered with a check-in, nor any other key', () => {
      const { storage, history } = setUp();
      history.turnOn();
      const offered = { ...mood(1), emotions: ['tired'], note: 'private words', contact: 'me@example.edu' };
      expect(history.add(offered as HistoryEntry)).to.deep.equal({ ok: true });
      const text = storage.values.get(KEY)!;
      expect(text.includes('note')).to.equal(false);
      expect(text.includes('private words')).to.equal(false);
      expect(text.includes('example.edu')).to.equal(false);
      expect(saved(storage)).to.deep.equal([{ ...mood(1), emotions: ['tired'] }]);
    });

    it('refuses an entry that is not one (and writes nothing)', () => {
      const { storage, history } = setUp();
      history.turnOn();
      const bad = { at: 'yesterday', instrument: 'mood', level: 3 } as HistoryEntry;
      expect(history.add(bad)).to.deep.equal({ ok: false, problem: 'invalid' });
      expect(storage.values.has(KEY)).to.equal(false);
    });
  });

  describe('another tab', () => {
    it('keeps a check-in another tab wrote between our read and our write', () => {
      const { storage, history } = setUp();
      history.turnOn();
      history.add(mood(1));
      const theirs = mood(2, 5);
      storage.afterGet = (key) => {
        if (key !== KEY) return;
        storage.afterGet = undefined;
        storage.values.set(KEY, JSON.stringify([mood(1), theirs]));
      };
      expect(history.add(mood(3, 1))).to.deep.equal({ ok: true });
      expect(history.read().entries).to.deep.equal([mood(1), theirs, mood(3, 1)]);
    });

    it('does not bring back check-ins another tab deleted between our read and our write', () => {
      const { storage, history } = setUp();
      history.turnOn();
      history.add(mood(1));
      storage.afterGet = (key) => {
        if (key !== KEY) return;
        storage.afterGet = undefined;
        storage.values.delete(KEY);
      };
      expect(history.add(mood(2))).to.deep.equal({ ok: true });
      expect(history.read().entries).to.deep.equal([mood(2)]);
    });

    it('writes nothing when another tab turned the history off between our read and our write', () => {
      const { storage, history } = setUp();
      history.turnOn();
      history.add(mood(1));
      storage.afterGet = (key) => {
        if (key !== KEY) return;
        storage.afterGet = undefined;
        storage.values.clear();
      };
      expect(history.add(mood(2))).to.deep.equal({ ok: false, problem: 'off' });
      expect(storage.length).to.equal(0);
    });

    it('gives up rather than loop when the value keeps changing', () => {
      const { storage, history } = setUp();
      history.turnOn();
      let n = 0;
      storage.afterGet = (key) => {
        if (key === KEY) storage.values.set(KEY, JSON.stringify([mood(1 + (n++ % 20))]));
      };
      expect(history.add(mood(25)).ok).to.equal(false);
    });

    it('hears changes another tab makes to its keys, and only to its keys', () => {
      const history = new CheckInHistory({ storage: () => new MemoryStorage() });
      const target = new EventTarget();
      let heard = 0;
      const stop = history.onChange(() => heard++, target as unknown as Window);
      for (const key of [KEY, ON, null, 'other-key']) target.dispatchEvent(new StorageEvent('storage', { key }));
      expect(heard).to.equal(3);
      stop();
      target.dispatchEvent(new StorageEvent('storage', { key: KEY }));
      expect(heard).to.equal(3);
    });
  });

  describe('size', () => {
    it('keeps at most `max` check-ins, dropping the oldest', () => {
      const { storage, history } = setUp(3);
      history.turnOn();
      for (let day = 1; day <= 5; day++) expect(history.add(mood(day))).to.deep.equal({ ok: true });
      expect(history.read().entries).to.deep.equal([mood(3), mood(4), mood(5)]);
      expect(saved(storage)).to.have.length(3);
    });

    it('reads at most `max` from a longer saved value, and keeps entries in time order', () => {
      const { storage, history } = setUp(2);
      history.turnOn();
      storage.values.set(KEY, JSON.stringify([mood(9), mood(1), mood(5), mood(9)]));
      expect(history.read().entries).to.deep.equal([mood(5), mood(9)]);
    });

    it('defaults to 200 and ignores a nonsense max', () => {
      expect(new CheckInHistory().max).to.equal(200);
      expect(new CheckInHistory({ max: 0 }).max).to.equal(200);
      expect(new CheckInHistory({ max: 2.5 }).max).to.equal(200);
      expect(new CheckInHistory({ max: 10 }).max).to.equal(10);
    });
  });

  it("works with the browser's own localStorage", () => {
    const key = `test:check-in-history:${Math.random()}`;
    const history = new CheckInHistory({ key });
    try {
      expect(history.turnOn()).to.deep.equal({ ok: true });
      expect(history.add(mood(1, 5))).to.deep.equal({ ok: true });
      expect(new CheckInHistory({ key }).read()).to.deep.equal({ entries: [mood(1, 5)] });
      expect(history.turnOff()).to.deep.equal({ ok: true });
      expect(localStorage.getItem(key)).to.equal(null);
      expect(localStorage.getItem(`${key}:on`)).to.equal(null);
    } finally {
      localStorage.removeItem(key);
      localStorage.removeItem(`${key}:on`);
    }
  });
});
