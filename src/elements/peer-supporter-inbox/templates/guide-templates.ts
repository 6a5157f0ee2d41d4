import { html } from 'lit';
import type { LocalizeController } from '../../../core/i18n/localize-controller.js';

/**
 * "When to refer", beside the open request. A campus edits it by overriding the `inbox.guide.*` strings or by
 * putting its own guide in the `guide` slot (one request is open at a time, so the slot has one home).
 */
export function referralGuide(i18n: LocalizeController, level: number) {
  return html`<aside part="guide" aria-label=${i18n.t('inbox.guide.heading')}>
    <slot name="guide">
      <div role="heading" aria-level=${level} id="guide-heading" part="guide-heading">
        ${i18n.t('inbox.guide.heading')}
      </div>
      <p>${i18n.t('inbox.guide.intro')}</p>
      <ul>
        <li><strong>${i18n.t('inbox.guide.life')}</strong></li>
        <li>${i18n.t('inbox.guide.others')}</li>
        <li>${i18n.t('inbox.guide.abuse')}</li>
        <li>${i18n.t('inbox.guide.beyond')}</li>
        <li>${i18n.t('inbox.guide.self')}</li>
      </ul>
    </slot>
  </aside>`;
}
