import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, createRequest, findCard, mount, server, text, until } from './helpers.js';

/** The focused element inside the inbox's shadow root. */
const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

/** Presses Tab until `matches` holds for the focused element (at most `limit` presses). */
async function tabTo(el: Element, matches: (node: HTMLElement) => boolean, what: string, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    const node = focused(el);
    if (node && matches(node)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}

const isPart = (part: string, id?: string) => (node: HTMLElement) =>
  (node.getAttribute('part') ?? '').split(' ').includes(part) &&
  (id === undefined || node.closest('[data-request]')?.getAttribute('data-request') === id);

describe('<peer-supporter-inbox> by keyboard alone (reference server)', function () {
  // Whole journeys against the real server (sign-ins hash passwords with scrypt): a loaded CI machine needs more
  // than the default 10 s for some.
  this.timeout(30_000);
  it('signs in, opens a request, claims it, marks it contacted, writes a note and closes it', async () => {
    const { supporters } = await server();
    const id = await createRequest({ topic: 'sleep' });
    const el = await mount();
    el.focus();
    await tabTo(el, (node) => node.id === 'login', 'the sign-in name');
    await sendKeys({ type: 'test.supporter' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('password');
    await sendKeys({ type: supporters['test.supporter']! });
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el)?.id === 'queue-heading', 8000, 'focus on the queue');

    await findCard(el, id); // pages through Show more if other tests filled the queue
    await tabTo(el, isPart('toggle', id), 'the request’s Open button', 400);
    expect(focused(el)?.getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el)?.getAttribute('aria-expanded') === 'true', 3000, 'the request open');

    await tabTo(el, isPart('claim', id), 'Claim');
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el)?.id === `message-${id}`, 5000, 'focus on the claim message');

    await tabTo(el, isPart('contacted', id), 'Mark contacted');
    await sendKeys({ press: 'Space' });
    await until(() => text($(el, `[data-request="${id}"] [part="status"]`)) === 'Contacted', 5000, 'contacted');

    await tabTo(el, (node) => node.id === `note-text-${id}`, 'the note field');
    await sendKeys({ type: 'Talked about sleep; will try the group.' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(
      () => text($(el, `[data-request="${id}"] [part="notes"]`)).includes('will try the group'),
      5000,
      'the note',
    );

    await tabTo(el, isPart('close', id), 'Close with an outcome', 120);
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el)?.id === `close-first-${id}`, 3000, 'focus on the outcome');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => text($(el, `[data-request="${id}"] [part="status"]`)) === 'Closed', 5000, 'closed');
    expect(text($(el, `[data-request="${id}"] [part="outcome"]`))).to.equal('Supported');
    expect(focused(el)?.id).to.equal(`message-${id}`);
    await expect(el).to.be.accessible();
  });
});
