import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/peer-supporter-inbox/define.js';
import type { PeerSupporterInbox } from '../../../src/elements/peer-supporter-inbox/peer-supporter-inbox.js';
import { FakeFetch, json } from '../../helpers/fake-fetch.js';
import { SHARED_EXPERIENCES as SHARED } from '../../../src/core/api/vocabulary.js';
import { $, scriptedRequest, scriptedSession as session, text, until } from './helpers.js';

/** Requests claimed by the signed-in supporter, Sam. */
const request = (overrides: Record<string, unknown> = {}) =>
  scriptedRequest({ claimedBy: { id: 'sup_me', displayName: 'Sam' }, ...overrides });

/** What a reviewer found: wishes shown as codes, forms without parts, a stray space in the hidden heading text. */
const API = 'https://backend.example/v1';

async function signedIn(items: unknown[], lang = 'en', more: Response[] = []): Promise<PeerSupporterInbox> {
  const fake = new FakeFetch(session(), json({ items, nextCursor: null }), ...more.map((r) => r));
  const el = await fixture<PeerSupporterInbox>(
    html`<peer-supporter-inbox api-base=${API} .fetch=${fake.fetch} lang=${lang}></peer-supporter-inbox>`,
  );
  $<HTMLInputElement>(el, '#login')!.value = 'sam';
  $<HTMLInputElement>(el, '#password')!.value = 'secret words';
  $<HTMLButtonElement>(el, '[part="sign-in-submit"]')!.click();
  await until(() => $(el, '[part="request"]') !== null, 5000, 'the request');
  return el;
}

describe('<peer-supporter-inbox> review fixes', () => {
  it('shows a student’s wishes in words, the words the student chose from', async () => {
    const el = await signedIn([
      request({ preferences: { supporterGender: 'woman', sharedExperience: ['international-student', 'bipoc'] } }),
    ]);
    const wishes = text($(el, '[part="preferences"]'));
    expect(wishes).to.equal('A woman, International student, and Black, Indigenous or person of colour');
    await expect(el).to.be.accessible();
  });

  it('has words for every gender and shared experience the contract allows, in English and Spanish', async () => {
    for (const lang of ['en', 'es']) {
      for (const [index, gender] of ['woman', 'man', 'non-binary'].entries()) {
        // The contract allows five at a time: two requests cover all ten.
        const shared = SHARED.slice((index % 2) * 5, (index % 2) * 5 + 5);
        const el = await signedIn(
          [request({ preferences: { supporterGender: gender, sharedExperience: shared } })],
          lang,
        );
        const wishes = text($(el, '[part="preferences"]'));
        for (const code of [gender, ...shared].filter((c) => c !== 'lgbtqia')) {
          expect(wishes.split(/,\s*|\s(?:and|y)\s/), `${lang}: ${code}`).not.to.include(code);
        }
        expect(wishes, `${lang} ${gender}`).not.to.match(/Another wish|Otro deseo/);
        if (lang === 'es' && index === 0) expect(wishes).to.contain('Estudiante internacional');
      }
    }
  });

  it('shows a neutral word, never the raw code or markup, for a wish from a newer backend', async () => {
    const el = await signedIn([
      request({ preferences: { supporterGender: 'agender-x', sharedExperience: ['<b>veteran</b>', 'faith'] } }),
    ]);
    const wishes = $(el, '[part="preferences"]')!;
    expect(text(wishes)).not.to.contain('agender-x');
    expect(text(wishes)).not.to.contain('veteran');
    expect(wishes.querySelector('b') === null).to.equal(true);
    expect(text(wishes)).to.contain('Faith');
    expect(text(wishes)).to.contain('Another wish');
  });

  it('reads the request heading without a space before the comma', async () => {
    const el = await signedIn([request({ topic: 'general' })]);
    const heading = text($(el, '[part="request-heading"]'));
    expect(heading).not.to.contain(' ,');
    expect(heading).to.match(/^About .+, Request pr_1$/);
  });

  it('gives the close and escalate forms’ fields and buttons parts', async () => {
    const el = await signedIn([request()], 'en', [json({ items: [] })]);
    $<HTMLButtonElement>(el, '[part~="toggle"]')!.click();
    await until(() => $(el, '[part~="close"]') !== null, 5000, 'the actions');
    $<HTMLButtonElement>(el, '[part~="close"]')!.click();
    await until(() => $(el, '[part="close-form"]') !== null);
    const form = $(el, '[part="close-form"]')!;
    expect(form.querySelector('select')!.getAttribute('part')).to.equal('close-outcome');
    expect(form.querySelector('textarea')!.getAttribute('part')).to.equal('close-note');
    expect(form.querySelector('[type="submit"]')!.getAttribute('part')).to.contain('close-submit');
    expect(form.querySelector('[type="button"]')!.getAttribute('part')).to.contain('close-cancel');
    await expect(el).to.be.accessible();
    form.querySelector<HTMLButtonElement>('[type="button"]')!.click();
    await until(() => $(el, '[part~="escalate"]') !== null);
    $<HTMLButtonElement>(el, '[part~="escalate"]')!.click();
    await until(() => $(el, '[part="escalate-form"]') !== null);
    const escalate = $(el, '[part="escalate-form"]')!;
    expect(escalate.querySelector('select')!.getAttribute('part')).to.equal('escalate-reason');
    expect(escalate.querySelector('textarea')!.getAttribute('part')).to.equal('escalate-note');
    expect(escalate.querySelector('[type="submit"]')!.getAttribute('part')).to.contain('escalate-submit');
    expect(escalate.querySelector('[type="button"]')!.getAttribute('part')).to.contain('escalate-cancel');
  });

  async function rateLimited(retryAfter: string, lang: string): Promise<string> {
    // The client itself retries after a short Retry-After: every attempt is refused.
    const tooMany = () =>
      json({ type: 'about:blank', title: 'Too many', status: 429 }, 429, {
        'Content-Type': 'application/problem+json',
        'Retry-After': retryAfter,
      });
    const fake = new FakeFetch(tooMany(), tooMany(), tooMany(), tooMany());
    const el = await fixture<PeerSupporterInbox>(
      html`<peer-supporter-inbox api-base=${API} .fetch=${fake.fetch} lang=${lang}></peer-supporter-inbox>`,
    );
    $<HTMLInputElement>(el, '#login')!.value = 'sam';
    $<HTMLInputElement>(el, '#password')!.value = 'secret words';
    $<HTMLButtonElement>(el, '[part="sign-in-submit"]')!.click();
    await until(() => $(el, '[part="notice"]') !== null, 5000, 'the message');
    return text($(el, '[part="notice"]'));
  }

  it('says a rate-limit wait of a minute or more in minutes, and a shorter one in seconds (English and Spanish)', async () => {
    expect(await rateLimited('508', 'en')).to.equal(
      'Too many sign-in attempts from this network. Please wait about 9 minutes, then try again.',
    );
    expect(await rateLimited('60', 'en')).to.contain('Please wait about 1 minute, then');
    expect(await rateLimited('1', 'en')).to.contain('Please wait 1 second, then');
    expect(await rateLimited('30', 'en')).to.contain('Please wait 30 seconds, then');
    expect(await rateLimited('508', 'es')).to.equal(
      'Demasiados intentos de inicio de sesión desde esta red. Espera unos 9 minutos y vuelve a intentarlo.',
    );
    expect(await rateLimited('60', 'es')).to.contain('Espera alrededor de 1 minuto y');
    expect(await rateLimited('1', 'es')).to.contain('Espera 1 segundo y');
  });
});
