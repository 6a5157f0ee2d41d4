/* eslint-disable lit-a11y/no-redundant-role -- role="list" is deliberate: Safari drops list semantics from lists styled with list-style: none. */
import { html, nothing, type TemplateResult } from 'lit';
import { isolate, ltr } from '../../../core/bidi.js';
import type { MessageKey } from '../../../core/i18n/en.js';
import type { LocalizeController } from '../../../core/i18n/localize-controller.js';
import { safeHref, telHref } from '../../../core/safe-url.js';
import { contactAction, type ContactAction } from '../logic/contact-action.js';
import { mentionsAnotherPhone, namesAnotherNumber } from '../logic/phone-digits.js';
import type { ContactMethod, CrisisResource, EmergencyNumber } from '../data/crisis-data.js';
import type { OpenStatus } from '../../../core/hours/open-status.js';
import { statusLabel } from '../../../core/hours/status-label.js';

/** The outcome of a copy button: copied to the clipboard, or left selected for the student to copy by hand. */
export type CopyOutcome = 'copied' | 'manual';

/** What the templates need from the element: strings, the clock, and what a student can do. */
export interface CrisisView {
  i18n: LocalizeController;
  now: Date;
  /** The viewer's IANA time zone for times shown; the browser's when undefined. */
  timeZone: string | undefined;
  headingLevel: number;
  statusOf(method: ContactMethod): OpenStatus;
  copyOutcome(key: string): CopyOutcome | undefined;
  onOpen(resourceId: string, method: string): void;
  onCopy(key: string, resourceId: string, method: ContactMethod, display: string): void;
}

const NEW_TAB_KINDS = new Set<ContactAction['kind']>(['chat', 'website', 'whatsapp', 'video']);
/** Actions whose words include the method's display text. */
const SAYS_DISPLAY = new Set<ContactAction['kind']>(['call', 'text', 'email', 'whatsapp', 'tty', 'visit']);

/** A heading whose level fits the host page's outline (`heading-level`), without building tags from strings. */
export function heading(level: number, text: string, part: string, id?: string): TemplateResult {
  return html`<div role="heading" aria-level=${level} part=${part} class="heading" id=${id ?? nothing}>${text}</div>`;
}

/**
 * "Are you in immediate danger?" with a call button per number, and the country the numbers are for next to them,
 * with a button that opens the country picker.
 */
export function emergencyBlock(
  view: CrisisView,
  numbers: readonly EmergencyNumber[],
  countryNote: TemplateResult | typeof nothing,
): TemplateResult {
  const { i18n } = view;
  return html`<section part="emergency" class="emergency" aria-labelledby="emergency-heading">
    ${heading(view.headingLevel + 1, i18n.t('crisis.danger.heading'), 'emergency-heading', 'emergency-heading')}
    <p>${i18n.t('crisis.danger.text')}</p>
    <div class="emergency-actions">${numbers.map((entry) => emergencyCall(view, entry, numbers.length > 1))}</div>
    ${countryNote}
  </section>`;
}

/** "Call 911" as a tel: link (the banner shows it too); the bare number if it cannot be a link. */
export function emergencyCallLink(view: CrisisView, number: string): TemplateResult {
  const href = telHref(number);
  return href
    ? html`<a class="button" part="emergency-call" href=${href} @click=${() => view.onOpen('emergency', 'phone')}
        ><span>${view.i18n.parts('crisis.danger.call', { number: ltr(number) })}</span></a
      >`
    : html`<strong part="emergency-call">${ltr(number)}</strong>`;
}

function emergencyCall(view: CrisisView, entry: EmergencyNumber, showServices: boolean): TemplateResult {
  const { i18n } = view;
  // Built only when shown: a country with one number needs no list formatter in the first render.
  const services = () => i18n.list(entry.services.map((service) => i18n.t(`crisis.service.${service}` as MessageKey)));
  const details = [
    showServices ? html`<span>${services()}</span>` : nothing,
    entry.from ? html`<span>${i18n.t(`crisis.from.${entry.from}`)}</span>` : nothing,
    entry.note ? noteText(view, entry.note) : nothing,
  ];
  return html`<div class="emergency-number">
    ${emergencyCallLink(view, entry.number)}
    ${showServices || entry.from || entry.note ? html`<span class="emergency-services">${details}</span>` : nothing}
  </div>`;
}

/** An emergency number's note is English text (as the contract says): a sentence of its own, marked as English. */
function noteText(view: CrisisView, note: string): TemplateResult {
  return view.i18n.locale === 'en' ? isolate(note) : html`<bdi lang="en">${note}</bdi>`;
}

/**
 * The language a resource's own text is in, and its text for the viewer: the translation for the page's language
 * where there is one, else the resource's own text, marked with its language so that it is read (and spoken) as
 * a whole sentence in that language, never mixed into a sentence of another.
 */
interface Localized {
  text: string;
  /** Set when the text is not in the widget's language. */
  lang: string | undefined;
}

function localizer(i18n: LocalizeController, resource: CrisisResource) {
  const translations = resource.translations;
  const translation = translations?.[i18n.lang] ?? translations?.[i18n.locale];
  const own = resource.lang ?? 'en';
  const foreign = own.toLowerCase().split('-')[0] === i18n.locale ? undefined : own;
  return {
    field(key: 'name' | 'description' | 'confidentialityNote'): Localized | undefined {
      const translated = translation?.[key];
      if (translated) return { text: translated, lang: undefined };
      const text = resource[key];
      return text === undefined ? undefined : { text, lang: foreign };
    },
    method(index: number, key: 'label' | 'displayValue'): Localized | undefined {
      const translated = translation?.contactMethods?.[index]?.[key];
      if (translated) return { text: translated, lang: undefined };
      const text = resource.contactMethods[index]?.[key];
      return text === undefined ? undefined : { text, lang: foreign };
    },
  };
}

export function resourceItem(view: CrisisView, resource: CrisisResource): TemplateResult {
  const { i18n } = view;
  const local = localizer(i18n, resource);
  const name = local.field('name')!;
  const description = local.field('description')!;
  const note = local.field('confidentialityNote');
  const marks = resourceMarks(i18n, resource);
  return html`<li part="resource" class="resource" data-id=${resource.id}>
    <div
      role="heading"
      aria-level=${view.headingLevel + 2}
      part="resource-name"
      class="heading"
      lang=${name.lang ?? nothing}
      dir=${name.lang ? 'auto' : nothing}
    >
      ${name.text}
    </div>
    <p part="resource-description" lang=${description.lang ?? nothing} dir=${description.lang ? 'auto' : nothing}>
      ${description.text}
    </p>
    ${marks.length ? html`<p part="resource-marks" class="marks">${marks.join(' · ')}</p>` : nothing}
    <ul part="methods" class="methods" role="list">
      ${resource.contactMethods.map((_, index) => methodItem(view, resource, index, local.method.bind(local)))}
    </ul>
    ${note ? html`<p class="note" lang=${note.lang ?? nothing} dir=${note.lang ? 'auto' : nothing}>${note.text}</p>` : nothing}
    <p part="verified" class="verified">
      ${i18n.parts('crisis.checked', {
        date: isolate(formatDate(i18n, resource.verifiedAt)),
        source: name.lang ? html`<bdi lang=${name.lang}>${resource.source.name}</bdi>` : isolate(resource.source.name),
      })}
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

type MethodText = (index: number, key: 'label' | 'displayValue') => Localized | undefined;

function methodItem(view: CrisisView, resource: CrisisResource, index: number, text: MethodText): TemplateResult {
  const { i18n } = view;
  const method = resource.contactMethods[index]!;
  const shown = text(index, 'displayValue');
  const action = contactAction(method, shown?.text);
  const status = view.statusOf(method);
  const open = status.kind === 'always' || status.kind === 'open';
  const givenLabel = text(index, 'label');
  // A label must not name another number ("Or dial 555-0199"): beside a number, any other; beside a web or email
  // address, another phone number.
  const namesOther = (label: string) =>
    action.copyable ? namesAnotherNumber(label, method.value) : mentionsAnotherPhone(label, method.value);
  const label = givenLabel && namesOther(givenLabel.text) ? undefined : givenLabel;
  // A display text with words ("988, then press 1") that has no translation keeps the whole sentence in its own
  // language ("Call 988, then press 1"), rather than "Llamar al 988, then press 1".
  const sentenceLang =
    shown?.lang && SAYS_DISPLAY.has(action.kind) && action.display === shown.text && hasWords(shown.text)
      ? shown.lang
      : undefined;
  const words = actionLabel(i18n, action, sentenceLang);
  const newTab = NEW_TAB_KINDS.has(action.kind);
  const directions = method.address?.directionsUrl ? safeHref(method.address.directionsUrl) : null;
  const copyKey = `${resource.id}#${index}`;
  const copied = view.copyOutcome(copyKey);
  return html`<li part="method" class="method" data-type=${method.type}>
    ${
      label
        ? html`<span class="method-label" lang=${label.lang ?? nothing} dir=${label.lang ? 'auto' : nothing}
            >${label.text}</span
          >`
        : nothing
    }
    ${
      action.href
        ? html`<a
            class="button ${open ? '' : 'secondary'}"
            part="action"
            href=${action.href}
            target=${newTab ? '_blank' : nothing}
            rel=${newTab ? 'noopener noreferrer' : nothing}
            @click=${() => view.onOpen(resource.id, method.type)}
            ><span lang=${sentenceLang ?? nothing}>${words}</span>${
              newTab ? html`<span class="visually-hidden"> ${i18n.t('crisis.opensNewTab')}</span>` : nothing
            }</a
          >`
        : html`<span part="action-text" class="action-text" lang=${sentenceLang ?? nothing}>${words}</span>`
    }
    ${
      action.copyable
        ? html`<button
            class="button secondary copy"
            part="copy"
            type="button"
            aria-label=${i18n.t('crisis.action.copyLabel', { number: hasWords(action.display) ? method.value : action.display })}
            @click=${() => view.onCopy(copyKey, resource.id, method, hasWords(action.display) ? method.value : action.display)}
          >
            ${i18n.t('crisis.action.copy')}
          </button>`
        : nothing
    }
    ${copied ? copyStatus(i18n, copied, action.display) : nothing}
    <span part="status ${open ? 'status-open' : 'status-closed'}" class="status ${open ? 'open' : 'closed'}"
      >${statusLabel(status, view.now, i18n, view.timeZone)}</span
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

/** The visible result of a copy: "Copied", or the number set apart and selected so it can be copied by hand. */
function copyStatus(i18n: LocalizeController, outcome: CopyOutcome, display: string): TemplateResult {
  return outcome === 'copied'
    ? html`<span part="copy-status" class="copy-status">${i18n.t('crisis.copy.done')}</span>`
    : html`<span part="copy-status" class="copy-status"
        >${i18n.parts('crisis.copy.manual', {
          number: html`<bdi dir="ltr" class="copy-number">${display}</bdi>`,
        })}</span
      >`;
}

/**
 * Words that need translating, as opposed to numbers, SMS keywords (upper case) and web or email addresses: a token
 * with two lower-case letters that is not an address ("988lifeline.org", "a@b.edu", "site/chat"); "ext." is a word.
 */
function hasWords(text: string): boolean {
  const address = (token: string) => /[/@:]/.test(token) || /\p{L}\.\p{L}/u.test(token);
  return text.split(/\s+/).some((token) => !address(token) && /\p{Ll}{2}/u.test(token));
}

/**
 * The visible words of an action always include the number (and SMS keyword) as text, whatever the link does.
 * Numbers, keywords and addresses are isolated so they read left to right inside right-to-left sentences.
 * `lang`: the language of the whole sentence when it must follow untranslated data (see `methodItem`).
 */
function actionLabel(i18n: LocalizeController, action: ContactAction, lang: string | undefined): unknown[] {
  const number = ltr(action.display);
  const say = (key: MessageKey, values: Record<string, unknown> = {}) => i18n.parts(key, values, lang);
  switch (action.kind) {
    case 'call':
      return say('crisis.action.call', { number });
    case 'text':
      return action.keyword
        ? say('crisis.action.textKeyword', { keyword: ltr(action.keyword), number })
        : say('crisis.action.text', { number });
    case 'email':
      return say('crisis.action.email', { address: number });
    case 'whatsapp':
      return say('crisis.action.whatsapp', { number });
    case 'tty':
      return say('crisis.action.tty', { number });
    case 'visit':
      return say('crisis.action.visit', { place: isolate(action.display) });
    case 'chat':
      return say('crisis.action.chat');
    case 'video':
      return say('crisis.action.video');
    case 'website':
      return say('crisis.action.website');
  }
}

/** A walk-in address: each piece isolated, so a street number or postal code keeps its order in RTL text. */
function addressText(address: NonNullable<ContactMethod['address']>): TemplateResult {
  const pieces = [address.line1, address.line2, address.locality, address.region, address.postalCode].filter(
    (piece): piece is string => Boolean(piece),
  );
  return html`<span part="address" class="address"
    >${pieces.map((piece, index) => html`${index ? ', ' : ''}${isolate(piece)}`)}</span
  >`;
}

export function formatDate(i18n: LocalizeController, isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : i18n.dateTime(date, { dateStyle: 'medium', timeZone: 'UTC' });
}
