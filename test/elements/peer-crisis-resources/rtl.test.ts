import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/peer-crisis-resources/define.js';
import { registerLocale } from '../../../src/core/i18n/catalog.js';
import { en, type CoreMessages } from '../../../src/core/i18n/en.js';
import type { PeerCrisisResources } from '../../../src/elements/peer-crisis-resources/peer-crisis-resources.js';
import { answering, campusService, listOf } from '../../helpers/crisis-fixtures.js';

type Crisis = PeerCrisisResources;

// Right-to-left tables for the sentences that carry numbers, codes, times and dates. Written for this test only.
const he: CoreMessages = {
  ...en,
  'crisis.heading': 'לקבל עזרה עכשיו',
  'crisis.danger.heading': 'האם אתם בסכנה מיידית?',
  'crisis.danger.call': 'חייגו {number}',
  'crisis.action.call': 'התקשרו אל {number}',
  'crisis.action.text': 'שלחו הודעה אל {number}',
  'crisis.action.textKeyword': 'שלחו {keyword} אל {number}',
  'crisis.action.tty': 'טלפון לחירשים {number}',
  'crisis.action.visit': 'הגיעו אל {place}',
  'hours.open.until': 'פתוח עכשיו עד {time}',
  'hours.closed.opensOn': 'סגור עכשיו. נפתח ביום {day} בשעה {time}',
  'crisis.checked': 'הפרטים נבדקו ב־{date}. מקור: {source}',
  'crisis.country.assumed': 'מספרים עבור {country}.',
  'crisis.copy.manual': 'העתיקו את המספר בעצמכם: {number}',
};
const ar: CoreMessages = {
  ...en,
  'crisis.danger.call': 'اتصل بالرقم {number}',
  'crisis.action.call': 'اتصل بالرقم {number}',
  'crisis.action.text': 'أرسل رسالة إلى {number}',
  'crisis.action.textKeyword': 'أرسل {keyword} إلى {number}',
};

/**
 * Every run of digit groups ("13 11 14", "0477 13 11 14", "1800 55 1800") in the rendered panel, checked on screen:
 * each group must sit to the right of the one before it, as the number is read.
 */
function digitGroupsOutOfOrder(root: ShadowRoot): string[] {
  const wrong: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    for (const run of text.matchAll(/\d+(?:[ \u00a0]\d+)+/g)) {
      const lefts = [...run[0].matchAll(/\d+/g)].map((group) => {
        const range = document.createRange();
        range.setStart(node!, run.index + group.index);
        range.setEnd(node!, run.index + group.index + group[0].length);
        return range.getBoundingClientRect().left;
      });
      if (lefts.some((left, i) => i > 0 && left <= lefts[i - 1]!)) wrong.push(run[0]);
    }
  }
  return wrong;
}

describe('<peer-crisis-resources> right to left', () => {
  before(() => {
    registerLocale('he', he);
    registerLocale('ar', ar);
  });

  for (const [lang, country] of [
    ['he', 'AU'],
    ['ar', 'AU'],
    ['he', 'NZ'],
    ['he', 'IE'],
  ] as const) {
    it(`keeps every number's digit groups in reading order (${lang}, ${country})`, async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div dir="rtl" lang=${lang}><peer-crisis-resources country=${country}></peer-crisis-resources></div>`,
      );
      const el = wrapper.firstElementChild as Crisis;
      await el.updateComplete;
      const root = el.shadowRoot!;
      expect(getComputedStyle(root.querySelector('[part~="panel"]')!).direction).to.equal('rtl');
      // The layout follows the reading direction: the emergency block's thick edge is on the right.
      const emergency = root.querySelector('[part~="emergency"]')!;
      const edge = (side: 'Right' | 'Left') => parseFloat(getComputedStyle(emergency)[`border${side}Width`]);
      expect(edge('Right')).to.be.greaterThan(edge('Left'));
      // The sentence really is in the right-to-left language, so the test is not passing on English text.
      expect(root.querySelector('[part~="emergency-call"]')!.textContent).to.match(/[\u0590-\u06ff]/);
      const lines = root.querySelectorAll('[part~="action"]');
      expect(lines.length).to.be.greaterThan(1);
      expect(digitGroupsOutOfOrder(root)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }

  it('isolates addresses, keywords, dates and the number to copy by hand', async () => {
    const walkIn = campusService({
      id: 'walk-in',
      contactMethods: [
        {
          type: 'walk-in',
          value: 'Health centre',
          address: { line1: 'Building 7, Room 12 14', locality: 'Northfield', postalCode: '02134 5678', country: 'US' },
          hours: { timeZone: 'America/New_York', alwaysOpen: true, weekly: [] },
        },
        {
          type: 'sms',
          value: '741741',
          displayValue: '741 741',
          smsKeyword: 'HOME 2',
          hours: { timeZone: 'America/New_York', alwaysOpen: true, weekly: [] },
        },
      ],
    });
    const { fetch } = answering(listOf([walkIn]));
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl" lang="he">
        <peer-crisis-resources src="/c.json" country="US" .fetch=${fetch}></peer-crisis-resources>
      </div>`,
    );
    const el = wrapper.querySelector('peer-crisis-resources') as Crisis;
    await waitUntil(() => el.shadowRoot!.querySelector('[data-id="walk-in"]'), 'campus data');
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[data-id="walk-in"] [part~="copy"]')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="copy-status"]'), 'copy status');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
    const root = el.shadowRoot!;
    expect(root.querySelector('[data-id="walk-in"] [part~="copy-status"]')!.textContent).to.contain('741 741');
    expect(digitGroupsOutOfOrder(root)).to.deep.equal([]);
  });
});
