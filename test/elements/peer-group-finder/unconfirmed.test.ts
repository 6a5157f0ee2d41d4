// <peer-group-finder> after a join whose outcome is unknown: "we could not confirm", never "you did not join", while
// the place may have been taken (no answer, a server error, a refusal of a later attempt); "not joined" only when the
// server refused the registration itself. Trying again reuses the key, so it never takes a second place.
import { expect, html } from '@open-wc/testing';
import { LOST_ANSWERS, REFUSALS } from '../../helpers/lost-answers.js';
import { referenceServer } from '../../helpers/reference-server.js';
import {
  $,
  $$,
  announced,
  groupDetail,
  groupPage,
  groupSummary,
  groupsFetch,
  json,
  mount,
  mountWith,
  openCard,
  problem,
  text,
  type,
  until,
  type Finder,
} from './helpers.js';

const UNCONFIRMED = 'We could not confirm that you joined.';

/** Every failure after the client's own retries, and what the student is told. */
const FAILURES = [
  ...LOST_ANSWERS.map(([name, answer]) => [name, answer, 'unconfirmed'] as const),
  ...REFUSALS.map(([name, answer]) => [name, answer, 'not joined'] as const),
];

function backend(register: () => Response | Promise<Response>) {
  return groupsFetch({
    list: () => json(groupPage([groupSummary('open-group')])),
    detail: (id) => json(groupDetail(id)),
    register,
  });
}

async function failedJoin(el: Finder): Promise<string> {
  $<HTMLButtonElement>(el, '[part="join-submit"]')!.click();
  await until(() => $(el, '#join-failure') !== null, 15000, 'the failure');
  return text($(el, '#join-failure'));
}

describe('<peer-group-finder> a join that could not be confirmed', () => {
  for (const [name, answer, expected] of FAILURES) {
    it(`${name}: ${expected === 'unconfirmed' ? '"could not confirm", details kept' : '"not joined"'}`, async () => {
      const el = await mountWith(backend(answer));
      el.timeout = 1000;
      await openCard(el, 0);
      await type(el, '#join-name', 'Sam');
      await type(el, '#join-email', 'sam@example.edu');
      $<HTMLInputElement>(el, '#join-consent')!.click();
      await el.updateComplete;
      const said = await failedJoin(el);
      const spoken = await announced(el);
      if (expected === 'unconfirmed') {
        expect(said).to.equal(
          `${UNCONFIRMED} You may already be in. Your details are still here: choose “Try again” and you will not be added twice.`,
        );
        expect(spoken).to.equal(said);
        expect($<HTMLInputElement>(el, '#join-name')!.value).to.equal('Sam');
        expect($<HTMLInputElement>(el, '#join-email')!.value).to.equal('sam@example.edu');
        expect($<HTMLInputElement>(el, '#join-consent')!.checked).to.equal(true);
      } else {
        expect(said).to.match(/^(You have not joined yet\.|Some details could not be accepted\.)/);
        expect(said).not.to.contain('could not confirm');
        expect(spoken).to.equal(said);
      }
      expect(text($(el, '[part="join-submit"]'))).to.equal('Try again');
      await expect(el).to.be.accessible();
    });
  }

  it('a 409 without Retry-After is still a full group: not joined', async () => {
    const el = await mountWith(backend(() => problem(409, 'Full')));
    await openCard(el, 0);
    expect(await failedJoin(el)).to.contain('so you have not joined');
  });

  it('says it in Spanish too', async () => {
    const el = await mountWith(
      backend(() => problem(502)),
      html``,
    );
    el.setAttribute('lang', 'es');
    await el.updateComplete;
    await openCard(el, 0);
    expect(await failedJoin(el)).to.equal(
      'No pudimos confirmar que te hayas unido. Puede que ya estés dentro. Tus datos siguen aquí: elige «Intentar de nuevo» y no te añadiremos dos veces.',
    );
  });

  it('with the reference server: every answer lost after the commit, then "Try again" shows the one place', async () => {
    const { apiBase } = await referenceServer();
    const seen: Array<{ key: string | null; replayed: boolean; id?: string; token?: string }> = [];
    let lose = true;
    // Every POST reaches the real server, which registers the student; while `lose`, its answer never comes back.
    const lossy: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const response = await fetch(request);
      if (request.method !== 'POST') return response;
      const body = (await response.clone().json()) as { registrationId?: string; cancelToken?: string };
      seen.push({
        key: request.headers.get('Idempotency-Key'),
        replayed: response.headers.get('Idempotent-Replayed') === 'true',
        id: body.registrationId,
        token: body.cancelToken,
      });
      if (lose) throw new TypeError('Failed to fetch');
      return response;
    };
    const el = await mount(html`<peer-group-finder api-base=${apiBase} .fetch=${lossy}></peer-group-finder>`);
    el.setAttribute('q', 'Money worries');
    await until(
      () => $$(el, '[part="card-name"]').some((name) => text(name) === 'Money worries peer group'),
      8000,
      'the group',
    );
    const index = $$(el, '[part="card-name"]').findIndex((name) => text(name) === 'Money worries peer group');
    await openCard(el, index);
    await until(() => $(el, '#join-name') !== null, 8000, 'the join form');
    await type(el, '#join-name', 'Sam');
    expect(await failedJoin(el)).to.contain(UNCONFIRMED);
    expect(seen.length, 'the client tried more than once').to.be.greaterThan(1);
    await expect(el).to.be.accessible();

    lose = false;
    $<HTMLButtonElement>(el, '[part="join-submit"]')!.click();
    await until(() => $(el, '[part="outcome"]') !== null, 8000, 'the outcome');
    expect(new Set(seen.map((entry) => entry.key)).size, 'one key').to.equal(1);
    expect(new Set(seen.map((entry) => entry.id)).size, 'one registration').to.equal(1);
    expect(
      seen.slice(1).every((entry) => entry.replayed),
      'every later answer a replay',
    ).to.equal(true);
    // Leave the demo group as it was.
    const groupId = text($(el, '[part="code-value"]')).split('.')[0];
    const cancelled = await fetch(`${apiBase}/groups/${groupId}/registrations/${seen[0]!.id}`, {
      method: 'DELETE',
      headers: { 'Registration-Token': seen[0]!.token!, 'Idempotency-Key': crypto.randomUUID() },
    });
    expect(cancelled.status).to.equal(204);
  });
});

/** Cancelling is a DELETE the client retries; an answer lost after the first attempt may follow a cancel that worked. */
const CANCEL_FAILURES = [
  ...LOST_ANSWERS.map(([name, answer]) => [name, answer, 'unconfirmed'] as const),
  ['a 400', () => problem(400), 'not cancelled'] as const,
];

describe('<peer-group-finder> a cancel that could not be confirmed', () => {
  for (const [name, answer, expected] of CANCEL_FAILURES) {
    it(`${name}: ${expected === 'unconfirmed' ? '"could not confirm"' : '"not cancelled yet"'}`, async () => {
      const el = await mountWith(
        groupsFetch({ list: () => json(groupPage([groupSummary('open-group')])), cancel: answer }),
      );
      el.timeout = 1000;
      $(el, '[part="cancel-by-code"] summary')!.click();
      await type(el, '#cancel-code-input', 'grief.reg_9.Zx8Kq2vN0pLm4Rt7Yw1Bc6Df');
      $<HTMLButtonElement>(el, '[part="cancel-by-code"] button[type="submit"]')!.click();
      const status = () => $(el, '[part="cancel-by-code"] .status');
      await until(() => status() !== null && !text(status()).includes('Cancelling'), 15000, 'the failure');
      const said = text(status());
      if (expected === 'unconfirmed') {
        expect(said).to.equal(
          'We could not confirm that your place was cancelled. Please try again: cancelling twice is safe.',
        );
      } else {
        expect(said).to.match(/^Your place is not cancelled yet\. /);
      }
      expect(await announced(el)).to.equal(said);
      expect($<HTMLInputElement>(el, '#cancel-code-input')!.value, 'the code is kept to try again').to.contain('reg_9');
      await expect(el).to.be.accessible();
    });
  }
});

/** A 429 that names its wait: "could not confirm … try again" alone sends the student straight back into the limit. */
const rateLimited = (seconds: string) => () =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'Too many requests', status: 429 }), {
    status: 429,
    headers: { 'Content-Type': 'application/problem+json', 'Retry-After': seconds },
  });

describe('<peer-group-finder> a write refused with 429 and Retry-After says the wait', () => {
  for (const [seconds, lang, wait] of [
    ['1', 'en', 'Please try again in 1 second.'],
    ['30', 'en', 'Please try again in 30 seconds.'],
    ['508', 'en', 'Please try again in 9 minutes.'],
    ['60', 'es', 'Vuelve a intentarlo en 1 minuto.'],
  ] as const) {
    it(`a join, Retry-After: ${seconds} (${lang})`, async () => {
      const el = await mountWith(backend(rateLimited(seconds)));
      el.setAttribute('lang', lang);
      await el.updateComplete;
      await openCard(el, 0);
      const said = await failedJoin(el);
      expect(said).to.contain(lang === 'es' ? 'No pudimos confirmar que te hayas unido.' : UNCONFIRMED);
      expect(said).to.contain(wait);
      expect(await announced(el)).to.equal(said);
      await expect(el).to.be.accessible();
    });
  }

  it('a cancel by code, Retry-After: 508', async () => {
    const el = await mountWith(
      groupsFetch({ list: () => json(groupPage([groupSummary('open-group')])), cancel: rateLimited('508') }),
    );
    $(el, '[part="cancel-by-code"] summary')!.click();
    await type(el, '#cancel-code-input', 'grief.reg_9.Zx8Kq2vN0pLm4Rt7Yw1Bc6Df');
    $<HTMLButtonElement>(el, '[part="cancel-by-code"] button[type="submit"]')!.click();
    const status = () => $(el, '[part="cancel-by-code"] .status');
    await until(() => status() !== null && !text(status()).includes('Cancelling'), 15000, 'the failure');
    const said = text(status());
    expect(said).to.equal(
      'We could not confirm that your place was cancelled. Please try again: cancelling twice is safe. A lot of people are using this right now. Please try again in 9 minutes.',
    );
    expect(await announced(el)).to.equal(said);
    await expect(el).to.be.accessible();
  });
});
