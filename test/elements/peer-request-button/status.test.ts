// <peer-request-button> after a request: the status announced as it changes; polling that is conditional, paused
// while the page is hidden, honours Retry-After, stops at a final state and never runs twice; the code shown once;
// cancel; no one on shift; "I have a code"; hostile values; Spanish and right to left.
import { expect } from '@open-wc/testing';
import { registerLocale } from '../../../src/core/i18n/catalog.js';
import { requestButtonEn } from '../../../src/elements/peer-request-button/i18n/en.js';
import {
  $,
  $$,
  announced,
  availability,
  choose,
  created,
  fastPolling,
  focused,
  json,
  mount,
  next,
  nobodyOnShift,
  openDialog,
  problem,
  requestFetch,
  SECRET,
  sendRequest,
  sleep,
  status,
  text,
  type,
  until,
  type Button,
  type Call,
} from './helpers.js';

/** A status endpoint that answers each poll from `script` (the last entry repeats), with ETags and 304s. */
function scripted(script: Array<Record<string, unknown> | Response>) {
  let index = 0;
  return (call: Call) => {
    const entry = script[Math.min(index++, script.length - 1)]!;
    if (entry instanceof Response) return entry;
    const tag = `W/"${JSON.stringify(entry).length}-${String(entry['status'])}"`;
    if (call.ifNoneMatch === tag) return new Response(null, { status: 304, headers: { ETag: tag } });
    return json(status(entry), 200, { ETag: tag });
  };
}

async function submitted(el: Button): Promise<void> {
  await openDialog(el);
  await sendRequest(el);
  await until(() => $(el, '[part="status"]') !== null, 3000, 'the status');
}

function setHidden(hidden: boolean): void {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('<peer-request-button> status', () => {
  fastPolling();
  afterEach(() => {
    delete (document as { visibilityState?: unknown }).visibilityState;
  });

  it('shows the status, place and wait with the code once; polls with If-None-Match and Request-Secret; announces changes', async () => {
    let now: Record<string, unknown> = {};
    const net = requestFetch({
      availability: () => json(availability()),
      create: () => json(created(), 201),
      status: (call) => scripted([now])(call),
    });
    const el = await mount(net);
    const events: unknown[] = [];
    el.addEventListener('peer-request-status', (event) => events.push(event.detail));
    await submitted(el);
    expect(focused(el)?.id).to.equal('status-heading');
    expect(text($(el, '[part="state"]'))).to.equal('Status: Waiting');
    expect(text($(el, '[part="place"]'))).to.equal('You are number 2 in line. The wait is about 15 min.');
    expect(text($(el, '[part="code-value"]'))).to.equal(`pr_5HV2C9.${SECRET}`);
    expect(await announced(el)).to.equal(
      'Your request was sent. Status: Waiting. You are number 2 in line. The wait is about 15 min.',
    );
    await expect(el).to.be.accessible();
    await until(() => net.polls().length >= 2, 3000, 'two polls');
    now = { status: 'claimed', position: null, expectedWaitMinutes: null, supporterName: 'Sam' };
    await until(() => text($(el, '[part="state"]')) === 'Status: A supporter has picked this up', 3000, 'claimed');
    expect(text($(el, '[part="supporter"]'))).to.equal('Your supporter: Sam');
    expect(await announced(el)).to.contain('A supporter has picked this up');
    expect(text($(el, '[part="button"]'))).to.contain('A supporter has picked this up');
    now = { status: 'closed', position: null, expectedWaitMinutes: null, supporterName: 'Sam' };
    await until(() => text($(el, '[part="state"]')) === 'Status: Closed', 3000, 'closed');
    const polls = net.polls();
    expect(polls.every((poll) => poll.secret === SECRET)).to.equal(true);
    expect(polls[0]!.ifNoneMatch, 'the first poll has no tag yet').to.equal(null);
    expect(polls[1]!.ifNoneMatch, 'then the tag of the status shown').to.match(/^W\/"/);
    expect(
      polls.some((poll) => poll.ifNoneMatch === polls[1]!.ifNoneMatch && poll !== polls[1]),
      '304s kept the tag',
    ).to.equal(true);
    expect(events).to.deep.equal([
      { status: 'queued', previous: null },
      { status: 'claimed', previous: 'queued' },
      { status: 'closed', previous: 'claimed' },
    ]);
    // Closed is final: polling stopped, and the code is no longer needed on screen.
    const count = net.polls().length;
    await sleep(300);
    expect(net.polls().length, 'no polls after a final state').to.equal(count);
    expect($(el, '[part="code"]') === null).to.equal(true);
    expect($(el, '[part="again"]') !== null).to.equal(true);
    await expect(el).to.be.accessible();
    expect(localStorage.length + sessionStorage.length).to.equal(0);
  });

  it('never polls while the page is hidden, also when it starts hidden', async () => {
    setHidden(true);
    const net = requestFetch({
      availability: () => json(availability()),
      create: () => json(created(), 201),
      status: scripted([{}]),
    });
    const el = await mount(net);
    await submitted(el);
    await sleep(400);
    expect(net.polls().length, 'hidden: no polls').to.equal(0);
    setHidden(false);
    await until(() => net.polls().length > 0, 2000, 'a poll once visible');
    setHidden(true);
    await sleep(100);
    const count = net.polls().length;
    await sleep(400);
    expect(net.polls().length, 'hidden again: no more polls').to.equal(count);
  });

  it('honours Retry-After, backs off after failures, and says an update could not be checked', async () => {
    const net = requestFetch({
      availability: () => json(availability()),
      create: () => json(created(), 201),
      status: scripted([problem(429, { 'Retry-After': '30' })]),
    });
    const el = await mount(net);
    await submitted(el);
    await until(() => net.polls().length === 1, 2000, 'the first poll');
    await sleep(600);
    expect(net.polls().length, 'waits the 30 s asked for').to.equal(1);
    await until(() => $(el, '[part="status-note"]') !== null, 2000, 'the note');
    expect(text($(el, '[part="status-note"]'))).to.equal(
      'We could not check for updates just now. We will keep trying.',
    );
  });

  it('runs one polling loop per element, also after it is moved in the page', async () => {
    const net = requestFetch({
      availability: () => json(availability()),
      create: () => json(created(), 201),
      status: scripted([{}]),
    });
    const el = await mount(net);
    await submitted(el);
    const parent = el.parentElement!;
    for (let move = 0; move < 3; move++) {
      parent.append(el);
      await sleep(5);
    }
    el.close();
    await openDialog(el); // opening again starts nothing new
    await sleep(600);
    const times = net.polls().map((poll) => poll.at);
    const gaps = times.slice(1).map((time, index) => time - times[index]!);
    expect(times.length).to.be.greaterThan(3);
    expect(Math.min(...gaps.slice(1)), `gaps ${gaps.map(Math.round).join(', ')}`).to.be.at.least(35);
    el.remove();
    const count = net.polls().length;
    await sleep(300);
    expect(net.polls().length, 'no polls after leaving the page').to.equal(count);
  });

  it('cancels with the secret after asking, and stops polling', async () => {
    const net = requestFetch({
      availability: () => json(availability()),
      create: () => json(created(), 201),
      status: scripted([{}]),
      cancel: () => json(status({ status: 'cancelled', position: null, expectedWaitMinutes: null })),
    });
    const el = await mount(net);
    await submitted(el);
    $<HTMLButtonElement>(el, '[part="cancel"]')!.click();
    await el.updateComplete;
    expect(text($(el, '[part="cancel-confirm"]'))).to.contain('Cancel your request?');
    expect(focused(el)?.getAttribute('part')).to.equal('cancel-no');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="cancel-yes"]')!.click();
    await until(() => text($(el, '[part="state"]')) === 'Status: Cancelled', 3000, 'cancelled');
    const cancel = net.calls.find((call) => call.url.pathname.endsWith('/cancel'))!;
    expect(cancel.method).to.equal('POST');
    expect(cancel.secret).to.equal(SECRET);
    expect(cancel.url.pathname).to.equal('/v1/peer-requests/pr_5HV2C9/cancel');
    expect(await announced(el)).to.equal('Your request is cancelled.');
    const count = net.polls().length;
    await sleep(300);
    expect(net.polls().length).to.equal(count);
    // A new request starts from the first step with a new key.
    $<HTMLButtonElement>(el, '[part="again"]')!.click();
    await el.updateComplete;
    expect(text($(el, '[part="step-count"]'))).to.equal('Step 1 of 8');
    await sendRequest(el);
    await until(() => net.posts().length === 2, 3000, 'the second request');
    expect(net.posts()[0]!.key).not.to.equal(net.posts()[1]!.key);
  });

  it('when no one is on shift, says so before and after sending and offers helplines and groups', async () => {
    const net = requestFetch({
      availability: () => json(nobodyOnShift()),
      create: () => json(created({ position: 1, expectedWaitMinutes: null, availability: nobodyOnShift() }), 201),
      status: scripted([{ position: 1, expectedWaitMinutes: null, availability: nobodyOnShift() }]),
    });
    const el = await mount(net, { 'groups-href': 'https://campus.example/groups' });
    await openDialog(el);
    const before = $(el, '[part="fallback"]')!;
    expect(text(before)).to.contain('No one is on shift right now.');
    expect(text(before)).to.contain('You can still send a request');
    expect($<HTMLAnchorElement>(el, '[part="groups-link"]')!.href).to.equal('https://campus.example/groups');
    expect(before.querySelector('peer-crisis-resources') !== null).to.equal(true);
    await expect(el).to.be.accessible();
    await sendRequest(el);
    await until(() => $(el, '[part="status"]') !== null, 3000, 'the status');
    expect(text($(el, '[part="place"]'))).to.equal(
      'You are number 1 in line. We cannot say how long the wait will be.',
    );
    expect(text($(el, '[part="fallback"]'))).to.contain('Your request stays in line');
    await expect(el).to.be.accessible();
  });

  it('when the wait passes the limit, says so; a javascript: groups link is dropped', async () => {
    const long = availability({ expectedWaitMinutes: 90 });
    const net = requestFetch({ availability: () => json(long) });
    const el = await mount(net, { 'wait-limit': '30', 'groups-href': 'javascript:alert(1)' });
    await openDialog(el);
    expect(text($(el, '[part="fallback"]'))).to.contain('The wait is longer than usual right now.');
    // Supporters are on shift: no "when they are next on shift".
    expect(text($(el, '[part="fallback"]'))).to.contain('supporters on shift answer requests in turn');
    expect(text($(el, '[part="fallback"]')).includes('next on shift'), 'no "next on shift" while on shift').to.equal(
      false,
    );
    expect($(el, '[part="groups-link"]') === null).to.equal(true);
  });

  it('"I have a code" shows a request’s status from any device, and says when a code is wrong or unknown', async () => {
    const net = requestFetch({
      availability: () => json(availability()),
      status: (call) =>
        call.secret === SECRET && call.url.pathname.endsWith('/pr_5HV2C9')
          ? json(status({ status: 'in-progress', supporterName: 'Ana' }))
          : problem(404),
    });
    const el = await mount(net);
    $<HTMLButtonElement>(el, '[part="have-code"]')!.click();
    await until(() => $<HTMLDialogElement>(el, 'dialog')!.open, 2000, 'the dialog');
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('code-input');
    await type(el, '#code-input', 'not a code');
    $<HTMLButtonElement>(el, '[part="check"]')!.click();
    await el.updateComplete;
    expect(text($(el, '[part="field-error"]'))).to.contain('does not look like a request code');
    await expect(el).to.be.accessible();
    await type(el, '#code-input', `pr_other.${'x'.repeat(20)}`);
    $<HTMLButtonElement>(el, '[part="check"]')!.click();
    await until(() => text($(el, '[part="field-error"]')).includes('could not find'), 3000, 'not found');
    await type(el, '#code-input', `  pr_5HV2C9.${SECRET}\n`);
    $<HTMLButtonElement>(el, '[part="check"]')!.click();
    await until(() => $(el, '[part="status"]') !== null, 3000, 'the status');
    expect(text($(el, '[part="state"]'))).to.equal('Status: A supporter has picked this up');
    expect(net.polls().at(-1)!.secret).to.equal(SECRET);
    expect($(el, '[part="code"]') === null, 'the code is not shown again').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('renders backend strings as text and drops a join link that is not https', async () => {
    const net = requestFetch({
      availability: () => json(availability()),
      create: () => json(created(), 201),
      status: scripted([
        {
          status: 'in-progress',
          supporterName: '<img src=x onerror="window.__pwned=1">',
          joinUrl: 'javascript:window.__pwned=1',
        },
      ]),
    });
    const el = await mount(net);
    await submitted(el);
    await until(() => $(el, '[part="supporter"]') !== null, 3000, 'the supporter');
    expect(text($(el, '[part="supporter"]'))).to.equal('Your supporter: <img src=x onerror="window.__pwned=1">');
    expect($(el, '[part="supporter"] img') === null).to.equal(true);
    expect($(el, '[part="join"]') === null).to.equal(true);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('offers a join link when the backend gives an https one', async () => {
    const net = requestFetch({
      availability: () => json(availability()),
      create: () => json(created(), 201),
      status: scripted([{ status: 'in-progress', joinUrl: 'https://chat.example/room/1' }]),
    });
    const el = await mount(net);
    await submitted(el);
    await until(() => $(el, '[part="join"]') !== null, 3000, 'the join link');
    expect($<HTMLAnchorElement>(el, '[part="join"]')!.href).to.equal('https://chat.example/room/1');
  });

  it('copies the code, or selects it for the student when the clipboard is refused', async () => {
    const net = requestFetch({
      availability: () => json(availability()),
      create: () => json(created(), 201),
      status: scripted([{}]),
    });
    const el = await mount(net);
    await submitted(el);
    $<HTMLButtonElement>(el, '[part="copy"]')!.click();
    await until(() => $(el, '[part="copy-status"]') !== null, 3000, 'the copy status');
    const said = text($(el, '[part="copy-status"]'));
    if (said === 'Code copied.') {
      expect(await navigator.clipboard.readText().catch(() => `pr_5HV2C9.${SECRET}`)).to.equal(`pr_5HV2C9.${SECRET}`);
    } else {
      expect(said).to.contain('The code is selected');
      expect(String(window.getSelection()).trim()).to.equal(`pr_5HV2C9.${SECRET}`);
    }
    expect(await announced(el)).to.equal(said);
  });

  it('a failing or malformed backend: the button still opens; a failed send says why and Send tries again', async () => {
    let sends = 0;
    const net = requestFetch({
      availability: () => json({ open: 'yes' }),
      create: () => (++sends === 1 ? problem(500) : json(created(), 201)),
    });
    const el = await mount(net);
    expect(text($(el, '[part="label"]'))).to.equal('Talk to a peer supporter');
    expect(text($(el, '[part="availability"]'))).to.equal('We could not check who is on shift just now.');
    await openDialog(el);
    await sendRequest(el);
    // A 500 may come after the request was queued: never "not sent".
    await until(() => text($(el, '[part="send-status"]')).includes('could not confirm'), 8000, 'the failure');
    expect(text($(el, '[part="send-status"]'))).not.to.contain('not sent');
    await expect(el).to.be.accessible();
    await next(el);
    await until(() => $(el, '[part="status"]') !== null, 8000, 'the status');
    const keys = new Set(net.posts().map((post) => post.key));
    expect(keys.size).to.equal(1);
  });

  it('reads in Spanish', async () => {
    const net = requestFetch({
      availability: () => json(availability({ expectedWaitMinutes: 5 })),
      create: () => json(created(), 201),
    });
    const el = await mount(net, { lang: 'es' });
    expect(text($(el, '[part="button"]'))).to.equal(
      'Habla con un compañero de apoyo Hay compañeros de apoyo de turno ahora. La espera es de unos 5 min.',
    );
    await openDialog(el);
    expect(text($(el, '[part="legend"]'))).to.equal('¿Estás en peligro ahora mismo o piensas en quitarte la vida?');
    await sendRequest(el);
    await until(() => $(el, '[part="status"]') !== null, 3000, 'the status');
    expect(text($(el, '[part="state"]'))).to.equal('Estado: En espera');
    expect(text($(el, '[part="place"]'))).to.equal('Eres el número 2 en la fila. La espera es de unos 15 min.');
    expect((net.posts()[0]!.body as { language: string }).language).to.equal('es');
    await expect(el).to.be.accessible();
  });

  it('lays out right to left, with the code and numbers isolated', async () => {
    const hebrew: Record<string, string> = {};
    for (const key of Object.keys(requestButtonEn)) hebrew[key] = `עברית ${key}`;
    hebrew['request.status.place'] = 'מקומך בתור: {position}.';
    registerLocale('he', hebrew as never);
    const net = requestFetch({ availability: () => json(availability()), create: () => json(created(), 201) });
    const el = await mount(net, { lang: 'he' });
    expect($(el, '[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    await openDialog(el);
    await choose(el, 'input[name="safety"][value="no"]');
    const [no, yes] = $$(el, 'input[name="safety"]').map((input) => input.parentElement!);
    expect(no!.getBoundingClientRect().left, 'the first choice is on the right').to.be.greaterThan(
      yes!.getBoundingClientRect().left,
    );
    await next(el);
    $<HTMLSelectElement>(el, '#topic')!.value = 'stress';
    $(el, '#topic')!.dispatchEvent(new Event('change'));
    for (let step = 0; step < 6; step++) await next(el);
    await choose(el, '#consent');
    await next(el);
    await until(() => $(el, '[part="status"]') !== null, 3000, 'the status');
    expect($(el, '[part="place"] bdi')?.textContent).to.equal('2');
    expect($(el, '[part="code-value"] bdi')?.getAttribute('dir')).to.equal('ltr');
    await expect(el).to.be.accessible();
  });
});
