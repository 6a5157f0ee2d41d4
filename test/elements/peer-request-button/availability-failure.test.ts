// <peer-request-button> when availability cannot be read: said plainly with a retry, helplines in the dialog, no
// stale wait after a failed refresh; and a lenient reading where one bad field drops only itself.
import { expect, fixture, html } from '@open-wc/testing';
import {
  $,
  API,
  availability,
  type Button,
  json,
  mount,
  openDialog,
  problem,
  requestFetch,
  text,
  until,
} from './helpers.js';

const UNKNOWN = 'We could not check who is on shift just now.';
const line = (el: Element) => text($(el, '[part="availability"]'));

describe('<peer-request-button> availability that cannot be read', () => {
  for (const [name, answer] of [
    ['a 500', () => problem(500)],
    ['HTML', () => new Response('<html>oops</html>', { status: 200, headers: { 'Content-Type': 'text/html' } })],
    ['wrong types', () => json(availability({ open: 'yes', supportersOnShift: 'two' }))],
  ] as const) {
    it(`says so with a Try again button after ${name}, and the dialog offers helplines`, async () => {
      let good = false;
      const net = requestFetch({ availability: () => (good ? json(availability()) : answer()) });
      const el = await mount(net);
      await until(() => line(el) !== '', 3000, 'the line');
      expect(line(el)).to.equal(UNKNOWN);
      const retry = $<HTMLButtonElement>(el, '[part="retry"]');
      expect(retry, 'a Try again button').to.exist;
      expect(text(retry)).to.equal('Try again');
      await expect(el).to.be.accessible();
      await openDialog(el);
      await until(() => !!$(el, '[part="fallback"]'), 3000, 'the fallback section');
      const fallback = $(el, '[part="fallback"]')!;
      expect(text(fallback)).to.contain(UNKNOWN);
      expect(text(fallback)).to.contain('Helplines you can reach now');
      expect(fallback.querySelector('peer-crisis-resources'), 'helplines').to.exist;
      expect(fallback.querySelector('[part="retry"]'), 'a retry in the dialog').to.exist;
      await expect(el).to.be.accessible();
      good = true;
      fallback.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
      await until(() => line(el).startsWith('Supporters are on shift'), 3000, 'the line after retry');
      await until(() => !$(el, '[part="fallback"]'), 3000, 'the fallback gone');
      expect($(el, '[part="retry"]')).to.equal(null);
    });
  }

  it('in Spanish too', async () => {
    const el = await mount(requestFetch({ availability: () => problem(503) }), { lang: 'es' });
    await until(() => line(el) !== '', 3000, 'the line');
    expect(line(el)).to.equal('Ahora no hemos podido comprobar quién está de turno.');
  });

  it('after a good answer, a failed refresh (opening the dialog) does not keep claiming a wait', async () => {
    let fail = false;
    const net = requestFetch({
      availability: () => (fail ? problem(500) : json(availability({ expectedWaitMinutes: 12 }))),
    });
    const el = await mount(net);
    expect(line(el)).to.contain('about 12 min');
    fail = true;
    await openDialog(el);
    await until(() => line(el) === UNKNOWN, 3000, 'the could-not-check line');
    expect(text($(el, '[part="fallback"]'))).to.contain('Helplines you can reach now');
    expect(text($(el, 'dialog'))).not.to.contain('12 min');
  });
});

describe('<peer-request-button> reads availability leniently', () => {
  it('drops an unknown channel, a malformed nextOpenAt and an absurd wait, keeping the rest', async () => {
    const net = requestFetch({
      availability: () => json(availability({ channels: ['chat', 'hologram'], expectedWaitMinutes: 99999 })),
    });
    const el = await mount(net);
    expect(line(el)).to.equal('Supporters are on shift now.');
    const negative = await mount(
      requestFetch({ availability: () => json(availability({ expectedWaitMinutes: -3, nextOpenAt: 'soon' })) }),
    );
    expect(line(negative)).to.equal('Supporters are on shift now.');
  });

  it('a closed service with a malformed nextOpenAt still says it is closed', async () => {
    const el = await mount(
      requestFetch({
        availability: () =>
          json(
            availability({
              open: false,
              withinHours: false,
              supportersOnShift: 0,
              expectedWaitMinutes: null,
              channels: [7],
              nextOpenAt: 'tomorrow-ish',
              hours: { timeZone: 'UTC', alwaysOpen: false, weekly: [] },
            }),
          ),
      }),
    );
    expect(line(el)).to.equal('Closed right now.');
  });
});

describe('<peer-request-button> availability that hangs', () => {
  it('past the time limit says it could not check; a retry on its way does not bring the old wait back', async () => {
    let answer: 'good' | 'hang' = 'good';
    const net = requestFetch({
      availability: () =>
        answer === 'good' ? json(availability({ expectedWaitMinutes: 12 })) : new Promise<Response>(() => {}),
    });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en">
        <peer-request-button api-base=${API} country="US" timeout="1000" .fetch=${net.fetch}></peer-request-button>
      </div>`,
    );
    const el = wrapper.querySelector<Button>('peer-request-button')!;
    await until(() => line(el).includes('about 12 min'), 3000, 'the first answer');
    answer = 'hang';
    await openDialog(el);
    await until(() => line(el) === UNKNOWN, 4000, 'the could-not-check line after the time limit');
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await el.updateComplete;
    expect(line(el), 'while retrying').to.equal(UNKNOWN);
    expect(text($(el, 'dialog'))).not.to.contain('12 min');
  });
});
