// <peer-group-finder> against the real reference server on loopback (started by web-test-runner with the demo
// campus's groups): searching and paging, a sensitive group's place revealed only by joining, cancelling with the
// token header, a lost answer replayed with the same key, and a calendar file from a real schedule.
import { expect, html } from '@open-wc/testing';
import ICAL from 'ical.js';
import { referenceServer } from '../../helpers/reference-server.js';
import { $, $$, announced, mount, text, until, type Finder } from './helpers.js';

async function finder(apiBase: string, attributes = html``, fetchImpl?: typeof fetch): Promise<Finder> {
  const el = await mount(
    html`<peer-group-finder api-base=${apiBase} .fetch=${fetchImpl}>${attributes}</peer-group-finder>`,
  );
  await until(() => $$(el, '[part="card"]').length > 0 || $(el, '[part="problem"]') !== null, 8000, 'results');
  return el;
}

/** Opens the details of the group named `name` (paging with "Show more" until it is listed). */
async function openGroup(el: Finder, name: string): Promise<HTMLDialogElement> {
  for (;;) {
    const card = $$(el, '[part="card"]').find((item) => text(item.querySelector('[part="card-name"]')) === name);
    if (card) {
      card.querySelector<HTMLButtonElement>('[part="card-details"]')!.click();
      break;
    }
    const more = $<HTMLButtonElement>(el, '[part="more"]');
    if (!more) throw new Error(`no group named ${name}`);
    const count = $$(el, '[part="card"]').length;
    more.click();
    await until(() => $$(el, '[part="card"]').length > count, 8000, 'the next page');
  }
  const dialog = $<HTMLDialogElement>(el, 'dialog')!;
  await until(() => dialog.open && $(el, '[part~="detail-agreements"], [part~="detail-privacy"]') !== null, 8000);
  return dialog;
}

describe('<peer-group-finder> with the reference server', () => {
  let apiBase: string;
  before(async () => {
    ({ apiBase } = await referenceServer());
  });

  it('lists the demo campus’s groups a page at a time; "Show more" brings the rest and moves focus to them', async () => {
    const el = await finder(apiBase);
    expect($$(el, '[part="card"]').length).to.equal(20);
    expect(text($(el, '[part="status"]'))).to.equal('Showing 20 groups. There are more.');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="more"]')!.click();
    await until(() => $$(el, '[part="card"]').length > 20, 8000, 'the second page');
    const names = $$(el, '[part="card-name"]');
    expect(el.shadowRoot!.activeElement === names[20]).to.equal(true);
    expect(new Set(names.map((name) => name.id)).size, 'no group twice').to.equal(names.length);
  });

  it('filters by topic and by words, and announces the count', async () => {
    const el = await finder(apiBase, html``);
    el.setAttribute('topic', 'grief');
    await until(() => $$(el, '[part="card-topics"]').every((topics) => text(topics).includes('grief and loss')), 8000);
    expect($$(el, '[part="card"]').length).to.be.greaterThan(0);
    expect(await announced(el)).to.match(/^\d+ groups? found\.$/);
    el.removeAttribute('topic');
    const input = $<HTMLInputElement>(el, '#search-input')!;
    input.value = 'international';
    input.dispatchEvent(new Event('input'));
    await until(
      () => $$(el, '[part="card-name"]').some((name) => text(name) === 'International students coffee hour'),
      8000,
      'the word search',
    );
  });

  it('shows a sensitive group’s place only to a student who joined with a place, and cancels with the token', async () => {
    const el = await finder(apiBase);
    expect(el.shadowRoot!.textContent!.includes('Room 104'), 'no hidden room in the list').to.equal(false);
    await openGroup(el, 'Rainbow peer group');
    expect(text($(el, '[part="location-hidden"]'))).to.equal('Location given when you join (Main campus)');
    expect(el.shadowRoot!.textContent!.includes('Room 104'), 'nor in the details').to.equal(false);
    $<HTMLButtonElement>(el, '[part="join-submit"]')!.click();
    await until(() => $(el, '[part="outcome"]') !== null, 8000, 'the answer');
    expect(text($(el, '[part="outcome"]'))).to.contain("You're in");
    expect(text($(el, '[part="where"]'))).to.contain('Room 104');
    expect(text($(el, '[part="code-value"]'))).to.match(/^[\w-]+\.[\w-]+\.[\w-]{16,}$/);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="cancel"]')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="cancel-yes"]')!.click();
    await until(() => $(el, '[part="cancelled"]') !== null, 8000, 'the cancellation');
    expect(text($(el, '[part="cancelled"]'))).to.contain('Your place is cancelled');
  });

  it('puts a student on a full group’s waitlist with their place, never showing its hidden room', async () => {
    const el = await finder(apiBase);
    await openGroup(el, 'Grief and loss circle');
    expect(text($(el, '[part="join-submit"]'))).to.equal('Join the waitlist');
    $<HTMLButtonElement>(el, '[part="join-submit"]')!.click();
    await until(() => $(el, '[part="outcome"]') !== null, 8000, 'the answer');
    expect(text($(el, '[part="outcome-text"]'))).to.match(
      /^The group is full right now\. Your place on the waitlist: \d+\.$/,
    );
    expect(el.shadowRoot!.textContent!.includes('Quiet room 3'), 'the hidden room').to.equal(false);
    $<HTMLButtonElement>(el, '[part="cancel"]')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="cancel-yes"]')!.click();
    await until(() => $(el, '[part="cancelled"]') !== null, 8000, 'leaving the waitlist');
  });

  it('a registration whose answer was lost is replayed, not made twice, when the student tries again', async () => {
    const seen: Array<{ key: string | null; replayed: string | null; id?: string; token?: string }> = [];
    let dropNext = true;
    const lossy: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const response = await fetch(request);
      if (request.method !== 'POST') return response;
      const body = (await response.clone().json()) as { registrationId?: string; cancelToken?: string };
      seen.push({
        key: request.headers.get('Idempotency-Key'),
        replayed: response.headers.get('Idempotent-Replayed'),
        id: body.registrationId,
        token: body.cancelToken,
      });
      if (dropNext) {
        dropNext = false;
        throw new TypeError('Failed to fetch'); // committed on the server; the answer never reached the page
      }
      return response;
    };
    const el = await finder(apiBase, html``, lossy);
    await openGroup(el, 'Exam stress circle');
    const name = $<HTMLInputElement>(el, '#join-name')!;
    name.value = 'Sam';
    name.dispatchEvent(new Event('input'));
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="join-submit"]')!.click();
    // The client retries a network failure by itself; the student may also have to press "Try again".
    await until(() => $(el, '[part="outcome"]') !== null || $(el, '#join-failure') !== null, 15_000);
    if (!$(el, '[part="outcome"]')) {
      $<HTMLButtonElement>(el, '[part="join-submit"]')!.click();
      await until(() => $(el, '[part="outcome"]') !== null, 8000);
    }
    expect(seen.length).to.be.at.least(2);
    expect(new Set(seen.map((s) => s.key)).size, 'one key').to.equal(1);
    expect(new Set(seen.map((s) => s.id)).size, 'one registration').to.equal(1);
    expect(seen.at(-1)!.replayed).to.equal('true');
    // Leave the demo group as it was.
    const { id, token } = seen[0]!;
    const groupId = text($(el, '[part="code-value"]')).split('.')[0];
    const cancelled = await fetch(`${apiBase}/groups/${groupId}/registrations/${id}`, {
      method: 'DELETE',
      headers: { 'Registration-Token': token!, 'Idempotency-Key': crypto.randomUUID() },
    });
    expect(cancelled.status).to.equal(204);
  });

  it('writes a real group’s schedule to a calendar file that ical.js reads, in the group’s time zone', async () => {
    const el = await finder(apiBase);
    await openGroup(el, 'Exam stress circle');
    const downloaded = new Promise<string>((resolve) => {
      const onClick = async (event: Event) => {
        const link = event.composedPath()[0] as HTMLAnchorElement;
        if (!(link instanceof HTMLAnchorElement) || !link.download) return;
        document.removeEventListener('click', onClick, true);
        resolve(await (await fetch(link.href)).text());
      };
      document.addEventListener('click', onClick, true);
    });
    $<HTMLButtonElement>(el, '[part="calendar-add"]')!.click();
    const ics = await downloaded;
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).to.match(/^[A-Za-z]+\/[A-Za-z_]+/);
    expect(vevent.getFirstPropertyValue('summary')).not.to.contain('Exam');
    const iterator = new ICAL.Event(vevent).iterator();
    expect(iterator.next() !== null, 'at least one session').to.equal(true);
  });
});
