import { expect } from '@open-wc/testing';
import { supporterInboxEn } from '../../../src/elements/peer-supporter-inbox/i18n/en.js';
import {
  $,
  $$,
  announced,
  createRequest,
  findCard,
  mount,
  openCard,
  press,
  recordEvents,
  signIn,
  text,
  until,
} from './helpers.js';

const status = (found: HTMLElement) => text(found.querySelector('[part="status"]'));

async function claimed(login: string, id: string) {
  const el = await mount();
  await signIn(el, login);
  const found = await openCard(el, id);
  await press(found, 'claim');
  await until(() => status(found) === 'Claimed', 5000, 'the claim');
  return { el, found };
}

async function addNote(found: HTMLElement, words: string) {
  const box = found.querySelector<HTMLTextAreaElement>('[part="note-form"] textarea')!;
  box.value = words;
  box.dispatchEvent(new Event('input'));
  found.querySelector<HTMLFormElement>('[part="note-form"]')!.requestSubmit();
  await until(() => text(found.querySelector('[part="notes"]')).includes(words), 5000, 'the saved note');
}

describe('<peer-supporter-inbox> working on requests (reference server)', function () {
  // Whole journeys against the real server (sign-ins hash passwords with scrypt): a loaded CI machine needs more
  // than the default 10 s for some.
  this.timeout(30_000);
  it('lists requests by when they are due, oldest first, with what every supporter may see', async () => {
    const later = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const first = await createRequest({ topic: 'loneliness' });
    const scheduled = await createRequest({ topic: 'sleep', when: { mode: 'scheduled', at: later } });
    const second = await createRequest({ topic: 'money', note: 'Only for the holder' });
    const el = await mount();
    await signIn(el, 'test.peer');
    await findCard(el, first);
    await findCard(el, second);
    await findCard(el, scheduled);
    const order = $$(el, '[part="request"]').map((item) => item.dataset.request);
    expect(order.indexOf(first)).to.be.lessThan(order.indexOf(second));
    expect(order.indexOf(second)).to.be.lessThan(order.indexOf(scheduled));
    const found = await findCard(el, second);
    expect(text(found.querySelector('[part="request-heading"]'))).to.contain('About money');
    expect(text(found.querySelector('[part="status"]'))).to.equal('Waiting');
    expect(text(found.querySelector('[part="contact-method"]'))).to.equal('email');
    expect(text(el.shadowRoot!), 'no note before claiming').not.to.contain('Only for the holder');
    expect(text(el.shadowRoot!), 'no address before claiming').not.to.contain('student@example.edu');
    await expect(el).to.be.accessible();
  });

  it('claims: the student’s note and contact appear, focus moves to the message, an event with the id only', async () => {
    const id = await createRequest({ note: 'Exams are a lot right now.' });
    const el = await mount();
    await signIn(el, 'test.supporter');
    const found = await openCard(el, id);
    expect(found.querySelector('[part="guide"]') !== null, 'the referral guide beside it').to.equal(true);
    expect(text(found.querySelector('[part="guide"]'))).to.contain('on-call professional at once');
    expect(text(found.querySelector('[part="guide"]'))).to.contain('not a counsellor');
    await expect(el).to.be.accessible();
    const events = recordEvents(el, ['peer-inbox-claimed', 'peer-inbox-contacted']);
    await press(found, 'claim');
    await until(() => status(found) === 'Claimed', 5000, 'the claim');
    expect(text(found.querySelector('[part="student-note"]'))).to.contain('Exams are a lot right now.');
    expect(text(found.querySelector('[part="contact"]'))).to.contain('student@example.edu');
    expect(text(found.querySelector('[part="claimed-by"]'))).to.equal('you');
    await until(() => el.shadowRoot!.activeElement?.id === `message-${id}`, 3000, 'focus on the message');
    expect(await announced(el)).to.equal(supporterInboxEn['inbox.claimed']);
    await until(() => found.querySelector('[part="notes-section"]')?.textContent?.includes('No notes yet.') ?? false);
    await expect(el).to.be.accessible();

    await press(found, 'contacted');
    await until(() => status(found) === 'Contacted', 5000, 'contacted');
    expect(found.querySelector('[part~="contacted"]') === null, 'no second Mark contacted').to.equal(true);
    expect(events).to.deep.equal([
      { type: 'peer-inbox-claimed', detail: { requestId: id } },
      { type: 'peer-inbox-contacted', detail: { requestId: id } },
    ]);
  });

  it('keeps notes private: the holder writes one, another supporter never sees it, a supervisor does', async () => {
    const id = await createRequest({ note: 'A private student note' });
    const holder = await claimed('test.supporter', id);
    const events = recordEvents(holder.el, ['peer-inbox-note-added']);
    await addNote(holder.found, 'Handover: prefers chat in the evening');
    expect(events).to.deep.equal([{ type: 'peer-inbox-note-added', detail: { requestId: id, kind: 'note' } }]);

    const other = await mount();
    await signIn(other, 'test.peer');
    const seen = await openCard(other, id);
    expect(text(seen.querySelector('[part="claimed-by"]'))).to.equal('Sam');
    expect(seen.querySelector('[part="notes-section"]') === null, 'no notes section').to.equal(true);
    expect(seen.querySelector('[part~="claim"]') === null, 'no Claim on a claimed request').to.equal(true);
    expect(text(other.shadowRoot!)).not.to.contain('Handover: prefers chat');
    expect(text(other.shadowRoot!)).not.to.contain('A private student note');
    await expect(other).to.be.accessible();

    const supervisor = await mount();
    await signIn(supervisor, 'test.supervisor');
    const read = await openCard(supervisor, id);
    await until(() => text(read.querySelector('[part="notes"]')).includes('Handover: prefers chat'), 5000, 'notes');
    expect(text(read.querySelector('[part="note-meta"]'))).to.contain('Sam');
    expect(text(read.querySelector('[part="student-note"]'))).to.contain('A private student note');
  });

  it('hands a request to the on-call professional; a supervisor sees it first and closes it', async () => {
    const id = await createRequest();
    const el = await mount();
    await signIn(el, 'test.peer');
    const found = await openCard(el, id);
    const events = recordEvents(el, ['peer-inbox-escalated']);
    await press(found, 'escalate');
    await until(() => found.querySelector('[part="escalate-form"]') !== null);
    await until(() => el.shadowRoot!.activeElement?.id === `escalate-first-${id}`, 3000, 'focus on the reason');
    await expect(el).to.be.accessible();
    const reason = found.querySelector<HTMLSelectElement>('[part="escalate-form"] select')!;
    reason.value = 'safeguarding';
    reason.dispatchEvent(new Event('change'));
    found.querySelector<HTMLFormElement>('[part="escalate-form"]')!.requestSubmit();
    await until(() => status(found) === 'With the on-call professional', 5000, `the escalation (${text(found)})`);
    expect(text(found.querySelector('[part="message"]'))).to.equal(supporterInboxEn['inbox.escalate.done']);
    expect(events).to.deep.equal([{ type: 'peer-inbox-escalated', detail: { requestId: id, reason: 'safeguarding' } }]);

    const supervisor = await mount();
    await signIn(supervisor, 'test.supervisor');
    const items = $$(supervisor, '[part="request"]');
    expect(items[0]?.dataset.status, 'escalated requests first').to.equal('escalated-to-professional');
    const held = await openCard(supervisor, id);
    const closed = recordEvents(supervisor, ['peer-inbox-closed']);
    await press(held, 'close');
    await until(() => held.querySelector('[part="close-form"]') !== null);
    const outcome = held.querySelector<HTMLSelectElement>('[part="close-form"] select')!;
    outcome.value = 'handled-by-professional';
    outcome.dispatchEvent(new Event('change'));
    held.querySelector<HTMLFormElement>('[part="close-form"]')!.requestSubmit();
    await until(() => status(held) === 'Closed', 5000, 'closed');
    expect(closed).to.deep.equal([
      { type: 'peer-inbox-closed', detail: { requestId: id, outcome: 'handled-by-professional' } },
    ]);
  });

  it('closes with an outcome, asking for one first', async () => {
    const id = await createRequest();
    const { el, found } = await claimed('test.supporter', id);
    const events = recordEvents(el, ['peer-inbox-closed']);
    await press(found, 'close');
    await until(() => found.querySelector('[part="close-form"]') !== null);
    found.querySelector<HTMLFormElement>('[part="close-form"]')!.requestSubmit();
    await until(() => text(found.querySelector('[part="message"]')) === 'Choose an outcome.', 3000, 'the ask');
    expect(events).to.deep.equal([]);
    const outcome = found.querySelector<HTMLSelectElement>('[part="close-form"] select')!;
    outcome.value = 'referred-to-counselling';
    outcome.dispatchEvent(new Event('change'));
    found.querySelector<HTMLFormElement>('[part="close-form"]')!.requestSubmit();
    await until(() => status(found) === 'Closed', 5000, 'closed');
    expect(text(found.querySelector('[part="outcome"]'))).to.equal('Referred to counselling');
    expect(text(found.querySelector('[part="contact"]')), 'contact deleted on close').to.equal('');
    expect(events).to.deep.equal([
      { type: 'peer-inbox-closed', detail: { requestId: id, outcome: 'referred-to-counselling' } },
    ]);
    await expect(el).to.be.accessible();
  });

  it('hands a claimed request back to the queue, where another supporter can claim it', async () => {
    const id = await createRequest({ note: 'Back to the queue note' });
    const { el, found } = await claimed('test.supporter', id);
    const events = recordEvents(el, ['peer-inbox-handed-back']);
    await press(found, 'hand-back');
    await until(() => status(found) === 'Waiting', 5000, 'back in the queue');
    expect(text(found.querySelector('[part="message"]'))).to.equal(supporterInboxEn['inbox.handedBack']);
    expect(text(found), 'the note goes with the claim').not.to.contain('Back to the queue note');
    expect(found.querySelector('[part~="claim"]') !== null, 'Claim offered again').to.equal(true);
    expect(events).to.deep.equal([{ type: 'peer-inbox-handed-back', detail: { requestId: id } }]);
    const other = await claimed('test.peer', id);
    expect(text(other.found.querySelector('[part="student-note"]'))).to.contain('Back to the queue note');
  });

  it('shows HTML in a student’s note and a supporter’s note as text', async () => {
    const hostile = '<img src=x onerror="window.__inboxHacked=1"><b>bold</b>';
    const id = await createRequest({ note: hostile });
    const { el, found } = await claimed('test.supporter', id);
    await addNote(found, hostile);
    expect(text(found.querySelector('[part="student-note"]'))).to.contain(hostile);
    expect(found.querySelector('img, b') === null, 'no element made from data').to.equal(true);
    expect((window as unknown as { __inboxHacked?: number }).__inboxHacked).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('says why an untrained supporter cannot claim, and offers no Claim', async () => {
    const id = await createRequest();
    const el = await mount();
    await signIn(el, 'test.untrained');
    expect(text($(el, '[part="training"]'))).to.equal(supporterInboxEn['inbox.training.missing']);
    const found = await openCard(el, id);
    expect(found.querySelector('[part~="claim"]') === null).to.equal(true);
    expect(found.querySelector('[part~="escalate"]') !== null, 'escalating is still open to them').to.equal(true);
    await expect(el).to.be.accessible();

    const expired = await mount();
    await signIn(expired, 'test.expired');
    expect(text($(expired, '[part="training"]'))).to.match(/^Your training expired on .+, so you cannot claim/);
    expect((await openCard(expired, id)).querySelector('[part~="claim"]') === null).to.equal(true);
  });
});
