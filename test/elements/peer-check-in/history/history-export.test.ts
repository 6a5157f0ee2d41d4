import { expect } from '@open-wc/testing';
import type { HistoryEntry } from '../../../../src/elements/peer-check-in/history/history-entry.js';
import {
  CSV_MIME_TYPE,
  JSON_MIME_TYPE,
  downloadText,
  historyToCsv,
  historyToJson,
  type CsvColumn,
} from '../../../../src/elements/peer-check-in/history/history-export.js';
import { historyCsvColumns } from '../../../../src/elements/peer-check-in/history/history-words.js';
import { historyEn, historyEs } from '../../../../src/elements/peer-check-in/history/i18n.js';
import { readCsv } from './csv-reader.js';
import { i18nFor } from './test-i18n.js';

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'];
const PIECES = [
  ...FORMULA_STARTS,
  'a',
  'Z',
  ' ',
  '"',
  '""',
  ',',
  '\r',
  '\n',
  '\r\n',
  "'",
  ';',
  '|',
  '0',
  '1.5',
  '%',
  '\\',
  'é',
  'ñ',
  '中文',
  '😀',
  'שלום',
  'مرحبا',
  '\u200b',
  '\u00a0',
  '\u2028',
  '=HYPERLINK("http://x","y")',
  '@SUM(A1:A2)',
  '+cmd|" /C calc"!A0',
];

function cell(next: () => number): string {
  const pick = (list: readonly string[]) => list[Math.floor(next() * list.length)]!;
  let text = next() < 0.4 ? pick(FORMULA_STARTS) : '';
  const length = Math.floor(next() * 8);
  for (let i = 0; i < length; i++) text += pick(PIECES);
  return text;
}

/** What a cell must read back as: the same text, with `'` in front when a spreadsheet would run it. */
function expected(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const entry = (day: number, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  at: new Date(Date.UTC(2026, 2, day, 14, 30)).toISOString(),
  instrument: 'mood',
  level: 3,
  ...extra,
});

describe('history export', () => {
  describe('CSV', () => {
    it('reads back exactly, quoted per RFC 4180 and with formula cells neutralised, for 400 generated tables', () => {
      const next = random(20260302);
      for (let run = 0; run < 400; run++) {
        const width = 1 + Math.floor(next() * 5);
        const height = Math.floor(next() * 6);
        const entries = Array.from({ length: height }, (_, row) => entry(row + 1));
        const table = entries.map(() => Array.from({ length: width }, () => cell(next)));
        const columns: CsvColumn[] = Array.from({ length: width }, (_, column) => ({
          header: cell(next),
          value: (e) => table[entries.indexOf(e)]![column]!,
        }));
        const csv = historyToCsv(entries, columns);
        const seed = `run ${run}: ${JSON.stringify(csv)}`;
        expect(readCsv(csv), seed).to.deep.equal([
          columns.map((column) => expected(column.header)),
          ...table.map((row) => row.map(expected)),
        ]);
        expect(csv.endsWith('\r\n'), seed).to.equal(true);
      }
    });

    it('quotes only fields that need it, and doubles quotes', () => {
      const columns: CsvColumn[] = [
        { header: 'plain', value: () => 'calm' },
        { header: 'comma', value: () => 'tired, stressed' },
        { header: 'quote', value: () => 'a "hard" day' },
        { header: 'lines', value: () => 'one\r\ntwo\nthree' },
      ];
      expect(historyToCsv([entry(1)], columns)).to.equal(
        'plain,comma,quote,lines\r\ncalm,"tired, stressed","a ""hard"" day","one\r\ntwo\nthree"\r\n',
      );
    });

    it('neutralises each formula start, including in quoted fields', () => {
      const starts = ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=A1,"b"'];
      const columns = starts.map((text) => ({ header: 'h', value: () => text }));
      const [, row] = historyToCsv([entry(1)], columns).split('\r\n', 2);
      expect(row).to.equal(`'=1+1,'+1,'-1,'@SUM(A1),'\tx,"'\rx","'=A1,""b"""`);
    });

    it('has headers and words in the student language', () => {
      const mood = entry(2, { level: 2, emotions: ['tired', 'sad'], topics: ['exams'] });
      const phq4: HistoryEntry = { at: entry(3).at, instrument: 'phq4', band: 'severe' };
      const labels = { emotion: (code: string) => ({ tired: 'cansancio', sad: 'tristeza' })[code] };
      const [headers, first, second] = readCsv(
        historyToCsv([mood, phq4], historyCsvColumns(i18nFor('es'), labels, 'UTC')),
      );
      expect(headers).to.deep.equal([
        historyEs['checkIn.history.column.date'],
        historyEs['checkIn.history.column.utc'],
        historyEs['checkIn.history.column.checkIn'],
        historyEs['checkIn.history.column.feeling'],
        historyEs['checkIn.history.column.emotions'],
        historyEs['checkIn.history.column.topics'],
      ]);
      expect(first).to.deep.equal([
        'lunes, 2 de marzo de 2026, 14:30',
        mood.at,
        historyEs['checkIn.history.instrument.mood'],
        historyEs['checkIn.history.mood.2'],
        'cansancio y tristeza',
        // A code without words stays in the student's own copy.
        'exams',
      ]);
      expect(second![3]).to.equal(historyEs['checkIn.history.band.phq4.severe']);
      expect(second!.join(' ')).not.to.match(/sever|grave|\d+\s*\/\s*12/i);
    });

    it('neutralises localized words and headers too', () => {
      const i18n = i18nFor('en', {
        'checkIn.history.column.feeling': '=How it went',
        'checkIn.history.mood.4': '-Good',
        'checkIn.history.instrument.mood': '@mood',
      });
      const [headers, row] = readCsv(historyToCsv([entry(4, { level: 4 })], historyCsvColumns(i18n)));
      expect(headers![3]).to.equal("'=How it went");
      expect(row![2]).to.equal("'@mood");
      expect(row![3]).to.equal("'-Good");
      expect(historyEn['checkIn.history.mood.4']).to.equal('Good');
    });
  });

  describe('JSON', () => {
    it('names its format and keeps only the fields of each entry', () => {
      const offered = { ...entry(5, { emotions: ['calm'] }), note: 'private' } as HistoryEntry;
      const json = JSON.parse(historyToJson([offered], new Date('2026-03-06T00:00:00Z'))) as Record<string, unknown>;
      expect(json).to.deep.equal({
        format: 'peer-support-widgets/check-in-history',
        version: 1,
        exportedAt: '2026-03-06T00:00:00.000Z',
        entries: [entry(5, { emotions: ['calm'] })],
      });
    });
  });

  describe('downloadText', () => {
    let clicked: HTMLAnchorElement[];
    let click: PropertyDescriptor | undefined;
    beforeEach(() => {
      clicked = [];
      click = Object.getOwnPropertyDescriptor(HTMLAnchorElement.prototype, 'click');
      // Capture the link instead of saving a file in the test browser.
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        clicked.push(this);
      };
    });
    afterEach(() => {
      if (click) Object.defineProperty(HTMLAnchorElement.prototype, 'click', click);
      else delete (HTMLAnchorElement.prototype as { click?: unknown }).click;
    });

    it('saves a CSV file with its type, its name and a byte order mark, then releases the URL', async () => {
      const timers: (() => void)[] = [];
      const setTimer = window.setTimeout;
      window.setTimeout = ((callback: () => void) => timers.push(callback)) as unknown as typeof setTimeout;
      let ok: boolean;
      try {
        ok = downloadText('a,b\r\n1,ñ\r\n', 'my-check-ins.csv', CSV_MIME_TYPE);
      } finally {
        window.setTimeout = setTimer;
      }
      expect(ok).to.equal(true);
      expect(clicked).to.have.length(1);
      const link = clicked[0]!;
      expect(link.download).to.equal('my-check-ins.csv');
      expect(link.href.startsWith('blob:')).to.equal(true);
      const blob = await (await fetch(link.href)).blob();
      expect(blob.type).to.equal('text/csv;charset=utf-8');
      const bytes = new Uint8Array(await blob.arrayBuffer());
      expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).to.equal('\uFEFFa,b\r\n1,ñ\r\n');
      // Released later, not at once (a browser may read the file after the click returns).
      expect(timers).to.have.length(1);
      timers[0]!();
      let released = false;
      await fetch(link.href).catch(() => (released = true));
      expect(released).to.equal(true);
    });

    it('saves JSON as it is, without a byte order mark', async () => {
      expect(downloadText('{"a":1}', 'data.json', JSON_MIME_TYPE)).to.equal(true);
      const blob = await (await fetch(clicked[0]!.href)).blob();
      expect(blob.type).to.equal('application/json');
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer())).to.equal('{"a":1}');
    });

    it('says so, rather than throw, when the browser will not make the file', () => {
      const create = URL.createObjectURL;
      URL.createObjectURL = () => {
        throw new Error('blocked');
      };
      try {
        expect(downloadText('x', 'x.csv', CSV_MIME_TYPE)).to.equal(false);
      } finally {
        URL.createObjectURL = create;
      }
      expect(clicked).to.have.length(0);
    });
  });
});

describe('the CSV reader used by these tests', () => {
  it('reads RFC 4180 and refuses what breaks it', () => {
    expect(readCsv('a,"b,c","d""e","f\r\ng"\r\n,\r\n')).to.deep.equal([
      ['a', 'b,c', 'd"e', 'f\r\ng'],
      ['', ''],
    ]);
    for (const bad of ['a,b', 'a"b\r\n', 'a\nb\r\n', '"a\r\n', '"a"b\r\n', 'a\rb\r\n']) {
      expect(() => readCsv(bad), JSON.stringify(bad)).to.throw();
    }
  });
});
