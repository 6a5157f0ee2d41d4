import { html } from 'lit';
import { AnnouncerController } from '../../../../src/core/announcer.js';
import { LocalizeController } from '../../../../src/core/i18n/localize-controller.js';
import { PeerElement } from '../../../../src/core/peer-element.js';
import { CheckInHistory } from '../../../../src/elements/peer-check-in/history/check-in-history.js';
import { HistoryController } from '../../../../src/elements/peer-check-in/history/history-controller.js';
import { historyStyles } from '../../../../src/elements/peer-check-in/history/history-styles.js';
import { MemoryStorage } from './memory-storage.js';

/** A tiny element that renders the history the way `<peer-check-in remember>` will: for the view tests only. */
export class TestHistoryHost extends PeerElement {
  static override styles = [...PeerElement.styles, ...historyStyles];
  /** The storage the next host uses. */
  static storage = new MemoryStorage();

  readonly i18n = new LocalizeController(this);
  readonly announcer = new AnnouncerController(this);
  readonly store = new CheckInHistory({ storage: () => TestHistoryHost.storage });
  readonly history = new HistoryController(this, {
    i18n: this.i18n,
    announce: (message) => this.announcer.announce(message),
    store: this.store,
    labels: () => ({ emotion: (code) => ({ tired: this.i18n.locale === 'es' ? 'cansancio' : 'tired' })[code] }),
    timeZone: () => 'UTC',
    now: () => new Date('2026-03-10T12:00:00Z'),
  });

  override render() {
    return html`${this.history.render()}${this.announcer.region()}`;
  }
}
customElements.define('test-history-host', TestHistoryHost);
