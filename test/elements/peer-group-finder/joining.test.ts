import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PeerGroupRegisteredEvent } from '../../../src/elements/peer-group-finder/group-events.js';
import {
  $,
  $$,
  announced,
  groupDetail,
  groupPage,
  groupSummary,
  groupsFetch,
  json,
  mountWith,
  openCard,
  problem,
  registration,
  text,
  type,
  until,
  type Finder,
} from './helpers.js';

const SECRET_ROOM = 'Room 4.02, Chaplaincy House';
const hiddenSummary = () =>
  groupSummary('grief', {
    name: 'Grief and loss circle',
    locationHidden: true,
    areaHint: 'Main campus',
    location: undefined,
  });
const hiddenDetail = () => ({ ...groupDetail('grief'), ...hiddenSummary() });

function backend(
  register: Parameters<typeof groupsFetch>[0]['register'] = (id) =>
    json(registration(id, { location: { venue: { name: SECRET_ROOM } } }), 201),
) {
  return groupsFetch({
    list: () => json(groupPage([hiddenSummary(), groupSummary('open-group')])),
    detail: (id) => json(id === 'grief' ? hiddenDetail() : groupDetail(id)),
    register,
    cancel: () => new Response(null, { status: 204 }),
  });
}

async function submitJoin(el: Finder) {
  $<HTMLButtonElement>(el, '[part="join-submit"]')!.click();
  await el.updateComplete;
}

describe('<peer-group-finder> details and joining', () => {
  it('opens details in a dialog: agreements, privacy, first session, schedule, accessibility; Escape returns focus', async () => {
    const net = backend();
    const el = await mountWith(net);
    const button = $$<HTMLButtonElement>(el, '[part="card-details"]')[1]!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await until(() => dialog.open);
    expect(el.shadowRoot!.activeElement?.id).to.equal('dialog-name');
    await until(() => $(el, '[part~="detail-agreements"]') !== null, 2000, 'the details');
    expect(text($(el, '[part~="detail-about"]'))).to.contain('We meet every week');
    expect(text($(el, '[part~="detail-agreements"]'))).to.contain('What is shared here stays here.');
    expect(text($(el, '[part="attendance"]'))).to.equal('Attendance is not recorded.');
    expect(text($(el, '[part~="detail-first"]'))).to.contain('You can just listen.');
    expect($$(el, '[part="sessions"] li').length).to.equal(5);
    expect(text($(el, '[part~="detail-accessibility"]'))).to.contain('step-free entrance from the car park');
    expect(text($(el, '[part~="detail-where"]'))).to.contain('Wellbeing Centre');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open);
    expect(el.shadowRoot!.activeElement === button, 'focus back on the button that opened it').to.equal(true);
  });

  it('joins anonymously with an empty body, an idempotency key, and no consent asked', async () => {
    const net = backend((id) => json(registration(id), 201));
    const el = await mountWith(net);
    await openCard(el, 1);
    expect($(el, '[part="consent"]') === null, 'no consent without an email or needs').to.equal(true);
    const registered = oneEvent(el, 'peer-group-registered') as Promise<PeerGroupRegisteredEvent>;
    await submitJoin(el);
    const { detail } = await registered;
    expect(detail).to.deep.equal({ groupId: 'open-group', status: 'registered' });
    const [post] = net.posts();
    expect(post!.body).to.deep.equal({});
    expect(post!.key).to.match(/^[0-9a-f-]{36}$/);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('outcome-heading');
    expect(text($(el, '[part="outcome"]'))).to.contain("You're in");
    expect(text($(el, '[part="code-value"]'))).to.equal('open-group.reg_1.Zx8Kq2vN0pLm4Rt7Yw1Bc6Df');
    expect(await announced(el)).to.contain("You're in. You have a place in Group open-group.");
    await expect(el).to.be.accessible();
  });

  it('asks consent only once an email or needs are given, requires it, and sends it with the wording’s version', async () => {
    const net = backend((id) => json(registration(id), 201));
    const el = await mountWith(net);
    el.consentVersion = 'campus-groups-2027-01';
    await openCard(el, 1);
    await type(el, '#join-name', ' Sam ');
    await type(el, '#join-needs', 'A seat near the door, please.');
    expect(text($(el, '[part="consent"]'))).to.contain('only with the facilitator');
    expect(text($(el, '[part="consent"]'))).to.contain('your life is at risk');
    await type(el, '#join-email', 'not-an-email');
    expect($(el, '[part="join-discreet-email"]') !== null, 'a discreet-email choice once an email is given').to.equal(
      true,
    );
    await submitJoin(el);
    expect(net.posts().length, 'nothing sent').to.equal(0);
    expect(text($(el, '#error-email'))).to.contain('email address');
    expect(text($(el, '#error-consent'))).to.contain('Tick the box');
    expect(el.shadowRoot!.activeElement?.id).to.equal('join-email');
    // The summary sits under the fields, by the button: it must point up to the marked answers, not down to nothing.
    const summary = $(el, '[part="error-summary"]')!;
    expect($(el, '#join-email')!.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(text(summary)).to.equal('Please check the answers marked above.');
    await expect(el).to.be.accessible();
    await type(el, '#join-email', 'sam@example.edu');
    $<HTMLInputElement>(el, '#join-consent')!.click();
    await el.updateComplete;
    await submitJoin(el);
    await until(() => net.posts().length === 1);
    const { locale, ...body } = net.posts()[0]!.body as Record<string, unknown>;
    expect(locale, 'emails in the page’s language').to.match(/^en(-|$)/);
    expect(body).to.deep.equal({
      name: 'Sam',
      email: 'sam@example.edu',
      discreetEmail: true,
      accessibilityNeeds: 'A seat near the door, please.',
      consent: { accepted: true, noticeVersion: 'campus-groups-2027-01' },
    });
  });

  it('lets the page stop a registration (peer-group-register is cancelable) and then sends nothing', async () => {
    const net = backend();
    const el = await mountWith(net);
    await openCard(el, 0);
    el.addEventListener('peer-group-register', (event) => {
      expect(event.detail).to.deep.equal({ groupId: 'grief', registrationStatus: 'open' });
      event.preventDefault();
    });
    await submitJoin(el);
    expect(net.posts().length).to.equal(0);
    expect(await announced(el)).to.equal('You did not join.');
  });

  it('shows a sensitive group’s location only after joining with a place: never in the list or the details', async () => {
    const net = backend();
    const el = await mountWith(net);
    expect(el.shadowRoot!.textContent!.includes(SECRET_ROOM), `no SECRET_ROOM on screen`).to.equal(false);
    await openCard(el, 0);
    await until(() => $(el, '[part~="detail-agreements"]') !== null);
    expect(text($(el, '[part="location-hidden"]'))).to.equal('Location given when you join (Main campus)');
    expect(el.shadowRoot!.textContent!.includes(SECRET_ROOM), `no SECRET_ROOM on screen`).to.equal(false);
    await submitJoin(el);
    await until(() => $(el, '[part="outcome"]') !== null);
    expect(text($(el, '[part="where"]'))).to.contain(SECRET_ROOM);
    // The details above say where too: never "given when you join" to someone who has joined.
    expect($(el, '[part="location-hidden"]') === null, 'no "given when you join" line after joining').to.equal(true);
    expect(text($(el, '[part~="detail-where"]'))).to.contain(SECRET_ROOM);
    // Spoken from inside the modal dialog: outside it, the region is inert and screen readers never hear it.
    const region = $(el, '[part="live-region"]');
    expect(region?.closest('dialog') === $(el, 'dialog'), 'the live region is in the open dialog').to.equal(true);
    expect(await announced(el)).to.contain("You're in");
    $<HTMLDialogElement>(el, 'dialog')!.close();
    await until(() => $(el, '[part="live-region"]')?.closest('dialog') === null, 2000, 'the region back on the page');
  });

  it('puts a student on the waitlist with their place, and never shows a hidden location to them', async () => {
    const net = backend((id) =>
      json(
        registration(id, {
          status: 'waitlisted',
          waitlistPosition: 3,
          location: { venue: { name: SECRET_ROOM } }, // a backend that sends it anyway
        }),
        201,
      ),
    );
    const el = await mountWith(net);
    await openCard(el, 0);
    await submitJoin(el);
    await until(() => $(el, '[part="outcome"]') !== null);
    expect(text($(el, '[part="outcome"]'))).to.contain("You're on the waitlist");
    expect(text($(el, '[part="outcome-text"]'))).to.equal(
      'The group is full right now. Your place on the waitlist: 3.',
    );
    expect(text($(el, '[part="outcome"]'))).to.contain('As you gave no email, we cannot tell you');
    expect(el.shadowRoot!.textContent!.includes(SECRET_ROOM), `no SECRET_ROOM on screen`).to.equal(false);
    expect(await announced(el)).to.contain('Your place on the waitlist: 3.');
    await expect(el).to.be.accessible();
  });

  it('retries a failed registration with the same key, keeping focus on the button and the details typed', async () => {
    let attempts = 0;
    // 502 for the client's own three attempts; the student's "Try again" then succeeds.
    const net = backend((id) => (++attempts <= 3 ? problem(502) : json(registration(id), 201)));
    const el = await mountWith(net);
    await openCard(el, 1);
    await type(el, '#join-name', 'Sam');
    const button = $<HTMLButtonElement>(el, '[part="join-submit"]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '#join-failure') !== null, 8000, 'the failure');
    // A 502 may come after the place was taken: never "not joined".
    expect(text($(el, '#join-failure'))).to.contain('We could not confirm that you joined.');
    expect(el.shadowRoot!.activeElement === button, 'focus stays on the button').to.equal(true);
    expect(text(button)).to.equal('Try again');
    expect($<HTMLInputElement>(el, '#join-name')!.value).to.equal('Sam');
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '[part="outcome"]') !== null, 8000, 'the outcome');
    const keys = new Set(net.posts().map((post) => post.key));
    expect(net.posts().length).to.equal(4);
    expect(keys.size, 'one key for the whole attempt').to.equal(1);
  });

  it('a full group with no waitlist (409) says so in plain words', async () => {
    const net = backend(() => problem(409, 'Full'));
    const el = await mountWith(net);
    await openCard(el, 1);
    await submitJoin(el);
    await until(() => $(el, '#join-failure') !== null);
    expect(text($(el, '#join-failure'))).to.equal(
      'This group cannot take new members right now, so you have not joined. Your details are still here.',
    );
  });

  it('copies the cancel code, and selects it for the student when the clipboard is refused', async () => {
    const net = backend();
    const el = await mountWith(net);
    await openCard(el, 1);
    await submitJoin(el);
    await until(() => $(el, '[part="outcome"]') !== null);
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (value: string) => void (copied = value) },
    });
    $<HTMLButtonElement>(el, '[part="copy"]')!.click();
    await until(() => $(el, '[part="copy-status"]') !== null);
    expect(copied).to.equal('open-group.reg_1.Zx8Kq2vN0pLm4Rt7Yw1Bc6Df');
    expect(text($(el, '[part="copy-status"]'))).to.equal('Code copied.');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
    $<HTMLButtonElement>(el, '[part="copy"]')!.click();
    await until(() => text($(el, '[part="copy-status"]')).includes('select'));
    expect(window.getSelection()?.toString()).to.equal('open-group.reg_1.Zx8Kq2vN0pLm4Rt7Yw1Bc6Df');
    delete (navigator as unknown as Record<string, unknown>).clipboard;
    if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
  });

  it('cancels a place after asking, with the token in its header, and offers the form again', async () => {
    const net = backend((id) => json(registration(id), 201));
    const el = await mountWith(net);
    await openCard(el, 1);
    await submitJoin(el);
    await until(() => $(el, '[part="outcome"]') !== null);
    $<HTMLButtonElement>(el, '[part="cancel"]')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('cancel-no');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' }); // "Keep my place"
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('cancel');
    $<HTMLButtonElement>(el, '[part="cancel"]')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="cancel-yes"]')!.click();
    await until(() => $(el, '[part="cancelled"]') !== null);
    const cancel = net.calls.find((call) => call.method === 'DELETE')!;
    expect(cancel.url.pathname).to.equal('/v1/groups/open-group/registrations/reg_1');
    expect(cancel.token).to.equal('Zx8Kq2vN0pLm4Rt7Yw1Bc6Df');
    expect(el.shadowRoot!.activeElement?.id).to.equal('cancelled-note');
    expect($(el, '[part="code-value"]') === null, 'the code is gone').to.equal(true);
    expect($(el, '[part="join-form"]') !== null, 'the form is offered again').to.equal(true);
    expect(await announced(el)).to.equal('Your place is cancelled, and the details you gave are deleted.');
  });

  it('cancels with a pasted code from the finder, and says plainly when a code is not one', async () => {
    const net = backend();
    const el = await mountWith(net);
    $(el, '[part="cancel-by-code"] summary')!.click();
    await type(el, '#cancel-code-input', 'not a code');
    $<HTMLButtonElement>(el, '[part="cancel-by-code"] button[type="submit"]')!.click();
    await el.updateComplete;
    expect(text($(el, '#cancel-code-error'))).to.contain('not a whole cancel code');
    await type(el, '#cancel-code-input', ' grief.reg_9.Zx8Kq2vN0pLm4Rt7Yw1Bc6Df ');
    $<HTMLButtonElement>(el, '[part="cancel-by-code"] button[type="submit"]')!.click();
    await until(() => text($(el, '[part="cancel-by-code"]')).includes('Your place is cancelled'));
    const cancel = net.calls.find((call) => call.method === 'DELETE')!;
    expect(cancel.url.pathname).to.equal('/v1/groups/grief/registrations/reg_9');
    expect(cancel.token).to.equal('Zx8Kq2vN0pLm4Rt7Yw1Bc6Df');
    expect($<HTMLInputElement>(el, '#cancel-code-input')!.value, 'the code is not kept in the field').to.equal('');
  });

  it('keeps nothing personal in the browser: no storage, cookies, IndexedDB or URL carries what was typed', async () => {
    const before = {
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      cookie: document.cookie,
      databases: JSON.stringify(await indexedDB.databases()),
    };
    const net = backend();
    const el = await mountWith(net);
    await openCard(el, 0);
    await type(el, '#join-name', 'Samira');
    await type(el, '#join-email', 'samira@example.edu');
    await type(el, '#join-needs', 'Step-free route');
    $<HTMLInputElement>(el, '#join-consent')!.click();
    await el.updateComplete;
    await submitJoin(el);
    await until(() => $(el, '[part="outcome"]') !== null);
    expect(JSON.stringify({ ...localStorage })).to.equal(before.local);
    expect(JSON.stringify({ ...sessionStorage })).to.equal(before.session);
    expect(document.cookie).to.equal(before.cookie);
    expect(JSON.stringify(await indexedDB.databases())).to.equal(before.databases);
    expect(location.href).not.to.match(/samira|step-free|Zx8Kq/i);
    expect(JSON.stringify(history.state ?? null)).not.to.match(/samira|Zx8Kq/i);
    // Once sent, the typed details are not kept by the element either.
    expect(JSON.stringify([...(el as unknown as { joinForms: Map<string, unknown> }).joinForms])).not.to.contain(
      'samira',
    );
  });
});
