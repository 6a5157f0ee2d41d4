import { expect, fixtureCleanup } from '@open-wc/testing';
import '../../src/elements/peer-check-in/define.js';
import '../../src/elements/peer-crisis-resources/define.js';

describe('first render order on a page with several widgets', () => {
  afterEach(() => fixtureCleanup());

  it('renders crisis help in the task it is upgraded in, and every other widget one task later', async () => {
    const page = document.createElement('div');
    page.innerHTML = `<peer-check-in></peer-check-in><peer-help-link></peer-help-link>
      <peer-crisis-resources country="US"></peer-crisis-resources>`;
    document.body.append(page);
    // Microtasks only: whatever renders before the next task renders in the task that upgraded the elements.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    const crisis = page.querySelector('peer-crisis-resources')!;
    const checkIn = page.querySelector('peer-check-in')!;
    const helpLink = page.querySelector('peer-help-link')!;
    expect(Boolean(crisis.shadowRoot?.querySelector('a[href="tel:911"]')), 'emergency link in the first task').to.equal(
      true,
    );
    expect(checkIn.shadowRoot?.querySelector('[part="panel"]') == null, 'check-in waits a task').to.equal(true);
    expect(helpLink.shadowRoot?.querySelector('[part="link"]') == null, 'help link waits a task').to.equal(true);
    await (checkIn as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    expect(Boolean(checkIn.shadowRoot?.querySelector('[part="panel"]'))).to.equal(true);
    page.remove();
  });

  it('renders the widgets waiting for crisis help one after another, each in a task of its own', async () => {
    const page = document.createElement('div');
    page.innerHTML = `<peer-crisis-resources country="US"></peer-crisis-resources>
      <peer-check-in></peer-check-in><peer-help-link></peer-help-link><peer-check-in instrument="who5"></peer-check-in>`;
    document.body.append(page);
    type Widget = HTMLElement & { updateComplete: Promise<boolean> };
    const [first, helpLink, last] = ['peer-check-in', 'peer-help-link', 'peer-check-in[instrument]'].map(
      (selector) => page.querySelector(selector) as Widget,
    ) as [Widget, Widget, Widget];
    const rendered = (widget: Widget) => Boolean(widget.shadowRoot?.querySelector('[part]'));
    const restOfThisTask = async () => {
      for (let i = 0; i < 20; i++) await Promise.resolve();
    };
    await first.updateComplete;
    await restOfThisTask();
    expect([rendered(first), rendered(helpLink), rendered(last)], 'after the first').to.deep.equal([
      true,
      false,
      false,
    ]);
    await helpLink.updateComplete;
    await restOfThisTask();
    expect([rendered(helpLink), rendered(last)], 'after the second').to.deep.equal([true, false]);
    await last.updateComplete;
    expect(rendered(last)).to.equal(true);
    // The queue is over: a widget added now renders in the task it is upgraded in.
    const later = document.createElement('peer-help-link') as Widget;
    page.append(later);
    await restOfThisTask();
    expect(rendered(later), 'a later widget at once').to.equal(true);
    page.remove();
  });

  it('renders a widget in the task it is upgraded in when no crisis help is painting, so nothing below it moves', async () => {
    const page = document.createElement('div');
    page.innerHTML = `<peer-check-in></peer-check-in><peer-help-link></peer-help-link><p>The page goes on.</p>`;
    document.body.append(page);
    for (let i = 0; i < 20; i++) await Promise.resolve();
    const checkIn = page.querySelector('peer-check-in')!;
    const helpLink = page.querySelector('peer-help-link')!;
    // Rendered before the browser can paint: an empty widget never shows, so the paragraph never jumps down.
    expect(Boolean(checkIn.shadowRoot?.querySelector('[part="panel"]')), 'check-in in the first task').to.equal(true);
    expect(Boolean(helpLink.shadowRoot?.querySelector('[part="link"]')), 'help link in the first task').to.equal(true);
    page.remove();
  });

  it('holds other widgets only for the task in which crisis help paints', async () => {
    const first = document.createElement('div');
    first.innerHTML = `<peer-crisis-resources country="US"></peer-crisis-resources>`;
    document.body.append(first);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Crisis help has painted: a widget added later renders in its own task.
    const later = document.createElement('div');
    later.innerHTML = `<peer-check-in></peer-check-in>`;
    document.body.append(later);
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(Boolean(later.querySelector('peer-check-in')!.shadowRoot?.querySelector('[part="panel"]'))).to.equal(true);
    first.remove();
    later.remove();
  });
});
