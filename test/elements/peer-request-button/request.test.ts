// <peer-request-button>: the steps: danger first (crisis help, never a queue), consent required, what is sent, one
// idempotency key per request across retries, and the events a host page hears.
import { expect } from '@open-wc/testing';
import {
  $,
  $$,
  announced,
  availability,
  choose,
  created,
  fillToConsent,
  focused,
  json,
  mount,
  next,
  openDialog,
  problem,
  requestFetch,
  select,
  sendRequest,
  stepText,
  text,
  type,
  until,
} from './helpers.js';

describe('<peer-request-button> request', () => {
  it('asks about danger first; "yes" shows crisis help in the dialog and offers no way into the queue', async () => {
    const net = requestFetch({ availability: () => json(availability()), create: () => json(created(), 201) });
    const el = await mount(net);
    await openDialog(el);
    expect(text($(el, '[part="legend"]'))).to.equal('Are you in danger right now, or thinking about ending your life?');
    await choose(el, 'input[name="safety"][value="yes"]');
    const help = $(el, '[part="safety-help"]')!;
    expect(text(help)).to.contain('Please reach someone now');
    const crisis = help.querySelector('peer-crisis-resources')!;
    await crisis.updateComplete;
    expect(crisis.shadowRoot!.textContent).to.contain('911');
    expect($(el, '[part="next"]') === null, 'no Next after yes').to.equal(true);
    expect(await announced(el)).to.equal('Help you can reach now is shown.');
    (el.shadowRoot!.querySelector('form') as HTMLFormElement).requestSubmit();
    await el.updateComplete;
    expect(stepText(el)).to.equal('Step 1 of 8');
    expect(net.posts()).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('will not go on without an answer to the danger question', async () => {
    const el = await mount(requestFetch({ availability: () => json(availability()) }));
    await openDialog(el);
    await next(el);
    expect(stepText(el)).to.equal('Step 1 of 8');
    expect(text($(el, '[part="field-error"]'))).to.equal('Choose Yes or No to go on.');
    expect(focused(el)?.id).to.equal('safety');
    await expect(el).to.be.accessible();
  });

  it('needs consent: Send without it says so, focuses the box and sends nothing', async () => {
    const net = requestFetch({ availability: () => json(availability()), create: () => json(created(), 201) });
    const el = await mount(net);
    await openDialog(el);
    await fillToConsent(el);
    expect(stepText(el)).to.equal('Step 8 of 8');
    expect(text($(el, '[part="consent"]'))).to.contain('the supporter tells the on-call professional');
    await next(el);
    expect(text($(el, '[part="field-error"]'))).to.equal('Please tick the box to send your request.');
    expect(focused(el)?.id).to.equal('consent');
    expect(net.posts()).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('sends the answers, anonymous by default, with the consent wording’s version; events carry nothing personal', async () => {
    const net = requestFetch({ availability: () => json(availability()), create: () => json(created(), 201) });
    const el = await mount(net, { 'consent-version': 'campus-2027-01' });
    const submit: unknown[] = [];
    const submitted: unknown[] = [];
    el.addEventListener('peer-request-submit', (event) => submit.push(event.detail));
    el.addEventListener('peer-request-submitted', (event) => submitted.push(event.detail));
    await openDialog(el);
    await sendRequest(el);
    await until(() => $(el, '[part="status"]') !== null, 3000, 'the status');
    const [post] = net.posts();
    expect(post!.body).to.deep.equal({
      topic: 'loneliness',
      supportKind: 'listen',
      channel: 'chat',
      when: { mode: 'asap' },
      language: 'en',
      contact: { method: 'anonymous-code' },
      consent: { accepted: true, noticeVersion: 'campus-2027-01' },
      note: 'I feel a bit lost this term.',
    });
    expect(post!.key).to.match(/^[0-9a-f-]{36}$/);
    expect(submit).to.deep.equal([
      { supportKind: 'listen', channel: 'chat', when: 'asap', contactMethod: 'anonymous-code' },
    ]);
    expect(submitted).to.deep.equal([{ status: 'queued', position: 2, expectedWaitMinutes: 15, onShift: true }]);
    expect(JSON.stringify([submit, submitted])).not.to.contain('lost this term');
    expect(localStorage.length + sessionStorage.length, 'nothing in storage').to.equal(0);
  });

  it('asks for an email or a phone only when chosen, and checks them', async () => {
    const net = requestFetch({ availability: () => json(availability()), create: () => json(created(), 201) });
    const el = await mount(net);
    await openDialog(el);
    await choose(el, 'input[name="safety"][value="no"]');
    await next(el);
    await select(el, '#topic', 'money');
    for (let step = 0; step < 5; step++) await next(el);
    expect(stepText(el)).to.equal('Step 7 of 8');
    expect($(el, '#email') === null).to.equal(true);
    await choose(el, 'input[name="contact"][value="phone"]');
    await type(el, '#phone', '212 555');
    await next(el);
    expect(text($(el, '[part="field-error"]'))).to.contain('country code');
    expect(focused(el)?.id).to.equal('phone');
    await type(el, '#phone', '+1 (212) 555-0123');
    await next(el);
    await choose(el, '#consent');
    await next(el);
    await until(() => net.posts().length === 1, 3000, 'the POST');
    expect((net.posts()[0]!.body as { contact: unknown }).contact).to.deep.equal({
      method: 'phone',
      phone: '+12125550123',
      textOk: false,
    });
  });

  it('a request for later needs a time 15 minutes to 30 days ahead, sent as an instant', async () => {
    const net = requestFetch({ availability: () => json(availability()), create: () => json(created(), 201) });
    const el = await mount(net);
    await openDialog(el);
    await choose(el, 'input[name="safety"][value="no"]');
    await next(el);
    await select(el, '#topic', 'sleep');
    for (let step = 0; step < 3; step++) await next(el);
    expect(stepText(el)).to.equal('Step 5 of 8');
    await choose(el, 'input[name="when"][value="scheduled"]');
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = (date: Date) =>
      `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
    await type(el, '#at', local(new Date(Date.now() + 5 * 60_000)));
    await next(el);
    expect(text($(el, '[part="field-error"]'))).to.contain('at least 15 minutes');
    expect(focused(el)?.id).to.equal('at');
    await expect(el).to.be.accessible();
    const later = new Date(Date.now() + 2 * 86_400_000);
    later.setSeconds(0, 0);
    await type(el, '#at', local(later));
    for (let step = 0; step < 3; step++) await next(el);
    await choose(el, '#consent');
    await next(el);
    await until(() => net.posts().length === 1, 3000, 'the POST');
    expect((net.posts()[0]!.body as { when: unknown }).when).to.deep.equal({
      mode: 'scheduled',
      at: later.toISOString(),
    });
  });

  it('offers no later time while the backend takes none, says so, and sends "as soon as someone is free"', async () => {
    const net = requestFetch({
      availability: () => json(availability({ acceptsScheduled: false })),
      create: () => json(created(), 201),
    });
    const el = await mount(net);
    await openDialog(el);
    await choose(el, 'input[name="safety"][value="no"]');
    await next(el);
    await select(el, '#topic', 'sleep');
    for (let step = 0; step < 3; step++) await next(el);
    expect(stepText(el)).to.equal('Step 5 of 8');
    expect($$(el, 'input[name="when"]').map((input) => (input as HTMLInputElement).value)).to.deep.equal(['asap']);
    expect(text($(el, '[part="no-later"]'))).to.equal('Requests for a later time cannot be made just now.');
    await expect(el).to.be.accessible();
    for (let step = 0; step < 3; step++) await next(el);
    await choose(el, '#consent');
    await next(el);
    await until(() => net.posts().length === 1, 3000, 'the POST');
    expect((net.posts()[0]!.body as { when: unknown }).when).to.deep.equal({ mode: 'asap' });
  });

  it('a host may stop the request: nothing is sent and the student is told', async () => {
    const net = requestFetch({ availability: () => json(availability()), create: () => json(created(), 201) });
    const el = await mount(net);
    el.addEventListener('peer-request-submit', (event) => event.preventDefault());
    await openDialog(el);
    await sendRequest(el);
    expect(await announced(el)).to.equal('Your request was not sent.');
    expect(net.posts()).to.have.length(0);
  });

  it('retries with the same Idempotency-Key after a failure, and a changed answer recovers the request already made', async () => {
    // A server as the contract says: the first body under a key is queued and its answer replayed; another body
    // under that key is refused (422). The first three answers (the client's own retries) are lost on the way back.
    const queued = new Map<string, string>();
    let lost = 3;
    const net = requestFetch({
      availability: () => json(availability()),
      create: (call) => {
        const body = JSON.stringify(call.body);
        if (!queued.has(call.key!)) queued.set(call.key!, body);
        if (queued.get(call.key!) !== body) return problem(422);
        if (lost-- > 0) throw new TypeError('Failed to fetch');
        return json(created({ requestId: 'pr_first' }), 201);
      },
    });
    const el = await mount(net);
    await openDialog(el);
    await sendRequest(el);
    // No answer: the request may be in the queue, so never "not sent".
    await until(() => text($(el, '[part="send-status"]')).includes('could not confirm'), 8000, 'the failure');
    expect(await announced(el)).to.contain('We could not confirm that your request arrived.');
    // The student goes back and changes the note, then sends again.
    for (let step = 0; step < 6; step++) ($<HTMLButtonElement>(el, '[part="back"]')!.click(), await el.updateComplete);
    await type(el, '#note', 'Changed my mind about the wording.');
    for (let step = 0; step < 6; step++) await next(el);
    expect(stepText(el)).to.equal('Step 8 of 8');
    await next(el);
    await until(() => $(el, '[part="status"]') !== null, 8000, 'the status');
    const keys = net.posts().map((post) => post.key);
    expect(new Set(keys).size, `one key: ${keys.join(', ')}`).to.equal(1);
    expect(net.posts().length).to.be.at.least(3);
    // The recovery sent the first body again, and the student is told this is the request already made.
    expect((net.posts().at(-1)!.body as { note: string }).note).to.equal('I feel a bit lost this term.');
    expect(text($(el, '[part="recovered"]'))).to.contain('had already gone through');
    expect(text($(el, '[part="code-value"]'))).to.equal(`pr_first.${created().secret}`);
  });

  it('offers every topic in words, never a code', async () => {
    const el = await mount(requestFetch({ availability: () => json(availability()) }));
    await openDialog(el);
    await choose(el, 'input[name="safety"][value="no"]');
    await next(el);
    const options = $$<HTMLOptionElement>(el, '#topic option').slice(1);
    expect(options.length).to.equal(28);
    // A missing word would show its key ("topic.low-mood").
    expect(options.filter((option) => text(option).includes('topic.'))).to.deep.equal([]);
    expect(options.map((option) => text(option))).to.include('grief and loss');
  });

  it('a risk topic shows help beside the form without stopping it', async () => {
    const el = await mount(requestFetch({ availability: () => json(availability()) }));
    await openDialog(el);
    await choose(el, 'input[name="safety"][value="no"]');
    await next(el);
    await select(el, '#topic', 'self-harm');
    expect(text($(el, '[part="safety-help"]'))).to.contain('these services can help straight away');
    expect($(el, '[part="next"]') !== null).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
