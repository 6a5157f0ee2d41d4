// <peer-request-button>: the label from availability, and the dialog by keyboard: focus in and back, Escape (twice)
// losing nothing, Back and Next keeping answers, full screen on a phone.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import {
  $,
  API,
  availability,
  choose,
  created,
  focused,
  json,
  mount,
  next,
  nobodyOnShift,
  openDialog,
  requestFetch,
  select,
  stepText,
  text,
  type,
  until,
  type Button,
} from './helpers.js';

const createdAnswer = created();

describe('<peer-request-button> label and dialog', () => {
  it('says supporters are on shift and the wait the backend gives; the button is 44 px and accessible', async () => {
    const net = requestFetch({ availability: () => json(availability({ expectedWaitMinutes: 10 })) });
    const el = await mount(net);
    const button = $<HTMLButtonElement>(el, '#open')!;
    expect(text(button)).to.equal('Talk to a peer supporter Supporters are on shift now. The wait is about 10 min.');
    expect(button.getAttribute('aria-haspopup')).to.equal('dialog');
    expect(button.getBoundingClientRect().height).to.be.at.least(44);
    await expect(el).to.be.accessible();
  });

  it('promises no wait when the backend gives none', async () => {
    const net = requestFetch({ availability: () => json(availability({ expectedWaitMinutes: null })) });
    const el = await mount(net);
    expect(text($(el, '[part="availability"]'))).to.equal('Supporters are on shift now.');
  });

  it('says no one is on shift inside the hours', async () => {
    const el = await mount(requestFetch({ availability: () => json(nobodyOnShift()) }));
    expect(text($(el, '[part="availability"]'))).to.equal('No one is on shift right now.');
  });

  it('outside the hours, names the day it next opens', async () => {
    const at = new Date(Date.now() + 3 * 86_400_000);
    at.setHours(10, 0, 0, 0);
    const net = requestFetch({
      availability: () =>
        json(
          nobodyOnShift() &&
            availability({
              open: false,
              withinHours: false,
              supportersOnShift: 0,
              expectedWaitMinutes: null,
              channels: [],
              nextOpenAt: at.toISOString(),
            }),
        ),
    });
    const el = await mount(net);
    const weekday = at.toLocaleDateString('en', { weekday: 'long' });
    const time = at.toLocaleTimeString('en', { hour: 'numeric', minute: '2-digit' });
    expect(text($(el, '[part="availability"]'))).to.equal(`Opens ${weekday} at ${time}.`);
    await expect(el).to.be.accessible();
  });

  it('opens by keyboard with focus on its heading; Escape closes and focus returns to the button', async () => {
    const el = await mount(requestFetch({ availability: () => json(availability()) }));
    const opened: unknown[] = [];
    el.addEventListener('peer-request-open', (event) => opened.push(event.detail));
    $<HTMLButtonElement>(el, '#open')!.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await until(() => dialog.open, 2000, 'the dialog');
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('dialog-heading');
    expect(opened).to.deep.equal([{ availability: 'open' }]);
    expect(stepText(el)).to.equal('Step 1 of 8');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 2000, 'closing');
    expect(focused(el)?.id).to.equal('open');
  });

  it('loses nothing typed to Escape pressed twice, nor to Back and Next; the close button returns focus too', async () => {
    const net = requestFetch({ availability: () => json(availability()) });
    const el = await mount(net);
    const dialog = await openDialog(el);
    await choose(el, 'input[name="safety"][value="no"]');
    await next(el);
    await select(el, '#topic', 'studies');
    await type(el, '#note', 'Exams are piling up.');
    // Escape twice: Chromium would close on the second press even if the first were cancelled.
    $<HTMLTextAreaElement>(el, '#note')!.focus();
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 2000, 'closing');
    expect(focused(el)?.id).to.equal('open');
    await openDialog(el);
    expect(stepText(el)).to.equal('Step 2 of 8');
    expect($<HTMLTextAreaElement>(el, '#note')!.value).to.equal('Exams are piling up.');
    expect($<HTMLSelectElement>(el, '#topic')!.value).to.equal('studies');
    await next(el);
    await choose(el, 'input[name="supportKind"][value="information"]');
    $<HTMLButtonElement>(el, '[part="back"]')!.click();
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('step-count');
    expect($<HTMLTextAreaElement>(el, '#note')!.value).to.equal('Exams are piling up.');
    await next(el);
    expect($<HTMLInputElement>(el, 'input[name="supportKind"][value="information"]')!.checked).to.equal(true);
    $<HTMLButtonElement>(el, '[part="close"]')!.click();
    await until(() => !dialog.open, 2000, 'closing');
    expect(focused(el)?.id).to.equal('open');
  });

  it('takes a whole request by keyboard alone', async () => {
    const posts: unknown[] = [];
    const net = requestFetch({
      availability: () => json(availability()),
      create: (call) => (posts.push(call.body), json({ ...createdAnswer }, 201)),
    });
    const el = await mount(net);
    /** Presses Tab until `selector` has focus: reachable by keyboard, in order. */
    const tabTo = async (selector: string) => {
      for (let press = 0; press < 25; press++) {
        if (focused(el)?.matches(selector)) return;
        await sendKeys({ press: 'Tab' });
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    $<HTMLButtonElement>(el, '#open')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $<HTMLDialogElement>(el, 'dialog')!.open, 2000, 'the dialog');
    await tabTo('input[name="safety"][value="no"]');
    await sendKeys({ press: 'Space' });
    await tabTo('[part="next"]');
    await sendKeys({ press: 'Enter' });
    await until(() => stepText(el) === 'Step 2 of 8', 2000, 'step 2');
    await tabTo('#topic');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await tabTo('#note');
    await sendKeys({ type: 'Just want to talk.' });
    for (let step = 3; step <= 8; step++) {
      await tabTo('[part="next"]');
      await sendKeys({ press: 'Enter' });
      await until(() => stepText(el) === `Step ${step} of 8`, 2000, `step ${step}`);
    }
    await tabTo('#consent');
    await sendKeys({ press: 'Space' });
    await tabTo('[part="send"]');
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el)?.id === 'status-heading', 3000, 'focus on the status');
    expect(posts).to.have.length(1);
    expect((posts[0] as { topic: string; note: string }).topic).to.equal('stress');
    expect((posts[0] as { note: string }).note).to.equal('Just want to talk.');
    await tabTo('[part="copy"]');
    await sendKeys({ press: 'Escape' });
    await until(() => focused(el)?.id === 'open', 2000, 'focus back on the button');
  });

  it('fills a phone screen', async () => {
    await setViewport({ width: 360, height: 640 });
    try {
      const el = await mount(requestFetch({ availability: () => json(availability()) }));
      const dialog = await openDialog(el);
      const box = dialog.getBoundingClientRect();
      expect(box.width).to.equal(360);
      expect(box.height).to.equal(640);
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('without a backend, still opens with help and says it is not set up', async () => {
    const el = await mount(requestFetch({}));
    el.apiBase = undefined;
    el.removeAttribute('api-base');
    await el.updateComplete;
    await openDialog(el);
    expect(text($(el, '[part="problem"]'))).to.contain('not set up');
    expect($(el, 'dialog peer-help-link') !== null).to.equal(true);
  });
});

describe('<peer-request-button> live region', () => {
  it('sits inside the dialog while it is open (the page behind a modal dialog is inert, hidden from screen readers)', async () => {
    const el = await mount(requestFetch({ availability: () => json(availability()) }));
    const region = () => $(el, '[part="live-region"]');
    expect(region()?.closest('dialog') == null, 'outside while closed').to.equal(true);
    await openDialog(el);
    expect(region()?.closest('dialog') != null, 'inside while open').to.equal(true);
    el.close();
    await until(() => region()?.closest('dialog') == null, 2000, 'back outside');
  });
});

describe('<peer-request-button> closed', () => {
  it('renders no dialog content, so no crisis panel loads, until it opens', async () => {
    const el = await mount(requestFetch({ availability: () => json(nobodyOnShift()) }));
    expect(el.shadowRoot!.querySelectorAll('dialog peer-crisis-resources, dialog form').length).to.equal(0);
    await openDialog(el);
    expect($(el, 'dialog [part="fallback"] peer-crisis-resources') !== null).to.equal(true);
  });
});

describe('<peer-request-button> layout', () => {
  it('keeps the room of the availability line while it loads, so the page does not move when it arrives', async () => {
    let answer: (response: Response) => void = () => {};
    const net = requestFetch({ availability: () => new Promise<Response>((resolve) => (answer = resolve)) });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 40rem">
        <peer-request-button api-base=${API} .fetch=${net.fetch}></peer-request-button>
      </div>`,
    );
    const el = wrapper.querySelector<Button>('peer-request-button')!;
    await el.updateComplete;
    await until(() => net.calls.length > 0, 2000, 'the availability request');
    const before = el.getBoundingClientRect().height;
    answer(json(availability({ expectedWaitMinutes: null })));
    await until(() => text($(el, '[part="availability"]')) !== '', 2000, 'the line');
    expect(el.getBoundingClientRect().height).to.equal(before);
  });
});
