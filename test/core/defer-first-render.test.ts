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
});
