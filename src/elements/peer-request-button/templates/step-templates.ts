import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey } from '../../../core/i18n/en.js';
import type { LocalizeController } from '../../../core/i18n/localize-controller.js';
import { CHANNELS, GENDERS, SHARED, SUPPORT_KINDS, TOPICS, type Availability } from '../logic/request-data.js';
import type { FieldError, RequestForm, Step } from '../logic/request-form.js';

/**
 * The request's steps, one fieldset each. Every control's value comes from the element's form state, so a step
 * rendered again after Back, Next or a closed dialog shows what the student chose. Errors sit above their field and
 * are tied to it with aria-describedby.
 */
export interface StepContext {
  i18n: LocalizeController;
  form: RequestForm;
  errors: ReadonlySet<FieldError>;
  availability: Availability | undefined;
  /** Languages offered, BCP 47. */
  languages: readonly string[];
  onChange: (patch: Partial<RequestForm>) => void;
}

const ERROR_KEYS: Record<FieldError, MessageKey> = {
  safety: 'request.safety.required',
  topic: 'request.topic.required',
  note: 'request.note.tooLong',
  at: 'request.when.invalid',
  shared: 'request.prefs.tooMany',
  email: 'request.contact.email.invalid',
  phone: 'request.contact.phone.invalid',
  consent: 'request.consent.required',
};

const value = (event: Event) => (event.target as HTMLInputElement).value;
const checked = (event: Event) => (event.target as HTMLInputElement).checked;

export function stepView(step: Step, context: StepContext): TemplateResult {
  switch (step) {
    case 'safety':
      return radios(context, 'safety', 'request.safety.legend', ['no', 'yes'], (item) => `request.safety.${item}`);
    case 'topic':
      return topicStep(context);
    case 'kind':
      return radios(context, 'supportKind', 'request.kind.legend', SUPPORT_KINDS, (item) => `request.kind.${item}`);
    case 'channel':
      return channelStep(context);
    case 'when':
      return whenStep(context);
    case 'language':
      return languageStep(context);
    case 'contact':
      return contactStep(context);
    case 'consent':
      return consentStep(context);
  }
}

function fieldError(context: StepContext, field: FieldError) {
  return context.errors.has(field)
    ? html`<p class="field-error" part="field-error" id="${field}-error">${context.i18n.t(ERROR_KEYS[field])}</p>`
    : nothing;
}

const invalid = (context: StepContext, field: FieldError) => (context.errors.has(field) ? 'true' : 'false');
const describedBy = (context: StepContext, field: FieldError, hint?: string) =>
  [context.errors.has(field) ? `${field}-error` : '', hint ?? ''].filter(Boolean).join(' ') || nothing;

type RadioField = 'safety' | 'supportKind' | 'channel' | 'when' | 'contact';

function radios(
  context: StepContext,
  field: RadioField,
  legend: MessageKey,
  items: readonly string[],
  label: (item: string) => string,
  after: TemplateResult | typeof nothing = nothing,
) {
  const error = field === 'safety' ? 'safety' : undefined;
  return html`<fieldset
    class="step-fields"
    part="fieldset"
    aria-describedby=${error ? describedBy(context, error) : nothing}
  >
    <legend part="legend">${context.i18n.t(legend)}</legend>
    ${error ? fieldError(context, error) : nothing}
    <div class="choices">
      ${items.map(
        (item, index) =>
          html`<label class="choice" part="choice">
            <input
              type="radio"
              name=${field}
              id=${index === 0 ? field : nothing}
              .value=${item}
              .checked=${context.form[field] === item}
              aria-invalid=${error ? invalid(context, error) : nothing}
              @change=${() => context.onChange({ [field]: item } as Partial<RequestForm>)}
            />
            <span>${context.i18n.t(label(item) as MessageKey)}</span>
          </label>`,
      )}
    </div>
    ${after}
  </fieldset>`;
}

function topicStep(context: StepContext) {
  const { i18n, form } = context;
  return html`<fieldset class="step-fields" part="fieldset">
    <legend part="legend">${i18n.t('request.topic.legend')}</legend>
    <div class="field">
      <label for="topic">${i18n.t('request.topic.choose')}</label>
      ${fieldError(context, 'topic')}
      <select
        id="topic"
        part="topic"
        aria-invalid=${invalid(context, 'topic')}
        aria-describedby=${describedBy(context, 'topic')}
        @change=${(event: Event) => context.onChange({ topic: value(event) as RequestForm['topic'] })}
      >
        <option value="" ?selected=${form.topic === ''}></option>
        ${TOPICS.map(
          (topic) =>
            html`<option value=${topic} ?selected=${form.topic === topic}>
              ${i18n.t(`topic.${topic}` as MessageKey)}
            </option>`,
        )}
      </select>
    </div>
    <div class="field">
      <label for="note">${i18n.t('request.note.label')}</label>
      <p class="hint" id="note-hint">${i18n.t('request.note.hint')}</p>
      ${fieldError(context, 'note')}
      <textarea
        id="note"
        part="note"
        rows="4"
        aria-invalid=${invalid(context, 'note')}
        aria-describedby=${describedBy(context, 'note', 'note-hint')}
        .value=${form.note}
        @input=${(event: Event) => context.onChange({ note: value(event) })}
      ></textarea>
    </div>
  </fieldset>`;
}

function channelStep(context: StepContext) {
  const { i18n, availability } = context;
  const now = availability?.open && availability.channels.length ? availability.channels : undefined;
  const hint = now
    ? html`<p class="hint" part="channels-now">
        ${i18n.t('request.channel.availableNow', {
          channels: i18n.list(now.map((channel) => i18n.t(`request.channel.${channel}`))),
        })}
      </p>`
    : nothing;
  return radios(context, 'channel', 'request.channel.legend', CHANNELS, (item) => `request.channel.${item}`, hint);
}

function whenStep(context: StepContext) {
  const { i18n, form } = context;
  if (context.availability?.acceptsScheduled === false) {
    const hint = html`<p class="hint" part="no-later">${i18n.t('request.when.noLater')}</p>`;
    return radios(context, 'when', 'request.when.legend', ['asap'], (item) => `request.when.${item}`, hint);
  }
  const at =
    form.when === 'scheduled'
      ? html`<div class="field">
          <label for="at">${i18n.t('request.when.at')}</label>
          ${fieldError(context, 'at')}
          <input
            id="at"
            part="at"
            type="datetime-local"
            min=${localValue(Date.now() + 15 * 60_000)}
            max=${localValue(Date.now() + 30 * 86_400_000)}
            aria-invalid=${invalid(context, 'at')}
            aria-describedby=${describedBy(context, 'at')}
            .value=${form.at}
            @input=${(event: Event) => context.onChange({ at: value(event) })}
          />
        </div>`
      : nothing;
  return radios(context, 'when', 'request.when.legend', ['asap', 'scheduled'], (item) => `request.when.${item}`, at);
}

function languageStep(context: StepContext) {
  const { i18n, form } = context;
  return html`<div class="field">
      <label for="language">${i18n.t('request.language.label')}</label>
      <select id="language" part="language" @change=${(event: Event) => context.onChange({ language: value(event) })}>
        ${context.languages.map(
          (tag) =>
            html`<option value=${tag} ?selected=${form.language === tag}>${i18n.displayName('language', tag)}</option>`,
        )}
      </select>
    </div>
    <fieldset class="step-fields" part="preferences">
      <legend part="legend">${i18n.t('request.prefs.legend')}</legend>
      <p class="hint">${i18n.t('request.prefs.hint')}</p>
      <div class="field">
        <label for="gender">${i18n.t('request.prefs.gender')}</label>
        <select id="gender" @change=${(event: Event) => context.onChange({ gender: value(event) })}>
          ${GENDERS.map(
            (gender) =>
              html`<option
                value=${gender === 'no-preference' ? '' : gender}
                ?selected=${form.gender === (gender === 'no-preference' ? '' : gender)}
              >
                ${i18n.t(`request.prefs.gender.${gender}`)}
              </option>`,
          )}
        </select>
      </div>
      <fieldset class="nested" aria-describedby=${describedBy(context, 'shared')}>
        <legend>${i18n.t('request.prefs.shared')}</legend>
        ${fieldError(context, 'shared')}
        <div class="choices">
          ${SHARED.map(
            (item, index) =>
              html`<label class="choice" part="choice">
                <input
                  type="checkbox"
                  id=${index === 0 ? 'shared' : nothing}
                  .checked=${form.shared.includes(item)}
                  @change=${(event: Event) =>
                    context.onChange({
                      shared: checked(event) ? [...form.shared, item] : form.shared.filter((other) => other !== item),
                    })}
                />
                <span>${i18n.t(`request.shared.${item}`)}</span>
              </label>`,
          )}
        </div>
      </fieldset>
    </fieldset>`;
}

function contactStep(context: StepContext) {
  const { i18n, form } = context;
  const detail =
    form.contact === 'email'
      ? html`<p class="hint">${i18n.t('request.contact.email.hint')}</p>
          <div class="field">
            <label for="email">${i18n.t('request.contact.email.label')}</label>
            ${fieldError(context, 'email')}
            <input
              id="email"
              part="email"
              type="email"
              autocomplete="email"
              dir="ltr"
              spellcheck="false"
              aria-invalid=${invalid(context, 'email')}
              aria-describedby=${describedBy(context, 'email')}
              .value=${form.email}
              @input=${(event: Event) => context.onChange({ email: value(event) })}
            />
          </div>`
      : form.contact === 'phone'
        ? html`<div class="field">
              <label for="phone">${i18n.t('request.contact.phone.label')}</label>
              <p class="hint" id="phone-hint">${i18n.t('request.contact.phone.hint')}</p>
              ${fieldError(context, 'phone')}
              <input
                id="phone"
                part="phone"
                type="tel"
                autocomplete="tel"
                dir="ltr"
                aria-invalid=${invalid(context, 'phone')}
                aria-describedby=${describedBy(context, 'phone', 'phone-hint')}
                .value=${form.phone}
                @input=${(event: Event) => context.onChange({ phone: value(event) })}
              />
            </div>
            <label class="choice">
              <input
                type="checkbox"
                .checked=${form.textOk}
                @change=${(event: Event) => context.onChange({ textOk: checked(event) })}
              />
              <span>${i18n.t('request.contact.textOk')}</span>
            </label>`
        : html`<p class="hint">${i18n.t('request.contact.anonymous-code.hint')}</p>`;
  return radios(
    context,
    'contact',
    'request.contact.legend',
    ['anonymous-code', 'email', 'phone'],
    (item) => `request.contact.${item}`,
    detail,
  );
}

function consentStep(context: StepContext) {
  const { i18n, form } = context;
  return html`<fieldset class="step-fields" part="consent">
    <legend part="legend">${i18n.t('request.consent.legend')}</legend>
    <p>${i18n.t('request.consent.who')}</p>
    <p>${i18n.t('request.consent.limits')}</p>
    <p>${i18n.t('request.consent.keep')}</p>
    ${fieldError(context, 'consent')}
    <label class="choice">
      <input
        id="consent"
        part="consent-box"
        type="checkbox"
        aria-invalid=${invalid(context, 'consent')}
        aria-describedby=${describedBy(context, 'consent')}
        .checked=${form.consent}
        @change=${(event: Event) => context.onChange({ consent: checked(event) })}
      />
      <span>${i18n.t('request.consent.agree')}</span>
    </label>
  </fieldset>`;
}

/** A `datetime-local` value on the student's clock. */
function localValue(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
