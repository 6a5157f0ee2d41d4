// <peer-request-button> after a send whose outcome is unknown: "we could not confirm", never "not sent", while the
// request may be in the queue (no answer, a server error, a refusal of a later attempt); "not sent" only when the
// server refused the request itself. Sending again reuses the key, so it never makes a second request.
import { expect, fixture, html } from '@open-wc/testing';
import { LOST_ANSWERS, REFUSALS } from '../../helpers/lost-answers.js';
import { referenceServer } from '../../helpers/reference-server.js';
import {
  $,
  announced,
  availability,
  choose,
  created,
  json,
  mount,
  next,
  openDialog,
  problem,
  requestFetch,
  sendRequest,
  status,
  stepText,
  text,
  until,
  type Button,
} from './helpers.js';

const UNCONFIRMED = 'We could not confirm that your request arrived.';
const NOT_SENT = 'Your request was not sent.';

/** Every failure after the client's own retries, and what the student is told. */
const FAILURES = [
  ...LOST_ANSWERS.map(([name, answer]) => [name, answer, 'unconfirmed'] as const),
  ...REFUSALS.map(([name, answer]) => [name, answer, 'not sent'] as const),
];

async function failedSend(el: Button): Promise<string> {
  await sendRequest(el);
  await until(() => !/Sending|Enviando|^$/.test(text($(el, '[part="send-status"]'))), 15000, 'the outcome');
  return text($(el, '[part="send-status"]'));
}

/** Sends a request, then cancels it (asked and confirmed), and waits for the cancel's outcome. */
async function cancelAfterSend(el: Button): Promise<void> {
  await openDialog(el);
  await sendRequest(el);
  await until(() => $(el, '[part="cancel"]') !== null, 5000, 'the status');
  $<HTMLButtonElement>(el, '[part="cancel"]')!.click();
  await el.updateComplete;
  $<HTMLButtonElement>(el, '[part="cancel-yes"]')!.click();
  await until(() => !/Cancelling|^$/.test(text($(el, '[part="cancel-status"]'))), 8000, 'the cancel outcome');
}

describe('<peer-request-button> a send that could not be confirmed', () => {
  for (const [name, answer, expected] of FAILURES) {
    it(`${name}: ${expected === 'unconfirmed' ? '"could not confirm", helplines, answers kept' : '"not sent"'}`, async () => {
      const net = requestFetch({ availability: () => json(availability()), create: () => answer() });
      const el = await mount(net);
      el.timeout = 1000;
      await openDialog(el);
      const said = await failedSend(el);
      const spoken = await announced(el);
      if (expected === 'unconfirmed') {
        expect(said).to.contain(UNCONFIRMED);
        expect(said).to.contain('choose “Send my request” again and it will not be sent twice');
        expect(said).not.to.contain('not sent');
        expect(spoken).to.contain(UNCONFIRMED);
        expect(spoken).not.to.contain('not sent');
        // Crisis help stays within reach while the student does not know whether anyone will come.
        expect($(el, '[part="send-status"] peer-crisis-resources') !== null, 'helplines').to.equal(true);
        // Everything typed is still there: the consent stays ticked on the last step, ready to send again.
        expect(stepText(el)).to.equal('Step 8 of 8');
        expect($<HTMLInputElement>(el, '#consent')!.checked).to.equal(true);
      } else {
        expect(said).to.contain(NOT_SENT);
        expect(said).not.to.contain('could not confirm');
        expect(spoken).to.contain(NOT_SENT);
      }
      await expect(el).to.be.accessible();
    });
  }

  for (const [name, answer, said] of [
    ['a 502', () => problem(502), 'We could not confirm that your request was cancelled.'],
    [
      'a network error',
      () => Promise.reject(new TypeError('Failed to fetch')),
      'We could not confirm that your request was cancelled.',
    ],
    ['a 400', () => problem(400), 'Your request was not cancelled.'],
  ] as const) {
    it(`a cancel that gets ${name} says "${said}"`, async () => {
      const net = requestFetch({
        availability: () => json(availability()),
        create: () => json(created(), 201),
        status: () => json(status()),
        cancel: answer,
      });
      const el = await mount(net);
      await cancelAfterSend(el);
      expect(text($(el, '[part="cancel-status"]'))).to.contain(said);
      expect(await announced(el)).to.contain(said);
      await expect(el).to.be.accessible();
    });
  }

  // A 429 that names its wait: "could not confirm" alone would send the student straight back into the limit.
  for (const [name, lang, retryAfter, wait] of [
    ['1 s', 'en', '1', 'Please try again in 1 second.'],
    ['30 s', 'en', '30', 'Please try again in 30 seconds.'],
    ['508 s', 'en', '508', 'Please try again in 9 minutes.'],
    ['60 s in Spanish', 'es', '60', 'Vuelve a intentarlo en 1 minuto.'],
  ] as const) {
    it(`a send refused for ${name} (429 with Retry-After) says the wait as well as "could not confirm"`, async () => {
      const net = requestFetch({
        availability: () => json(availability()),
        create: () => problem(429, { 'Retry-After': retryAfter }),
      });
      const el = await mount(net, { lang });
      await openDialog(el);
      const said = await failedSend(el);
      expect(said).to.contain(lang === 'es' ? 'No pudimos confirmar' : UNCONFIRMED);
      expect(said).to.contain(wait);
      expect(await announced(el)).to.contain(wait);
      await expect(el).to.be.accessible();
    });
  }

  it('a cancel refused with Retry-After: 508 says "could not confirm" and the wait, 9 minutes', async () => {
    const net = requestFetch({
      availability: () => json(availability()),
      create: () => json(created(), 201),
      status: () => json(status()),
      cancel: () => problem(429, { 'Retry-After': '508' }),
    });
    const el = await mount(net);
    await cancelAfterSend(el);
    const said = text($(el, '[part="cancel-status"]'));
    expect(said).to.contain('We could not confirm that your request was cancelled.');
    expect(said).to.contain('Please try again in 9 minutes.');
    await expect(el).to.be.accessible();
  });

  it('says it in Spanish too', async () => {
    const net = requestFetch({ availability: () => json(availability()), create: () => problem(502) });
    const el = await mount(net, { lang: 'es' });
    await openDialog(el);
    const said = await failedSend(el);
    expect(said).to.contain('No pudimos confirmar que tu solicitud haya llegado.');
    expect(said).to.contain('elige «Enviar mi solicitud» otra vez');
  });

  it('with the reference server: every answer lost after the commit, then Send again shows the one request', async () => {
    const { apiBase } = await referenceServer();
    const answers: Array<{ status: number; key: string | null; requestId: string; replayed: boolean }> = [];
    let lose = true;
    // Every POST reaches the real server, which queues the request; while `lose`, its answer never comes back.
    const lossy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if ((init?.method ?? 'GET') === 'POST' && String(input).endsWith('/peer-requests')) {
        const body = await response.clone().json();
        answers.push({
          status: response.status,
          key: new Headers(init?.headers).get('Idempotency-Key'),
          requestId: body.requestId,
          replayed: response.headers.get('Idempotent-Replayed') === 'true',
        });
        if (lose) throw new TypeError('Failed to fetch');
      }
      return response;
    };
    const el = await fixture<Button>(
      html`<peer-request-button api-base=${apiBase} country="US" .fetch=${lossy}></peer-request-button>`,
    );
    await until(() => text($(el, '[part="availability"]')) !== '', 8000, 'the availability line');
    await openDialog(el);
    expect(await failedSend(el)).to.contain(UNCONFIRMED);
    const lost = answers.length;
    expect(lost, 'the client tried more than once').to.be.greaterThan(1);
    await expect(el).to.be.accessible();

    lose = false;
    await choose(el, '#consent'); // untick …
    await choose(el, '#consent'); // … and tick again: the answers are the student's, unchanged
    await next(el);
    await until(() => $(el, '[part="status"]') !== null, 8000, 'the status');
    expect(new Set(answers.map((answer) => answer.key)).size, 'one key').to.equal(1);
    expect(new Set(answers.map((answer) => answer.requestId)).size, 'one request').to.equal(1);
    expect(
      answers.slice(1).every((answer) => answer.replayed),
      'every later answer a replay',
    ).to.equal(true);
    expect(text($(el, '[part="state"]'))).to.equal('Status: Waiting');
  });
});
