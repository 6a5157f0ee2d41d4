import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import {
  $,
  $$,
  groupDetail,
  groupPage,
  groupSummary,
  groupsFetch,
  json,
  mountWith,
  registration,
  until,
  type Finder,
} from './helpers.js';

const active = (el: Finder) => el.shadowRoot!.activeElement as HTMLElement | null;

/** Presses Tab until `predicate` holds for the focused element, as a keyboard user would; fails after `max`. */
async function tabTo(el: Finder, predicate: (focused: HTMLElement | null) => boolean, what: string, max = 120) {
  for (let presses = 0; presses < max; presses++) {
    if (predicate(active(el))) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}

const part = (name: string) => (focused: HTMLElement | null) => focused?.getAttribute('part') === name;

describe('<peer-group-finder> by keyboard alone', () => {
  it('search, filter, open details, join, add to the calendar, close: every step by keys, focus never lost', async () => {
    const net = groupsFetch({
      list: (url) =>
        json(
          groupPage([
            groupSummary(url.searchParams.getAll('format').includes('online') ? 'online-one' : 'any-one', {
              name: url.searchParams.get('q') ? 'Exam stress group' : 'Another group',
            }),
          ]),
        ),
      detail: (id) => json(groupDetail(id, { name: 'Exam stress group' })),
      register: (id) => json(registration(id), 201),
    });
    const el = await mountWith(net);
    $<HTMLInputElement>(el, '#search-input')!.focus();
    await sendKeys({ type: 'exams' });
    await until(() => $(el, '[part="card-name"]')?.textContent?.includes('Exam stress') === true, 2000, 'results');

    // Filter: open "Format, language and who leads it" and tick "Online" with the space bar.
    await tabTo(el, (focused) => focused?.textContent?.includes('Format, language') === true, 'the format filter');
    await sendKeys({ press: 'Enter' });
    await tabTo(el, (focused) => (focused as HTMLInputElement | null)?.value === 'online', 'Online');
    await sendKeys({ press: 'Space' });
    await until(() => $(el, '[id="name-online-one"]') !== null, 2000, 'the filtered results');
    expect((active(el) as HTMLInputElement).value, 'focus stayed on the box').to.equal('online');

    // Open the details.
    await tabTo(el, part('card-details'), 'Details and joining');
    const opener = active(el);
    await sendKeys({ press: 'Enter' });
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await until(() => dialog.open && active(el)?.id === 'dialog-name', 2000, 'the dialog');
    await until(() => $(el, '[part~="detail-agreements"]') !== null, 2000, 'the details');

    // Join with a name only.
    await tabTo(el, (focused) => focused?.id === 'join-name', 'the name field');
    await sendKeys({ type: 'Sam' });
    await tabTo(el, part('join-submit'), 'Join this group');
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'outcome-heading', 2000, 'the answer');
    expect(net.posts()[0]!.body).to.deep.equal({ name: 'Sam' });

    // Add to the calendar.
    const downloaded = new Promise<string>((resolve) => {
      const onClick = async (event: Event) => {
        const link = event.composedPath()[0] as HTMLAnchorElement;
        if (!(link instanceof HTMLAnchorElement) || !link.download) return;
        document.removeEventListener('click', onClick, true);
        resolve(await (await fetch(link.href)).text());
      };
      document.addEventListener('click', onClick, true);
    });
    await tabTo(el, part('calendar-add'), 'Add to calendar');
    await sendKeys({ press: 'Enter' });
    const ics = await downloaded;
    expect(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent') !== null).to.equal(true);

    // Focus is trapped in the modal dialog: Tab never leaves it.
    for (let presses = 0; presses < 40; presses++) {
      await sendKeys({ press: 'Tab' });
      const focused = active(el);
      expect(focused === null || dialog.contains(focused), 'focus stays in the dialog').to.equal(true);
    }

    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 2000, 'the dialog to close');
    expect(active(el) === opener, 'focus back on the button that opened it').to.equal(true);
    expect($$(el, '[part="card"]').length).to.equal(1);
  });
});
