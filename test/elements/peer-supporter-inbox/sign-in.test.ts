import { expect } from '@open-wc/testing';
import { registerLocale } from '../../../src/core/i18n/catalog.js';
import { supporterInboxEn } from '../../../src/elements/peer-supporter-inbox/i18n/en.js';
import {
  $,
  announced,
  mount,
  openCard,
  findCard,
  createRequest,
  recordEvents,
  server,
  signIn,
  submitSignIn,
  text,
  until,
} from './helpers.js';

function noStorage() {
  expect(localStorage.length, 'localStorage').to.equal(0);
  expect(sessionStorage.length, 'sessionStorage').to.equal(0);
  expect(document.cookie, 'cookies').to.equal('');
}

describe('<peer-supporter-inbox> signing in (reference server)', function () {
  // Whole journeys against the real server (sign-ins hash passwords with scrypt): a loaded CI machine needs more
  // than the default 10 s for some.
  this.timeout(30_000);
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('shows the sign-in form first, accessible', async () => {
    const el = await mount();
    expect(text($(el, '#sign-in-heading'))).to.equal('Sign in');
    expect($(el, '#login')!.getAttribute('autocomplete')).to.equal('username');
    expect($(el, '#password')!.getAttribute('autocomplete')).to.equal('current-password');
    expect($(el, '[part="queue"]') === null).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says the same words for a wrong password and an unknown sign-in name', async () => {
    const el = await mount();
    await submitSignIn(el, 'test.supporter', 'not the password');
    await until(() => $(el, '[part="notice"]') !== null, 5000, 'the wrong-details message');
    const wrongPassword = text($(el, '[part="notice"]'));
    expect(wrongPassword).to.equal(supporterInboxEn['inbox.signIn.wrong']);
    expect(el.shadowRoot!.activeElement?.id, 'focus on the message').to.equal('sign-in-message');
    await expect(el).to.be.accessible();

    const other = await mount();
    await submitSignIn(other, 'nobody.here', 'whatever it is');
    await until(() => $(other, '[part="notice"]') !== null, 5000, 'the unknown-name message');
    expect(text($(other, '[part="notice"]'))).to.equal(wrongPassword);
    noStorage();
  });

  it('asks for both fields before sending', async () => {
    const el = await mount();
    await submitSignIn(el, '', '');
    await el.updateComplete;
    expect(text($(el, '[part="notice"]'))).to.equal(supporterInboxEn['inbox.signIn.missing']);
  });

  it('signs in: the queue, the name, an event without personal data, and nothing stored', async () => {
    const el = await mount();
    const events = recordEvents(el, ['peer-inbox-signed-in']);
    await signIn(el, 'test.supporter');
    expect(text($(el, '[part="account"]'))).to.contain('Signed in as Sam.');
    expect(events).to.deep.equal([
      { type: 'peer-inbox-signed-in', detail: { supervisor: false, trainingCurrent: true } },
    ]);
    expect($<HTMLInputElement>(el, '#password') === null, 'the password field is gone').to.equal(true);
    await until(() => el.shadowRoot!.activeElement?.id === 'queue-heading', 3000, 'focus on the queue');
    noStorage();
    await expect(el).to.be.accessible();
  });

  it('signs out: the token and everything shown are forgotten', async () => {
    const el = await mount();
    const events = recordEvents(el, ['peer-inbox-signed-out']);
    await signIn(el, 'test.supporter');
    $<HTMLButtonElement>(el, '[part="sign-out"]')!.click();
    await el.updateComplete;
    expect($(el, '[part="queue"]') === null).to.equal(true);
    expect(text($(el, '[part="notice"]'))).to.equal('You are signed out.');
    expect(events.map((event) => event.detail)).to.deep.equal([{ reason: 'signed-out' }]);
    await until(() => el.shadowRoot!.activeElement?.id === 'login', 3000, 'focus on the sign-in name');
    noStorage();
  });

  it('goes back to sign-in on 401, keeps the note being typed in memory, and carries on after signing in', async () => {
    const { apiBase } = await server();
    const id = await createRequest();
    let spoil = false;
    // The page's transport; a spoiled token makes the real server answer 401, as an expired session does.
    const transport: typeof fetch = (input, init) => {
      if (spoil && init?.headers) {
        (init.headers as Record<string, string>).Authorization = 'Bearer expired-token-0123456789';
      }
      return fetch(input, init);
    };
    const el = await mount({ fetch: transport });
    expect(apiBase).to.be.a('string');
    const events = recordEvents(el, ['peer-inbox-signed-out']);
    await signIn(el, 'test.supporter');
    const found = await openCard(el, id);
    found.querySelector<HTMLButtonElement>('[part~="claim"]')!.click();
    await until(() => found.querySelector('[part="note-form"] textarea') !== null, 5000, 'the note form');
    const box = found.querySelector<HTMLTextAreaElement>('[part="note-form"] textarea')!;
    box.value = 'Half-written handover';
    box.dispatchEvent(new Event('input'));
    spoil = true;
    found.querySelector<HTMLFormElement>('[part="note-form"]')!.requestSubmit();
    await until(() => $(el, '#login') !== null, 5000, 'the sign-in form again');
    expect(text($(el, '[part="notice"]'))).to.equal(supporterInboxEn['inbox.signIn.expired']);
    expect(events.map((event) => event.detail)).to.deep.equal([{ reason: 'expired' }]);
    expect(await announced(el)).to.equal(supporterInboxEn['inbox.signIn.expired']);
    await expect(el).to.be.accessible();
    noStorage();
    spoil = false;
    await signIn(el, 'test.supporter');
    // The request is still open where the supporter left it.
    const again = await findCard(el, id);
    await until(() => again.querySelector('[part="note-form"] textarea') !== null, 5000, 'the note form again');
    expect(again.querySelector<HTMLTextAreaElement>('[part="note-form"] textarea')!.value).to.equal(
      'Half-written handover',
    );
    // …and it saves: the note refused with the old session goes through with the new one, once.
    again.querySelector<HTMLFormElement>('[part="note-form"]')!.requestSubmit();
    await until(() => text(again.querySelector('[part="notes"]')).includes('Half-written handover'), 5000, 'the note');
    expect(again.querySelectorAll('[part="note"]').length).to.equal(1);
  });

  it('speaks Spanish', async () => {
    const el = await mount({ lang: 'es' });
    expect(text($(el, '#sign-in-heading'))).to.equal('Iniciar sesión');
    await submitSignIn(el, 'nobody.here', 'whatever it is');
    await until(() => $(el, '[part="notice"]') !== null, 5000, 'the message');
    expect(text($(el, '[part="notice"]'))).to.contain('no coinciden');
    await expect(el).to.be.accessible();
  });

  it('lays out right to left, with the name isolated', async () => {
    const hebrew: Record<string, string> = {};
    for (const key of Object.keys(supporterInboxEn)) hebrew[key] = `עברית ${key}`;
    hebrew['inbox.signedIn'] = 'מחובר/ת בתור {name}.';
    registerLocale('he', hebrew as never);
    const el = await mount({ lang: 'he' });
    expect($(el, '[part="panel"]')!.getAttribute('dir')).to.equal('rtl');
    await signIn(el, 'test.supporter');
    expect($(el, '[part="account"] bdi')?.textContent).to.equal('Sam');
    await expect(el).to.be.accessible();
  });
});
