import { html } from 'lit';
import { PeerWidgetElement } from '../../src/core/peer-widget-element.js';

/** A minimal widget for testing the shared configuration and localization machinery. */
export class TestWidget extends PeerWidgetElement {
  override render() {
    return html`<p>${this.i18n.t('help.needHelpNow')}</p>`;
  }
  get apiClient() {
    return this.api;
  }
}
