import { expect, fixture, html } from '@open-wc/testing';
import { render, LitElement } from 'lit';
import { LocalizeController } from '../../../src/core/i18n/localize-controller.js';
import type { OpenStatus } from '../../../src/core/hours/open-status.js';
import { statusLabel } from '../../../src/core/hours/status-label.js';

class LabelHost extends LitElement {
  readonly i18n = new LocalizeController(this);
}
customElements.define('label-host', LabelHost);

/** The label as a person reads it, in New York's time zone, at a fixed clock. */
async function label(status: OpenStatus, now: Date, lang = 'en') {
  const host = await fixture<LabelHost>(html`<label-host lang=${lang}></label-host>`);
  const box = document.createElement('div');
  render(statusLabel(status, now, host.i18n, 'America/New_York'), box);
  return box.textContent!.replace(/[\s\u202f]+/g, ' ').trim();
}
/** A New York wall time in late November 2026 (UTC-5). 27 Nov is a Friday. */
const ny = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour + 5));

describe('statusLabel: a time that is not today names its day', () => {
  it('today: the time alone', async () => {
    expect(await label({ kind: 'open', closesAt: ny(27, 17) }, ny(27, 9))).to.equal('Open now until 5:00 PM');
  });
  it('tomorrow', async () => {
    expect(await label({ kind: 'closed', opensAt: ny(28, 9) }, ny(27, 22))).to.equal(
      'Closed now. Opens tomorrow at 9:00 AM',
    );
  });
  it('later this week: the weekday', async () => {
    expect(await label({ kind: 'open', closesAt: ny(30, 9) }, ny(28, 12))).to.equal('Open now until Monday at 9:00 AM');
  });
  it('a week or more away: the weekday and the date', async () => {
    expect(await label({ kind: 'closed', opensAt: ny(34, 9) }, ny(27, 10))).to.equal(
      'Closed now. Opens Friday, December 4 at 9:00 AM',
    );
  });
  it('counts days on the viewer’s clock, not UTC’s', async () => {
    // 23:30 in New York is already the next day in UTC; 01:00 the next night is "tomorrow", not "today".
    expect(await label({ kind: 'open', closesAt: ny(27, 25) }, ny(27, 23.5))).to.equal(
      'Open now until tomorrow at 1:00 AM',
    );
  });
  it('in Spanish', async () => {
    expect(await label({ kind: 'open', closesAt: ny(30, 9) }, ny(28, 12), 'es')).to.equal(
      'Abierto ahora hasta el lunes a las 9:00',
    );
  });
  it('makes no claim without hours', async () => {
    expect(await label({ kind: 'closed', opensAt: null }, ny(27, 9))).to.equal('Check opening hours on their website');
    expect(await label({ kind: 'unknown' }, ny(27, 9))).to.equal('Check opening hours on their website');
  });
});
