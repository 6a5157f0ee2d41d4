/* eslint-disable lit-a11y/no-redundant-role -- role="list" is deliberate: Safari drops list semantics from lists styled with list-style: none. */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey } from '../../core/i18n/en.js';
import type { LocalizeController } from '../../core/i18n/localize-controller.js';
import { safeHref, telHref } from '../../core/safe-url.js';
import { contactAction, type ContactAction } from './contact-action.js';
import type { ContactMethod, CrisisResource, EmergencyNumber } from './crisis-data.js';
import type { OpenStatus } from './open-status.js';
import { statusLabel } from './status-label.js';

/** What the templates need from the element: strings, the clock, and the two things a student can do. */
export interface CrisisView {
  i18n: LocalizeController;
  now: Date;
  headingLevel: number;
  statusOf(method: ContactMethod): OpenStatus;
  onOpen(resourceId: string, method: string): void;
  onCopy(resourceId: string, method: string, value: string): void;
}

const NEW_TAB_KINDS = new Set<ContactAction['kind']>(['chat', 'website', 'whatsapp', 'video']);

/** A heading whose level fits the host page's outline (`heading-level`), without building tags from strings. */
export function heading(level: number, text: string, part: string, id?: string): TemplateResult {
  return html`<div role="heading" aria-level=${level} part=${part} class="heading" id=${id ?? nothing}>${text}</div>`;
}

export function emergencyBlock(view: CrisisView, numbers: readonly EmergencyNumber[]): TemplateResult {
  const { i18n } = view;
  return html`<section part="emergency" class="emergency" aria-labelledby="emergency-heading">
    ${heading(view.headingLevel + 1, i18n.t('crisis.danger.heading'), 'emergency-heading', 'emergency-heading')}
    <p>${i18n.t('crisis.danger.text')}</p>
    <div class="emergency-actions">${numbers.map((entry) => emergencyCall(view, entry, numbers.length > 1))}</div>
  </section>`;
}

/** "Call 911" as a tel: link (the banner shows it too); the bare number if it cannot be a link. */
export function emergencyCallLink(view: CrisisView, number: string): TemplateResult {
  const href = telHref(number);
  return href
    ? html`<a class="button" part="emergency-call" href=${href} @click=${() => view.onOpen('emergency', 'phone')}
        >${view.i18n.t('crisis.danger.call', { number })}</a
      >`
    : html`<strong part="emergency-call">${number}</strong>`;
}

function emergencyCall(view: CrisisView, entry: EmergencyNumber, showServices: boolean): TemplateResult {
  const { i18n } = view;
  const services = i18n.list(entry.services.map((service) => i18n.t(`crisis.service.${service}` as MessageKey)));
  return html`<div class="emergency-number">
    ${emergencyCallLink(view, entry.number)}
    ${
      showServices || entry.note
        ? html`<span class="emergency-services"
            >${showServices ? services : nothing}${entry.note ? html` (${entry.note})` : nothing}</span
          >`
        : nothing
    }
  </div>`;
}

export function resourceItem(view: CrisisView, resource: CrisisResource): TemplateResult {
  const { i18n } = view;
  const translated = resource.translations?.[i18n.locale];
  const name = translated?.name ?? resource.name;
  const marks = resourceMarks(i18n, resource);
  return html`<li part="resource" class="resource" data-id=${resource.id}>
    ${heading(view.headingLevel + 2, name, 'resource-name')}
    <p part="resource-description">${translated?.description ?? resource.description}</p>
    ${marks.length ? html`<p part="resource-marks" class="marks">${marks.join(' · ')}</p>` : nothing}
    <ul part="methods" class="methods" role="list">
      ${resource.contactMethods.map((method) => methodItem(view, resource.id, method))}
    </ul>
    ${
      (translated?.confidentialityNote ?? resource.confidentialityNote)
        ? html`<p class="note">${translated?.confidentialityNote ?? resource.confidentialityNote}</p>`
        : nothing
    }
    <p part="verified" class="verified">
      ${i18n.t('crisis.checked', { date: formatDate(i18n, resource.verifiedAt), source: resource.source.name })}
    </p>
  </li>`;
}

function resourceMarks(i18n: LocalizeController, resource: CrisisResource): string[] {
  const marks = [i18n.t(`crisis.support.${resource.humanSupport}` as MessageKey)];
  if (resource.free) marks.push(i18n.t('crisis.free'));
  if (resource.anonymous) marks.push(i18n.t('crisis.anonymous'));
  const audiences = resource.audiences
    .filter((audience) => audience !== 'everyone')
    .map((audience) => i18n.t(`audience.${audience}` as MessageKey))
    .filter((text) => text && !text.startsWith('audience.'));
  if (audiences.length) marks.push(i18n.t('crisis.for', { audiences: i18n.list(audiences) }));
  const languages = resource.languages.map((tag) => i18n.displayName('language', tag));
  if (languages.length) marks.push(i18n.t('crisis.languages', { languages: i18n.list(languages) }));
  return marks;
}

function methodItem(view: CrisisView, resourceId: string, method: ContactMethod): TemplateResult {
  const { i18n } = view;
  const action = contactAction(method);
  const status = view.statusOf(method);
  const open = status.kind === 'always' || status.kind === 'open';
  const label = actionLabel(i18n, action, method);
  const newTab = NEW_TAB_KINDS.has(action.kind);
  const directions = method.address?.directionsUrl ? safeHref(method.address.directionsUrl) : null;
  return html`<li part="method" class="method" data-type=${method.type}>
    ${method.label ? html`<span class="method-label">${method.label}</span>` : nothing}
    ${
      action.href
        ? html`<a
            class="button ${open ? '' : 'secondary'}"
            part="action"
            href=${action.href}
            target=${newTab ? '_blank' : nothing}
            rel=${newTab ? 'noopener noreferrer' : nothing}
            @click=${() => view.onOpen(resourceId, method.type)}
            >${label}${newTab ? html`<span class="visually-hidden"> ${i18n.t('crisis.opensNewTab')}</span>` : nothing}</a
          >`
        : html`<span part="action-text" class="action-text">${label}</span>`
    }
    ${
      action.copyable
        ? html`<button
            class="button secondary copy"
            part="copy"
            type="button"
            aria-label=${i18n.t('crisis.action.copyLabel', { number: action.display })}
            @click=${() => view.onCopy(resourceId, method.type, method.value)}
          >
            ${i18n.t('crisis.action.copy')}
          </button>`
        : nothing
    }
    <span part="status ${open ? 'status-open' : 'status-closed'}" class="status ${open ? 'open' : 'closed'}"
      >${statusLabel(status, view.now, i18n)}</span
    >
    ${method.address ? addressText(method.address) : nothing}
    ${
      directions
        ? html`<a part="directions" class="text-link" href=${directions} target="_blank" rel="noopener noreferrer"
            >${i18n.t('crisis.action.directions')}<span class="visually-hidden">
              ${i18n.t('crisis.opensNewTab')}</span
            ></a
          >`
        : nothing
    }
  </li>`;
}

/** The visible words of an action always include the number (and SMS keyword) as text, whatever the link does. */
function actionLabel(i18n: LocalizeController, action: ContactAction, method: ContactMethod): string {
  const number = action.display;
  switch (action.kind) {
    case 'call':
      return i18n.t('crisis.action.call', { number });
    case 'text':
      return method.smsKeyword
        ? i18n.t('crisis.action.textKeyword', { keyword: method.smsKeyword, number })
        : i18n.t('crisis.action.text', { number });
    case 'email':
      return i18n.t('crisis.action.email', { address: number });
    case 'whatsapp':
      return i18n.t('crisis.action.whatsapp', { number });
    case 'tty':
      return i18n.t('crisis.action.tty', { number });
    case 'visit':
      return i18n.t('crisis.action.visit', { place: number });
    case 'chat':
      return i18n.t('crisis.action.chat');
    case 'video':
      return i18n.t('crisis.action.video');
    case 'website':
      return i18n.t('crisis.action.website');
  }
}

function addressText(address: NonNullable<ContactMethod['address']>): TemplateResult {
  const lines = [
    address.line1,
    address.line2,
    [address.locality, address.region, address.postalCode].filter(Boolean).join(', '),
  ];
  return html`<span part="address" class="address">${lines.filter(Boolean).join(', ')}</span>`;
}

function formatDate(i18n: LocalizeController, isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : i18n.dateTime(date, { dateStyle: 'medium', timeZone: 'UTC' });
}

export { formatDate };
