import { expect } from '@open-wc/testing';
import { escapeText, fold, paramValue } from '../../../src/core/calendar/content-line.js';
import { toICalendar } from '../../../src/core/calendar/index.js';
import { isEscaped, parseCalendar, rawValue, rfc5545Problems, textValue, unescapeText, unfold } from './rfc5545.js';

const octets = (text: string) => new TextEncoder().encode(text).length;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A small seeded generator (xorshift32), so that a failing case can be run again from its seed. */
function random(seed: number) {
  let state = seed || 1;
  return (below: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % below;
  };
}

// Code points from every width of UTF-8, the characters TEXT escapes, controls, and the scripts students write in.
const POOLS: [number, number][] = [
  [0x20, 0x7e], // ASCII, with \ ; , : " among it
  [0x00, 0x1f], // controls, CR and LF among them
  [0xc0, 0x17f], // accented Latin: "¿Cómo estás?"
  [0x300, 0x36f], // combining marks
  [0x600, 0x6ff], // Arabic
  [0x4e00, 0x9fff], // CJK
  [0xac00, 0xd7a3], // Hangul
  [0x200b, 0x202e], // zero-width and direction marks
  [0x1f300, 0x1faff], // emoji (4 octets)
  [0x1f3fb, 0x1f3ff], // skin tones
];
const SPECIALS = ['\\', ';', ',', '\n', '\r\n', '\r', '\t', ':', '"', '\u200d', '👩‍👩‍👧', '\\n', '  '];

function randomText(next: (below: number) => number): string {
  let text = '';
  const length = next(4) === 0 ? next(400) : next(90);
  while ([...text].length < length) {
    if (next(6) === 0) {
      text += SPECIALS[next(SPECIALS.length)];
    } else {
      const [low, high] = POOLS[next(POOLS.length)]!;
      text += String.fromCodePoint(low + next(high - low + 1));
    }
  }
  return text;
}

/** What TEXT can carry of a string: CR and the other controls but tab and newline are dropped. */
const writable = (text: string) => text.replace(/[\0-\x08\x0b-\x1f\x7f]/g, '');

describe('calendar content lines', () => {
  describe('escapeText', () => {
    it('escapes backslash, semicolon and comma, and writes a newline as \\n', () => {
      expect(escapeText('a\\b;c,d\ne')).to.equal('a\\\\b\\;c\\,d\\ne');
      expect(escapeText('Room 2, Union; floor 3')).to.equal('Room 2\\, Union\\; floor 3');
    });

    it('drops CR (CRLF becomes one newline) and controls TEXT cannot carry, and keeps tab and colon', () => {
      expect(escapeText('one\r\ntwo\rthree')).to.equal('one\\ntwothree');
      expect(escapeText('a\u0000b\u0007c\u001bd\u007fe\tf:g')).to.equal('abcde\tf:g');
    });

    it('leaves an already escaped-looking text to be read back as it was written', () => {
      expect(unescapeText(escapeText('C:\\new\\n;'))).to.equal('C:\\new\\n;');
    });
  });

  describe('paramValue', () => {
    it('quotes a value holding ; : or , and leaves a plain one bare', () => {
      expect(paramValue('America/New_York')).to.equal('America/New_York');
      expect(paramValue('Campus; Time')).to.equal('"Campus; Time"');
      expect(paramValue('a:b')).to.equal('"a:b"');
      expect(paramValue('a,b')).to.equal('"a,b"');
    });

    it('removes what no parameter value may hold: double quotes and line breaks', () => {
      expect(paramValue('a"b\r\nc')).to.equal('abc');
    });
  });

  describe('fold', () => {
    it('leaves a line of 75 octets alone and folds one of 76', () => {
      expect(fold('x'.repeat(75))).to.equal('x'.repeat(75));
      expect(fold('x'.repeat(76))).to.equal(`${'x'.repeat(75)}\r\n x`);
    });

    it('counts octets, not characters: a 2-, 3- and 4-octet character never straddles a fold', () => {
      for (const char of ['é', 'ع', '日', '😀']) {
        for (let prefix = 70; prefix <= 76; prefix++) {
          const line = 'S'.repeat(prefix) + char.repeat(40);
          const physical = fold(line).split('\r\n');
          for (const part of physical) expect(octets(part), `${char} after ${prefix}`).to.be.at.most(75);
          expect(physical.slice(1).every((part) => part.startsWith(' '))).to.equal(true);
          expect(unfold(fold(line))).to.equal(line);
          // No line ends in half a character: no part holds half a surrogate pair.
          for (const part of physical) expect(LONE_SURROGATE.test(part)).to.equal(false);
        }
      }
    });

    it('fills continuation lines to 74 octets after their leading space', () => {
      const physical = fold('a'.repeat(75 + 74 + 10)).split('\r\n');
      expect(physical.map(octets)).to.deep.equal([75, 75, 11]);
    });
  });

  describe('in a whole file, for many random strings', () => {
    it('unfolding and unescaping SUMMARY, DESCRIPTION and LOCATION give back the text, and ical.js reads the same', () => {
      const next = random(20_260_910);
      for (let round = 0; round < 400; round++) {
        const text = randomText(next);
        const ics = toICalendar([
          {
            uid: `round-${round}@test.example`,
            title: text,
            description: text,
            location: text,
            start: '2026-09-10T18:00',
            timeZone: 'UTC',
            durationMinutes: 60,
          },
        ]);
        const expected = writable(text);
        const where = `round ${round}: ${JSON.stringify(text)}`;
        expect(rfc5545Problems(ics), where).to.deep.equal([]);
        expect(isEscaped(rawValue(ics, 'SUMMARY')!), where).to.equal(true);
        // Read what a calendar app reads: the UTF-8 bytes of the file.
        const stored = new TextDecoder().decode(new TextEncoder().encode(ics));
        expect(textValue(stored, 'SUMMARY'), where).to.equal(expected);
        // An empty description or location is left out rather than written empty.
        for (const name of ['DESCRIPTION', 'LOCATION']) {
          expect(textValue(stored, name), where).to.equal(text === '' ? undefined : expected);
        }
        const vevent = parseCalendar(stored).getFirstSubcomponent('vevent')!;
        expect(vevent.getFirstPropertyValue('summary'), where).to.equal(expected);
        if (text) expect(vevent.getFirstPropertyValue('location'), where).to.equal(expected);
      }
    });

    it('folds long titles in Spanish, Arabic, Chinese and emoji at 75 octets exactly where they would overflow', () => {
      const titles = [
        '¿Cómo estás? Círculo de apoyo entre pares, miércoles en la biblioteca, ¡bienvenidas y bienvenidos!',
        'مجموعة دعم الأقران للطلاب الجدد، كل يوم خميس في مبنى اتحاد الطلاب',
        '同伴支持小组：每周四晚上六点在学生活动中心，欢迎新同学参加，一起聊聊学习和生活',
        '🌱🌿🍀 Grow together 🤝💬🫶 — 👩🏽‍🎓👨🏿‍🎓🧑‍🤝‍🧑 weekly circle ✨🌈🌻🌼🌸',
      ];
      const ics = toICalendar(
        titles.map((title, index) => ({
          uid: `t${index}@test.example`,
          title,
          start: '2026-09-10T18:00',
          timeZone: 'UTC',
          durationMinutes: 60,
        })),
      );
      expect(rfc5545Problems(ics)).to.deep.equal([]);
      const summaries = parseCalendar(ics)
        .getAllSubcomponents('vevent')
        .map((vevent) => vevent.getFirstPropertyValue('summary'));
      expect(summaries).to.deep.equal(titles);
      // Each of these titles is long enough to fold, and each folded line but the last is full to within one
      // character.
      for (const title of titles) {
        const logical = `SUMMARY:${escapeText(title)}`;
        const physical = fold(logical).split('\r\n');
        expect(physical.length).to.be.greaterThan(1);
        for (const part of physical.slice(0, -1)) expect(octets(part)).to.be.within(72, 75);
      }
    });
  });
});
