import { expect, html } from '@open-wc/testing';
import {
  $,
  announced,
  campusConfig,
  checkInResult,
  choose,
  json,
  mount,
  recordingFetch,
  submit,
  until,
} from './helpers.js';

const API = 'https://backend.example/v1';

/** Waits for the campus config request to settle and the form to show what it says. */
async function withConfig(el: HTMLElement & { updateComplete: Promise<boolean> }) {
  await until(() => $(el, '[part="privacy"]')?.textContent?.includes('30 days') === true);
}

/** Asks for a follow-up with this contact and agrees to the consent statement. */
async function askForFollowUp(el: HTMLElement & { updateComplete: Promise<boolean> }, contact: string) {
  $<HTMLInputElement>(el, 'input[name="follow-up"]')!.click();
  await el.updateComplete;
  const field = $<HTMLInputElement>(el, '[part="contact"]')!;
  field.value = contact;
  field.dispatchEvent(new Event('input'));
  $<HTMLInputElement>(el, '#field-consent')!.click();
}

describe('<peer-check-in> sending', () => {
  it('uses the campus’s topics and emotion words and says how long answers are kept', async () => {
    const net = recordingFetch({ config: () => json(campusConfig()) });
    const el = await mount(html`<peer-check-in api-base=${API} .fetch=${net.fetch}></peer-check-in>`);
    await withConfig(el);
    const topics = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="topics"]')].map((i) => i.value);
    expect(topics).to.deep.equal(['exams', 'sleep', 'money']);
    expect($(el, '[part="privacy"]')?.textContent).to.contain('kept for 30 days');
  });

  it('offers follow-up only when the campus reads it, and shows contact and consent only once asked', async () => {
    const off = recordingFetch({ config: () => json(campusConfig({ followUp: false })) });
    const without = await mount(html`<peer-check-in api-base=${API} .fetch=${off.fetch}></peer-check-in>`);
    await withConfig(without);
    expect($(without, '[part="follow-up"]') === null).to.equal(true);

    const net = recordingFetch({
      config: () => json(campusConfig()),
      checkIns: () => json(checkInResult(), 201),
    });
    const el = await mount(html`<peer-check-in api-base=${API} .fetch=${net.fetch}></peer-check-in>`);
    await withConfig(el);
    expect($(el, '[part="follow-up"]')?.textContent).to.contain('someone from Test University');
    expect($(el, '[part="consent"]') === null, 'consent hidden until asked').to.equal(true);
    expect($(el, '[part="contact"]') === null).to.equal(true);
    $<HTMLInputElement>(el, 'input[name="follow-up"]')!.click();
    await el.updateComplete;
    expect($(el, '[part="consent"]')?.textContent).to.contain('within 2 working days');
    expect($(el, '[part="consent"]')?.textContent).to.contain('your life is at risk');
    await expect(el).to.be.accessible();

    await choose(el, 'mood', '2');
    const contact = $<HTMLInputElement>(el, '[part="contact"]')!;
    contact.value = 'not-an-email';
    contact.dispatchEvent(new Event('input'));
    await submit(el);
    expect($(el, '#error-contact')?.textContent).to.contain('email address');
    expect($(el, '#error-consent')?.textContent).to.contain('Tick the box');
    expect(el.shadowRoot!.activeElement === contact).to.equal(true);
    expect(net.posts()).to.have.length(0);
    await expect(el).to.be.accessible();

    contact.value = 'sam@example.edu';
    contact.dispatchEvent(new Event('input'));
    $<HTMLInputElement>(el, '#field-consent')!.click();
    await submit(el);
    await until(() => net.posts().length === 1);
    expect(net.posts()[0]!.body).to.deep.include({
      followUp: {
        contact: { channel: 'email', value: 'sam@example.edu' },
        consentVersion: 'check-in-follow-up/2026-11-30',
      },
    });
  });

  it('one bad setting in /config drops only itself: the rest (follow-up, retention, other topics) still apply', async () => {
    const config = campusConfig({ topics: ['exams', 'climate-anxiety', 'sleep'], emotions: ['tired', 42] });
    const net = recordingFetch({
      config: () => json({ ...config, counsellingUrl: 'javascript:alert(1)', campusName: '<b>Test</b> University' }),
    });
    const el = await mount(html`<peer-check-in api-base=${API} .fetch=${net.fetch}></peer-check-in>`);
    await withConfig(el);
    const topics = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="topics"]')].map((i) => i.value);
    expect(topics).to.deep.equal(['exams', 'sleep']);
    expect($(el, '[part="follow-up"]')?.textContent).to.contain('<b>Test</b> University');
    expect($(el, '[part="follow-up"] b') === null, 'markup stays text').to.equal(true);
  });

  it('after a follow-up request, the result says who will get in touch and when', async () => {
    const net = recordingFetch({ config: () => json(campusConfig()), checkIns: () => json(checkInResult(), 201) });
    const el = await mount(html`<peer-check-in api-base=${API} .fetch=${net.fetch}></peer-check-in>`);
    await withConfig(el);
    await askForFollowUp(el, 'sam@example.edu');
    await choose(el, 'mood', '2');
    await submit(el);
    await until(() => $(el, '[part="result"]') !== null);
    expect($(el, '[part="follow-up-note"]')?.textContent).to.contain(
      'Someone from Test University will get in touch within 2 working days',
    );
  });

  it('a 2xx with an id but suggestions it cannot use counts as sent, with the next steps worked out on the page', async () => {
    const net = recordingFetch({
      config: () => json(campusConfig()),
      checkIns: () => json({ id: 'x', suggestions: [{ kind: 'peer', url: 'javascript:alert(1)' }] }, 201),
    });
    const el = await mount(html`<peer-check-in api-base=${API} .fetch=${net.fetch}></peer-check-in>`);
    await withConfig(el);
    await choose(el, 'mood', '3');
    await submit(el);
    await until(() => $(el, '[part="result"]') !== null);
    expect(net.posts()).to.have.length(1);
    expect(el.shadowRoot!.innerHTML).not.to.contain('javascript:');
  });

  it('never sends contact details when follow-up was ticked and then unticked', async () => {
    const net = recordingFetch({ config: () => json(campusConfig()), checkIns: () => json(checkInResult(), 201) });
    const el = await mount(html`<peer-check-in api-base=${API} .fetch=${net.fetch}></peer-check-in>`);
    await withConfig(el);
    $<HTMLInputElement>(el, 'input[name="follow-up"]')!.click();
    await el.updateComplete;
    const contact = $<HTMLInputElement>(el, '[part="contact"]')!;
    contact.value = 'sam@example.edu';
    contact.dispatchEvent(new Event('input'));
    $<HTMLInputElement>(el, 'input[name="follow-up"]')!.click();
    await choose(el, 'mood', '4');
    await submit(el);
    await until(() => net.posts().length === 1);
    expect(JSON.stringify(net.posts()[0]!.body)).not.to.contain('sam@');
  });

  it('offline: keeps the answers, says so plainly, shows next steps, and sends once when back online', async () => {
    let online = true;
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => online });
    try {
      const net = recordingFetch({
        config: () => json(campusConfig()),
        checkIns: () => {
          if (online) return json(checkInResult(), 201);
          return Promise.reject(new TypeError('Failed to fetch'));
        },
      });
      const el = await mount(
        html`<peer-check-in
          api-base=${API}
          .fetch=${net.fetch}
          counselling-href="https://counselling.example.edu/"
          peer-href="https://campus.example/peer"
        ></peer-check-in>`,
      );
      await withConfig(el);
      await choose(el, 'mood', '1');
      const note = $<HTMLTextAreaElement>(el, '#note')!;
      note.value = 'long week';
      note.dispatchEvent(new Event('input'));
      online = false; // the browser knows: nothing is attempted
      await submit(el);
      await until(() => $(el, '[part="status"]')?.textContent?.includes('offline') === true, 8000);
      expect(net.posts(), 'no doomed attempts while offline').to.have.length(0);
      expect($<HTMLInputElement>(el, 'input[name="mood"][value="1"]')!.checked).to.equal(true);
      expect($<HTMLTextAreaElement>(el, '#note')!.value).to.equal('long week');
      expect($(el, '[part="status"] [part~="next-step-peer"]') !== null, 'next steps without the network').to.equal(
        true,
      );
      expect(el.shadowRoot!.activeElement?.id, 'focus on the status, not lost').to.equal('send-status');
      expect(await announced(el)).to.contain('offline');
      await expect(el).to.be.accessible();

      online = true;
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('online'));
      await until(() => $(el, '[part="result"]') !== null);
      expect(net.posts().length, 'one request for two online events').to.equal(1);
      expect(await announced(el)).to.equal('Check-in sent.');
    } finally {
      Object.defineProperty(Navigator.prototype, 'onLine', onLine);
    }
  });

  it('online but unreachable: could not confirm (a dropped connection may come after it arrived), keeps focus, and "Send now" uses the same key', async () => {
    let reachable = false;
    const net = recordingFetch({
      config: () => json(campusConfig()),
      checkIns: () => (reachable ? json(checkInResult(), 201) : Promise.reject(new TypeError('Failed to fetch'))),
    });
    const el = await mount(html`<peer-check-in api-base=${API} .fetch=${net.fetch}></peer-check-in>`);
    await withConfig(el);
    await choose(el, 'mood', '2');
    $<HTMLButtonElement>(el, '[part="submit"]')!.focus();
    await submit(el);
    await until(() => $(el, '[part="retry"]') !== null, 15_000);
    const status = $(el, '[part="status"]')!.textContent!;
    expect(status).to.contain('could not confirm');
    expect(status).not.to.contain('has not been sent');
    expect(status).not.to.contain('offline');
    expect(el.shadowRoot!.activeElement?.id).to.equal('send-status');
    expect(new Set(net.posts().map((post) => post.key)).size).to.equal(1);
    reachable = true;
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await until(() => $(el, '[part="result"]') !== null);
    expect(new Set(net.posts().map((post) => post.key)).size).to.equal(1);
  });

  it('a server error keeps the answers, could not confirm (the server may have committed first), and offers "Send now" with the same key', async () => {
    let fail = true;
    const net = recordingFetch({
      config: () => json(campusConfig()),
      checkIns: () =>
        fail
          ? json({ type: 'about:blank', title: 'Bad gateway', status: 502 }, 502)
          : json(checkInResult([{ kind: 'counsellor', reason: 'general', urgent: false }]), 201),
    });
    const el = await mount(html`<peer-check-in api-base=${API} .fetch=${net.fetch} timeout="2000"></peer-check-in>`);
    await withConfig(el);
    await choose(el, 'mood', '3');
    await submit(el);
    await until(() => $(el, '[part="retry"]') !== null, 10_000);
    expect($(el, '[part="status"]')?.textContent).to.contain('could not confirm');
    expect($(el, '[part="status"]')?.textContent).not.to.contain('has not been sent');
    expect($<HTMLInputElement>(el, 'input[name="mood"][value="3"]')!.checked).to.equal(true);
    fail = false;
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await until(() => $(el, '[part="result"]') !== null);
    expect(new Set(net.posts().map((post) => post.key)).size).to.equal(1);
    // the backend's suggestion is used: the campus counselling page from the config
    expect($<HTMLAnchorElement>(el, '[part~="next-step-counsellor"] a')?.href).to.equal(
      'https://counselling.example.edu/',
    );
  });

  it('a POST that timed out may have arrived: could not confirm, never "not sent", and Send now keeps the key', async function () {
    this.timeout(20_000); // three attempts of one second each, with backoff between them
    let answer = false;
    const net = recordingFetch({
      config: () => json(campusConfig()),
      checkIns: (request) =>
        answer
          ? json(checkInResult(), 201)
          : new Promise<Response>((_, reject) =>
              request.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
            ),
    });
    const el = await mount(html`<peer-check-in api-base=${API} .fetch=${net.fetch} timeout="1000"></peer-check-in>`);
    await withConfig(el);
    await choose(el, 'mood', '3');
    await submit(el);
    await until(() => $(el, '[part="retry"]') !== null, 15_000);
    expect(net.posts().length, 'the client tried more than once').to.be.greaterThan(1);
    const status = $(el, '[part="status"]')!.textContent!;
    expect(status).to.contain('could not confirm');
    expect(status).not.to.contain('has not been sent');
    expect(status).not.to.contain('took too long');
    expect(await announced(el)).to.contain('could not confirm');
    await expect(el).to.be.accessible();
    answer = true;
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await until(() => $(el, '[part="result"]') !== null);
    expect(new Set(net.posts().map((post) => post.key)).size).to.equal(1);
  });

  it('a 4xx that refuses the check-in itself says it was not sent, and why', async () => {
    const net = recordingFetch({
      config: () => json(campusConfig()),
      checkIns: () => json({ type: 'about:blank', title: 'Bad request', status: 400 }, 400),
    });
    const el = await mount(html`<peer-check-in api-base=${API} .fetch=${net.fetch}></peer-check-in>`);
    await withConfig(el);
    await choose(el, 'mood', '3');
    await submit(el);
    await until(() => $(el, '[part="retry"]') !== null, 10_000);
    expect($(el, '[part="status"]')!.textContent).to.contain('has not been sent');
  });

  it('sends no safetyConcern when the safety question is left unanswered or not asked, and false only for a no', async () => {
    const bodies: Array<Record<string, unknown>> = [];
    for (const [attributes, answer] of [
      [{}, undefined],
      [{}, 'no'],
      [{ 'safety-question': 'off' }, undefined],
    ] as const) {
      const net = recordingFetch({ config: () => json(campusConfig()), checkIns: () => json(checkInResult(), 201) });
      const el = await mount(html`<peer-check-in api-base=${API} .fetch=${net.fetch}></peer-check-in>`);
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      await withConfig(el);
      await choose(el, 'mood', '3');
      if (answer) await choose(el, 'safety', answer);
      await submit(el);
      await until(() => net.posts().length === 1);
      bodies.push(net.posts()[0]!.body as Record<string, unknown>);
    }
    expect(bodies.map((body) => ('safetyConcern' in body ? body.safetyConcern : 'left out'))).to.deep.equal([
      'left out',
      false,
      'left out',
    ]);
  });

  it('puts crisis help first after a safety concern even when the backend forgets to', async () => {
    const net = recordingFetch({ config: () => json(campusConfig()), checkIns: () => json(checkInResult(), 201) });
    const el = await mount(
      html`<peer-check-in api-base=${API} .fetch=${net.fetch} peer-href="https://campus.example/peer"></peer-check-in>`,
    );
    await withConfig(el);
    await choose(el, 'mood', '1');
    await choose(el, 'safety', 'yes');
    await submit(el);
    await until(() => $(el, '[part="result"]') !== null);
    expect(net.posts()[0]!.body).to.deep.include({ safetyConcern: true });
    const first = $(el, '[part~="next-step"]');
    expect(first?.getAttribute('part')).to.contain('next-step-crisis');
    // crisis help shown before stays on screen with the result
    expect($(el, 'peer-crisis-resources') !== null).to.equal(true);
  });

  it('aborts a request in flight when it leaves the page', async () => {
    let aborted = false;
    const net = recordingFetch({
      config: () => json(campusConfig()),
      checkIns: (request) =>
        new Promise<Response>((_, reject) =>
          request.signal.addEventListener('abort', () => {
            aborted = true;
            reject(new DOMException('aborted', 'AbortError'));
          }),
        ),
    });
    const el = await mount(html`<peer-check-in api-base=${API} .fetch=${net.fetch}></peer-check-in>`);
    await withConfig(el);
    await choose(el, 'mood', '4');
    await submit(el);
    await until(() => net.posts().length === 1);
    el.remove();
    await until(() => aborted);
  });

  it('sends again with the same key when it is put back on the page after leaving mid-send (never stuck "sending")', async () => {
    let hang = true;
    const net = recordingFetch({
      config: () => json(campusConfig()),
      checkIns: (request) =>
        hang
          ? new Promise<Response>((_, reject) =>
              request.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
            )
          : json(checkInResult(), 201),
    });
    const el = await mount(html`<peer-check-in api-base=${API} .fetch=${net.fetch}></peer-check-in>`);
    await withConfig(el);
    await choose(el, 'mood', '4');
    await submit(el);
    await until(() => net.posts().length === 1);
    const parent = el.parentElement!;
    el.remove(); // a single-page app moves the element, or hides its view for a moment
    await new Promise((resolve) => setTimeout(resolve, 20));
    hang = false;
    parent.append(el);
    await until(() => $(el, '[part="result"]') !== null);
    expect(net.posts()).to.have.length(2);
    expect(net.posts()[1]!.key).to.equal(net.posts()[0]!.key);
  });

  it('announces politely that the check-in is being sent, the moment sending starts', async () => {
    const net = recordingFetch({
      config: () => json(campusConfig()),
      checkIns: (request) =>
        new Promise<Response>((_, reject) =>
          request.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    });
    const el = await mount(html`<peer-check-in api-base=${API} .fetch=${net.fetch}></peer-check-in>`);
    await withConfig(el);
    await choose(el, 'mood', '2');
    await submit(el);
    await until(() => net.posts().length === 1);
    expect(await announced(el)).to.equal('Sending your check-in…');
    expect($(el, '[part="live-region"]')!.getAttribute('aria-live')).to.equal('polite');
    el.remove();
  });

  it('when sending is slow, says so (announced) and offers only what it can do: no "try again" without a button', async () => {
    const net = recordingFetch({
      config: () => json(campusConfig()),
      checkIns: (request) =>
        new Promise<Response>((_, reject) =>
          request.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    });
    const el = await mount(
      html`<peer-check-in api-base=${API} .fetch=${net.fetch} peer-href="https://campus.example/peer"></peer-check-in>`,
    );
    await withConfig(el);
    await choose(el, 'mood', '2');
    await submit(el);
    await until(() => $(el, '[part="status"] [part~="next-step-peer"]') !== null, 6000);
    const status = $(el, '[part="status"] #send-status')!.textContent!.trim();
    expect(status).to.contain('longer than usual');
    const offersRetry = /try again/i.test(status);
    expect(offersRetry && $(el, '[part="status"] button[part="retry"]') === null, status).to.equal(false);
    expect(await announced(el)).to.equal(status);
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('a 2xx it cannot read at all (a proxy’s HTML page) never says "sent" nor promises a follow-up: it may have been sent, and Send now uses the same key', async () => {
    let proxy = true;
    const net = recordingFetch({
      config: () => json(campusConfig()),
      checkIns: () =>
        proxy
          ? new Response('<html><body>Welcome to the campus Wi-Fi</body></html>', {
              status: 200,
              headers: { 'Content-Type': 'text/html' },
            })
          : json(checkInResult(), 201),
    });
    const el = await mount(html`<peer-check-in api-base=${API} .fetch=${net.fetch}></peer-check-in>`);
    await withConfig(el);
    await askForFollowUp(el, 'sam@example.edu');
    await choose(el, 'mood', '2');
    const completes: unknown[] = [];
    el.addEventListener('peer-check-in-complete', (event) => completes.push(event.detail));
    await submit(el);
    await until(() => $(el, '[part="retry"]') !== null || $(el, '[part="result"]') !== null);
    expect($(el, '[part="result"]') === null, 'no result claiming it was sent').to.equal(true);
    expect($(el, '[part="follow-up-note"]') === null, 'no follow-up promised').to.equal(true);
    const status = $(el, '[part="status"] #send-status')!.textContent!;
    expect(status).to.contain('could not confirm');
    expect(await announced(el)).to.contain('could not confirm');
    expect(completes).to.have.length(0);
    await expect(el).to.be.accessible();
    proxy = false;
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await until(() => $(el, '[part="result"]') !== null);
    expect(net.posts()).to.have.length(2);
    expect(net.posts()[1]!.key).to.equal(net.posts()[0]!.key);
    expect($(el, '[part="follow-up-note"]')?.textContent).to.contain('will get in touch');
  });

  it('a newer backend’s unknown suggestion drops only itself: the others it sent are used', async () => {
    const net = recordingFetch({
      config: () => json(campusConfig()),
      checkIns: () =>
        json(
          checkInResult([
            { kind: 'app', reason: 'general', urgent: false },
            { kind: 'counsellor', reason: 'general', urgent: false, url: 'https://counselling.example.edu/talk-today' },
            { kind: 'peer', reason: 'general', urgent: false, url: 'javascript:alert(1)' },
          ]),
          201,
        ),
    });
    const el = await mount(html`<peer-check-in api-base=${API} .fetch=${net.fetch}></peer-check-in>`);
    await withConfig(el);
    await choose(el, 'mood', '3');
    await submit(el);
    await until(() => $(el, '[part="result"]') !== null);
    expect($<HTMLAnchorElement>(el, '[part~="next-step-counsellor"] a')?.href).to.equal(
      'https://counselling.example.edu/talk-today',
    );
    expect(el.shadowRoot!.innerHTML).not.to.contain('javascript:');
    expect(await announced(el)).to.equal('Check-in sent.');
  });

  it('a 409 (the server is still working on this key) is never "not sent": it could not confirm, and Send now replays', async () => {
    let busy = true;
    const net = recordingFetch({
      config: () => json(campusConfig()),
      checkIns: () =>
        busy
          ? json({ type: 'about:blank', title: 'In progress', status: 409 }, 409, { 'Retry-After': '1' })
          : json(checkInResult(), 201),
    });
    const el = await mount(html`<peer-check-in api-base=${API} .fetch=${net.fetch}></peer-check-in>`);
    await withConfig(el);
    await choose(el, 'mood', '3');
    await submit(el);
    await until(() => $(el, '[part="retry"]') !== null, 15_000);
    const status = $(el, '[part="status"] #send-status')!.textContent!;
    expect(status).to.contain('could not confirm');
    expect(status).not.to.contain('has not been sent');
    busy = false;
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await until(() => $(el, '[part="result"]') !== null);
    expect(new Set(net.posts().map((post) => post.key)).size).to.equal(1);
  });

  it('never sends a word the student can no longer see: one ticked before the campus’s own lists replaced the defaults', async () => {
    let release: () => void = () => {};
    const configReady = new Promise<void>((resolve) => (release = resolve));
    const net = recordingFetch({
      config: async () => {
        await configReady;
        return json(campusConfig()); // topics: exams, sleep, money; emotions: tired, anxious
      },
      checkIns: () => json(checkInResult(), 201),
    });
    const el = await mount(html`<peer-check-in api-base=${API} .fetch=${net.fetch}></peer-check-in>`);
    await choose(el, 'topics', 'family'); // a default, not in the campus's list
    await choose(el, 'topics', 'exams');
    await choose(el, 'emotions', 'lonely'); // likewise
    await choose(el, 'emotions', 'tired');
    release();
    await withConfig(el);
    expect($(el, 'input[name="topics"][value="family"]') === null, 'no longer shown').to.equal(true);
    await choose(el, 'mood', '3');
    await submit(el);
    await until(() => net.posts().length === 1);
    const answers = (net.posts()[0]!.body as { answers: Record<string, unknown> }).answers;
    expect(answers['topics']).to.deep.equal(['exams']);
    expect(answers['emotions']).to.deep.equal(['tired']);
  });
});
