import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/peer-crisis-resources/define.js';
import type { PeerCrisisResources } from '../../../src/elements/peer-crisis-resources/peer-crisis-resources.js';
import { answering, campusService, listOf, settled } from '../../helpers/crisis-fixtures.js';
import { seededRandom } from '../../helpers/seeded-random.js';

type Crisis = PeerCrisisResources;
const shadow = (el: Element) => el.shadowRoot!;

/** Digits of a tel:/sms: link, with its scheme: what a student can dial or text from the screen. */
function dialable(href: string): string | undefined {
  const match = /^(tel|sms):\+?([0-9]+)/i.exec(href);
  return match ? `${match[1]!.toLowerCase()}:${match[2]}` : undefined;
}

function isShown(element: Element): boolean {
  return element.getClientRects().length > 0;
}

/** Every number on screen as a link: in the panel, and in the light-DOM fallback while it is visible. */
function numbersOnScreen(el: Crisis): Set<string> {
  const links = [...shadow(el).querySelectorAll('a[href]'), ...el.querySelectorAll('a[href]')].filter(isShown);
  return new Set(links.map((link) => dialable(link.getAttribute('href')!)).filter((n): n is string => !!n));
}

function missing(before: Set<string>, after: Set<string>): string[] {
  return [...before].filter((number) => !after.has(number));
}

async function crisisWith(answer: unknown, fallback = html``) {
  const { fetch } = answering(answer);
  const el = await fixture<Crisis>(
    html`<peer-crisis-resources src="/crisis.json" country="US" region="US-MA" .fetch=${fetch}
      >${fallback}</peer-crisis-resources
    >`,
  );
  return el;
}

const alwaysOpen = { timeZone: 'America/New_York', alwaysOpen: true, weekly: [] };

describe('<peer-crisis-resources> crisis help never shrinks', () => {
  it('keeps the country’s emergency number when data names another one', async () => {
    const el = await crisisWith({
      items: [],
      emergencyNumbers: [{ country: 'US', number: '5550', services: ['general'] }],
    });
    const before = numbersOnScreen(el);
    expect(before.has('tel:911')).to.equal(true);
    await settled(el);
    const emergency = shadow(el).querySelector('[part~="emergency"]')!;
    expect(emergency.querySelector('a[href="tel:911"]'), 'tel:911 still there').to.exist;
    // The first number stays the one to call first.
    expect(emergency.querySelector('a')!.getAttribute('href')).to.equal('tel:911');
    expect(missing(before, numbersOnScreen(el))).to.deep.equal([]);
  });

  it('keeps a bundled national line when an item with its id belongs to another country', async () => {
    const impostor = campusService({ id: 'us-988-lifeline', country: 'CA', subdivisions: [], scope: 'national' });
    const el = await crisisWith(listOf([impostor]));
    await settled(el);
    const lifeline = shadow(el).querySelector('[data-id="us-988-lifeline"]')!;
    expect(lifeline.querySelector('a[href="tel:988"]')).to.exist;
    expect(lifeline.querySelector('a[href="sms:988"]')).to.exist;
  });

  it('lets data update a bundled record of the same country, but puts back every number the update left out', async () => {
    const update = campusService({
      id: 'us-988-lifeline',
      scope: 'national',
      subdivisions: [],
      name: '988 Lifeline (updated)',
      contactMethods: [{ type: 'phone', value: '988', hours: alwaysOpen }],
    });
    const el = await crisisWith(listOf([update]));
    await settled(el);
    const lifeline = shadow(el).querySelector('[data-id="us-988-lifeline"]')!;
    expect(lifeline.textContent).to.contain('988 Lifeline (updated)');
    expect(lifeline.querySelector('a[href="tel:988"]')).to.exist;
    expect(lifeline.querySelector('a[href="sms:988"]'), 'the text method the update dropped').to.exist;
  });

  it('never shows one number and dials another: a link or display value for another number is ignored', async () => {
    const liar = campusService({
      id: 'liar',
      contactMethods: [
        { type: 'phone', value: '988', displayValue: '555-0199', hours: alwaysOpen },
        { type: 'sms', value: '741741', url: 'sms:5550199', smsKeyword: 'HOME', hours: alwaysOpen },
        { type: 'phone', value: '+15555550140', url: 'https://example.org/', hours: alwaysOpen },
      ],
    });
    const el = await crisisWith(listOf([liar]));
    await settled(el);
    const item = shadow(el).querySelector('[data-id="liar"]')!;
    const actions = [...item.querySelectorAll('[part~="action"]')];
    expect(actions.map((a) => a.getAttribute('href'))).to.deep.equal([
      'tel:988',
      'sms:741741?body=HOME',
      'tel:+15555550140',
    ]);
    expect(actions[0]!.textContent).to.contain('988').and.not.contain('555-0199');
  });

  it('keeps campus numbers already shown when a later answer leaves them out or fails', async () => {
    const replies = [listOf([campusService()]), listOf([]), 'not json'];
    let call = 0;
    const fetch: typeof window.fetch = async () => {
      const body = replies[Math.min(call++, replies.length - 1)];
      return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        headers: { 'content-type': 'application/json' },
      });
    };
    const el = await fixture<Crisis>(
      html`<peer-crisis-resources src="/crisis.json" country="US" .fetch=${fetch}></peer-crisis-resources>`,
    );
    await settled(el);
    const campus = 'tel:15555550140';
    expect(numbersOnScreen(el).has(campus)).to.equal(true);
    for (const lang of ['es', 'en']) {
      el.setAttribute('lang', lang); // a new language fetches again
      await waitUntil(() => call > (lang === 'es' ? 1 : 2), 'refetch');
      await settled(el);
      expect(numbersOnScreen(el).has(campus), `after the ${lang} answer`).to.equal(true);
    }
  });

  it('keeps the links when an answer writes the same numbers with spaces, dashes or brackets', async () => {
    const update = campusService({
      id: 'us-988-lifeline',
      scope: 'national',
      subdivisions: [],
      contactMethods: [
        { type: 'phone', value: '9 8 8', hours: alwaysOpen },
        { type: 'sms', value: '(988)', hours: alwaysOpen },
      ],
    });
    const formatted = campusService({
      id: 'campus',
      contactMethods: [{ type: 'phone', value: '+1 (555) 555-0100', hours: alwaysOpen }],
    });
    const el = await crisisWith(listOf([update, formatted]));
    await settled(el);
    const lifeline = shadow(el).querySelector('[data-id="us-988-lifeline"]')!;
    expect(lifeline.querySelector('a[href="tel:988"]')).to.exist;
    expect(lifeline.querySelector('a[href="sms:988"]')).to.exist;
    expect(shadow(el).querySelector('[data-id="campus"] a[href="tel:+15555550100"]')).to.exist;
  });

  it('shows and copies only the number a method dials: display, label and keyword naming another are dropped', async () => {
    const method = (extra: Record<string, unknown>) => ({ type: 'phone', hours: alwaysOpen, ...extra });
    const liar = campusService({
      id: 'liar',
      contactMethods: [
        method({ value: '+1 555 555 0103', displayValue: '988' }),
        method({ value: '*988', displayValue: '988' }),
        method({ value: '+918002738255', displayValue: '+1 800-273-8255' }),
        method({ value: '+15555550101', displayValue: '+1 555-555-0101 (busy? call 555-555-0199)' }),
        method({ value: '988', displayValue: '988 or 5555550199', label: 'Or dial 555-555-0199' }),
        { type: 'sms', value: '741741', smsKeyword: 'HI to 911', hours: alwaysOpen },
      ],
    });
    const el = await crisisWith(listOf([liar]));
    await settled(el);
    const methods = [...shadow(el).querySelectorAll('[data-id="liar"] [part~="method"]')];
    const texts = methods.map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(texts[0]).to.contain('Call +1 555 555 0103').and.not.contain('Call 988');
    expect(texts[1]).to.contain('Call *988');
    expect(texts[2]).to.contain('Call +918002738255').and.not.contain('800-273');
    expect(texts[3]).to.contain('Call +15555550101').and.not.contain('0199');
    expect(texts[4]).to.contain('Call 988').and.not.contain('0199');
    expect(texts[5]).to.contain('Text 741741').and.not.contain('911');
    expect(methods[5]!.querySelector('a')!.getAttribute('href')).to.equal('sms:741741');
    const copyLabels = methods.map((li) => li.querySelector('[part~="copy"]')?.getAttribute('aria-label'));
    expect(copyLabels[0]).to.equal('Copy number +1 555 555 0103');
  });

  it('shows the dialled number instead of a display in another country code, script, star code or trunk form', async () => {
    const method = (value: string, displayValue: string) => ({ type: 'phone', value, displayValue, hours: alwaysOpen });
    const liar = campusService({
      id: 'liar2',
      contactMethods: [
        method('(555) 555-0140', '+91 555 555 0140'),
        method('555-0140', '0044 555 0140'),
        method('+15555550140', '+١ ٥٥٥ ٥٥٥ ٠١٩٩'),
        method('988', '*988'),
        method('112', '0112'),
      ],
    });
    const el = await crisisWith(listOf([liar]));
    await settled(el);
    const texts = [...shadow(el).querySelectorAll('[data-id="liar2"] [part~="action"]')].map((a) =>
      a.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(texts).to.deep.equal(['Call (555) 555-0140', 'Call 555-0140', 'Call +15555550140', 'Call 988', 'Call 112']);
  });

  it('shows no phone number in the text of a chat or email method that is not its own', async () => {
    const web = campusService({
      id: 'web',
      contactMethods: [
        { type: 'chat', value: 'https://campus.example/chat', label: 'Or call 555-555-0199', hours: alwaysOpen },
        { type: 'email', value: 'help@campus.example', displayValue: 'Call 555-555-0199', hours: alwaysOpen },
        {
          type: 'chat',
          value: 'https://988lifeline.org/',
          label: 'Chat',
          displayValue: '988lifeline.org',
          hours: alwaysOpen,
        },
      ],
    });
    const el = await crisisWith(listOf([web]));
    await settled(el);
    const text = shadow(el).querySelector('[data-id="web"]')!.textContent!;
    expect(text).not.to.contain('0199');
    expect(text).to.contain('help@campus.example');
    expect(text).to.contain('Chat');
  });

  it('keeps every bundled display text: the checks above never reject a correct one', async () => {
    const { bundledResources } = await import('../../../src/elements/peer-crisis-resources/data/bundled-data.js');
    const { contactAction } = await import('../../../src/elements/peer-crisis-resources/logic/contact-action.js');
    const countries = ['US', 'CA', 'GB', 'IE', 'AU', 'NZ', 'DE', 'AT', 'CH', 'FR', 'ES', 'IT', 'NL', 'IN', 'MX'];
    const rejected = countries
      .flatMap((country) => bundledResources(country))
      .flatMap((resource) => resource.contactMethods.map((method) => ({ id: resource.id, method })))
      .filter(({ method }) => method.displayValue && contactAction(method).display !== method.displayValue)
      .map(({ id, method }) => `${id}: ${method.displayValue}`);
    expect(rejected).to.deep.equal([]);
  });

  it('adds no second row when an answer writes a bundled number with other dashes or spaces', async () => {
    const update = campusService({
      id: 'us-988-lifeline',
      scope: 'national',
      subdivisions: [],
      contactMethods: [
        { type: 'phone', value: '9\u20138\u20138', hours: alwaysOpen },
        { type: 'sms', value: '\uff19\uff18\uff18', hours: alwaysOpen },
      ],
    });
    const el = await crisisWith(listOf([update]));
    await settled(el);
    const lifeline = shadow(el).querySelector('[data-id="us-988-lifeline"]')!;
    const types = [...lifeline.querySelectorAll<HTMLElement>('[part~="method"]')].map((li) => li.dataset.type);
    expect(types.filter((type) => type === 'phone')).to.have.length(1);
    expect(types.filter((type) => type === 'sms')).to.have.length(1);
    expect(lifeline.querySelector('a[href="tel:988"]')).to.exist;
  });

  it('never pulls in a pair partner from another country', async () => {
    const us = campusService({ id: 'us-x', pairedWith: ['ca-x'] });
    const ca = campusService({
      id: 'ca-x',
      country: 'CA',
      subdivisions: [],
      contactMethods: [{ type: 'phone', value: '+16135550100', hours: alwaysOpen }],
    });
    const el = await crisisWith(listOf([us, ca]));
    await settled(el);
    expect(shadow(el).querySelector('[data-id="us-x"]')).to.exist;
    // A boolean, not the element: chai's message for a failing DOM element can take the page down with it.
    expect(shadow(el).querySelector('[data-id="ca-x"]') === null, 'the Canadian partner is left out').to.equal(true);
  });

  describe('the pasted fallback', () => {
    const fallback = html`<p>Campus Safety: <a href="tel:+15555550100">555-555-0100</a></p>`;

    it('stays when campus services arrive without its numbers', async () => {
      const el = await crisisWith(listOf([campusService()]), fallback);
      await settled(el);
      expect(shadow(el).querySelector<HTMLElement>('[part~="fallback"]')!.hidden).to.equal(false);
      expect(numbersOnScreen(el).has('tel:15555550100')).to.equal(true);
    });

    it('hides once every number it links to is in the rendered list', async () => {
      const safety = campusService({
        id: 'campus-safety',
        contactMethods: [{ type: 'phone', value: '+15555550100', displayValue: '555-555-0100', hours: alwaysOpen }],
      });
      const el = await crisisWith(listOf([safety]), fallback);
      await settled(el);
      expect(shadow(el).querySelector<HTMLElement>('[part~="fallback"]')!.hidden).to.equal(true);
      expect(numbersOnScreen(el).has('tel:15555550100')).to.equal(true);
    });

    for (const [what, markup, value] of [
      ['the list has a number one digit longer', html`<a href="tel:+15555550100">Safety</a>`, '+215555550100'],
      ['its number has an extension', html`<a href="tel:+15555550100;ext=2">Safety</a>`, '+15555550100'],
      ['its number has pauses', html`<a href="tel:+15555550100,,2">Safety</a>`, '+15555550100'],
      ['its number has an "x" extension', html`<a href="tel:+15555550100x2">Safety</a>`, '+15555550100'],
      ['its number has a hash code', html`<a href="tel:+15555550100%232">Safety</a>`, '+15555550100'],
      ['it is a national form of an international number', html`<a href="tel:5555550100">Safety</a>`, '+15555550100'],
      [
        'its number is in an image map',
        html`<map name="m"><area href="tel:+15555550111" alt="Nurse" shape="default" /></map>`,
        '+15555550100',
      ],
    ] as const) {
      it(`stays when ${what}`, async () => {
        const campus = campusService({
          id: 'campus-safety',
          contactMethods: [{ type: 'phone', value, displayValue: '+1 555-555-0100', hours: alwaysOpen }],
        });
        const el = await crisisWith(listOf([campus]), markup);
        await settled(el);
        expect(shadow(el).querySelector<HTMLElement>('[part~="fallback"]')!.hidden).to.equal(false);
      });
    }

    it('stays when the list has its number only as a TTY line', async () => {
      const tty = campusService({
        id: 'campus-tty',
        contactMethods: [{ type: 'tty', value: '+15555550100', hours: alwaysOpen }],
      });
      const el = await crisisWith(listOf([tty]), html`<a href="tel:+15555550100">Safety</a>`);
      await settled(el);
      expect(shadow(el).querySelector<HTMLElement>('[part~="fallback"]')!.hidden).to.equal(false);
    });

    it('shows again when the page adds a number to it that the list lacks', async () => {
      const safety = campusService({
        id: 'campus-safety',
        contactMethods: [{ type: 'phone', value: '+15555550100', hours: alwaysOpen }],
      });
      const el = await crisisWith(listOf([safety]), fallback);
      await settled(el);
      const extra = document.createElement('a');
      extra.href = 'tel:+15555550111';
      extra.textContent = 'Night nurse';
      el.append(extra);
      await waitUntil(() => !shadow(el).querySelector<HTMLElement>('[part~="fallback"]')!.hidden, 'fallback back');
    });
  });

  describe('property: whatever the backend or src answers, every number shown before is still shown after', () => {
    const BUNDLED_IDS = ['us-988-lifeline', 'us-crisis-text-line', 'us-trevor-lifeline', 'us-veterans-crisis-line'];

    function generatedAnswer(seed: number): { items: unknown[]; [key: string]: unknown } {
      const r = seededRandom(seed);
      const number = () =>
        r.pick([
          '911',
          '988',
          '9 8 8',
          '(988)',
          '*988',
          '5550',
          '112',
          '741741',
          '+15555550100',
          '+1 (555) 555-0100',
          '+215555550100',
          '+15555550142',
          'abc',
        ]);
      const method = () => ({
        type: r.pick(['phone', 'sms', 'chat', 'tty', 'whatsapp', 'walk-in']),
        value: number(),
        ...(r.next() < 0.3 ? { displayValue: r.pick(['911', '555-0100', 'call us', '988, then press 1']) } : {}),
        ...(r.next() < 0.2 ? { url: r.pick(['tel:5550', 'sms:1', 'https://example.org/', 'javascript:x']) } : {}),
        hours:
          r.next() < 0.5
            ? alwaysOpen
            : { timeZone: r.pick(['America/New_York', 'Nope/Zone']), alwaysOpen: false, weekly: [] },
      });
      const item = () =>
        r.next() < 0.1
          ? { id: 'broken', name: 42 }
          : campusService({
              id: r.next() < 0.5 ? r.pick(BUNDLED_IDS) : `campus-${r.int(5)}`,
              country: r.pick(['US', 'US', 'CA', 'GB']),
              scope: r.pick(['campus', 'national', 'regional']),
              subdivisions: r.pick([[], ['US-MA'], ['US-CA']]),
              priority: r.int(1001),
              pairedWith: r.next() < 0.2 ? [r.pick(BUNDLED_IDS)] : [],
              contactMethods: Array.from({ length: 1 + r.int(3) }, method),
            });
      const emergency = () => ({
        country: r.pick(['US', 'US', 'CA']),
        number: r.pick(['911', '5550', '112', '999']),
        services: [r.pick(['police', 'general'])],
      });
      return {
        items: Array.from({ length: r.int(6) }, item),
        generatedAt: '2026-11-24T00:00:00Z',
        ...(r.next() < 0.7 ? { emergencyNumbers: Array.from({ length: r.int(4) }, emergency) } : {}),
      };
    }

    /** A later answer made from an earlier one: records dropped, moved, cut down, or their numbers rewritten. */
    function laterAnswer(first: ReturnType<typeof generatedAnswer>, seed: number) {
      const r = seededRandom(seed);
      const rewrite = (value: string) =>
        r.pick([
          value,
          value.replace(/(\d)(?=(\d{3})+$)/g, '$1 '),
          value.replace(/^\+1/, '+1 (').replace(/(\(\d{3})/, '$1) '),
          value.split('').join(r.pick([' ', '-', '.'])),
          `${value}.`,
        ]);
      const items = (first.items as Array<Record<string, unknown>>).flatMap((item) => {
        if (r.next() < 0.2) return [];
        const methods = (item.contactMethods as Array<Record<string, unknown>> | undefined) ?? [];
        return [
          {
            ...item,
            ...(r.next() < 0.2 ? { country: r.pick(['CA', 'GB']) } : {}),
            contactMethods: methods
              .filter(() => r.next() < 0.7)
              .map((method) => ({ ...method, value: rewrite(String(method.value)) })),
          },
        ];
      });
      return { ...first, items: items.filter((item) => (item.contactMethods?.length ?? 1) > 0) };
    }

    const fallback = html`<p><a href="tel:+15555550100">555-555-0100</a> <a href="sms:+15555550142">Text us</a></p>`;

    for (let seed = 1; seed <= 60; seed++) {
      it(`holds for generated answer #${seed}, then a later one after a new language asks again`, async () => {
        const first = generatedAnswer(seed);
        const answers = [first, seed % 2 ? laterAnswer(first, seed + 1000) : generatedAnswer(seed + 1000)];
        let call = 0;
        const fetch: typeof window.fetch = async () =>
          new Response(JSON.stringify(answers[Math.min(call++, 1)]), {
            headers: { 'content-type': 'application/json' },
          });
        const el = await fixture<Crisis>(
          html`<peer-crisis-resources src="/crisis.json" country="US" region="US-MA" .fetch=${fetch}
            >${fallback}</peer-crisis-resources
          >`,
        );
        const before = numbersOnScreen(el);
        expect(before.size, 'something on screen before').to.be.greaterThan(3);
        await settled(el);
        const afterFirst = numbersOnScreen(el);
        expect(missing(before, afterFirst), JSON.stringify(answers[0])).to.deep.equal([]);
        el.setAttribute('lang', 'es');
        await waitUntil(() => call > 1, 'asked again');
        await settled(el);
        expect(missing(afterFirst, numbersOnScreen(el)), JSON.stringify(answers)).to.deep.equal([]);
      });
    }
  });
});
