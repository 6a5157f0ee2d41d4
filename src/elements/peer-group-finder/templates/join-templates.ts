import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { ApiError } from '../../../core/api/errors.js';
import { errorMessage, withWait } from '../../../core/error-message.js';
import type { MessageKey } from '../../../core/i18n/en.js';
import type { LocalizeController } from '../../../core/i18n/localize-controller.js';
import type { GroupSummary } from '../logic/group-data.js';
import type { SendState } from '../../../core/request/idempotent-sender.js';
import { mayHaveArrived } from '../../../core/request/may-have-arrived.js';

export const NAME_MAX = 80;
export const EMAIL_MAX = 254;
export const NEEDS_MAX = 500;

export type JoinField = 'email' | 'consent';

/** What the student has typed into the join form. Kept in memory only, for as long as the element is on the page. */
export interface JoinForm {
  name: string;
  email: string;
  needs: string;
  consent: boolean;
  /** Emails that do not name the group or its topic (the contract's `discreetEmail`, on unless unticked). */
  discreetEmail: boolean;
  errors: ReadonlyMap<JoinField, MessageKey>;
}

export function emptyJoinForm(): JoinForm {
  return { name: '', email: '', needs: '', consent: false, discreetEmail: true, errors: new Map() };
}

/** Consent is asked only when something personal is given: an email or access needs. */
export function needsConsent(form: JoinForm): boolean {
  return form.email.trim() !== '' || form.needs.trim() !== '';
}

/** The platform's own email check (the same as `type="email"`), so the form and the browser never disagree. */
function isEmail(value: string): boolean {
  const input = document.createElement('input');
  input.type = 'email';
  input.value = value;
  return input.checkValidity();
}

/** The fields that need attention, in form order. */
export function validateJoin(form: JoinForm): Map<JoinField, MessageKey> {
  const errors = new Map<JoinField, MessageKey>();
  const email = form.email.trim();
  if (email && (email.length > EMAIL_MAX || !isEmail(email))) errors.set('email', 'groups.join.errorEmail');
  if (needsConsent(form) && !form.consent) errors.set('consent', 'groups.join.errorConsent');
  return errors;
}

/**
 * The request body: only what was given; consent with its wording's version only when it is needed; with an email,
 * whether its emails stay discreet and the language to write them in.
 */
export function joinBody(form: JoinForm, consentVersion: string, locale: string): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const name = form.name.trim();
  const email = form.email.trim();
  const needs = form.needs.trim();
  if (name) body.name = name;
  if (email) {
    body.email = email;
    body.discreetEmail = form.discreetEmail;
    body.locale = locale;
  }
  if (needs) body.accessibilityNeeds = needs;
  if (email || needs) body.consent = { accepted: true, noticeVersion: consentVersion };
  return body;
}

export interface JoinOptions {
  level: number;
  onChange: (changes: Partial<JoinForm>) => void;
  onSubmit: () => void;
}

function fieldError(i18n: LocalizeController, form: JoinForm, field: JoinField) {
  const key = form.errors.get(field);
  return key ? html`<p class="field-error" part="field-error" id="error-${field}">${i18n.t(key)}</p>` : nothing;
}

/**
 * Why joining failed, in plain words with a way forward. A 409 without Retry-After is a full or closed group, not a
 * fault; with it, the server is still working on this very key. "Not joined" only when the server refused; when the
 * registration may have landed (see `mayHaveArrived`) the student is told we could not confirm it, and that trying
 * again is safe: the same Idempotency-Key brings back the place already taken, never a second one.
 */
export function joinFailure(i18n: LocalizeController, error: ApiError): string {
  const status = error.kind === 'http' ? error.status : 0;
  if (status === 409 && error.kind === 'http' && error.retryAfterSeconds === undefined) {
    return i18n.t('groups.join.full');
  }
  if (status === 400) return i18n.t('groups.join.check');
  if (mayHaveArrived(error)) {
    return withWait(i18n, error, i18n.t('groups.join.unconfirmed', { retry: i18n.t('groups.join.retry') }));
  }
  const { key, values } = errorMessage(error, i18n.locale);
  return `${i18n.t('groups.join.failed')} ${i18n.t(key, values)}`;
}

/**
 * The join form: an optional name, an optional email for reminders, optional access needs, and consent shown (and
 * required) only once an email or needs are given, with who reads them and the limits of confidentiality stated
 * before the student sends anything.
 */
export function joinForm(
  i18n: LocalizeController,
  group: GroupSummary,
  form: JoinForm,
  state: SendState<unknown>,
  options: JoinOptions,
): TemplateResult {
  const waitlist = group.registrationStatus === 'waitlist';
  const sending = state.status === 'sending';
  const consent = needsConsent(form);
  const emailInvalid = form.errors.has('email');
  const consentInvalid = form.errors.has('consent');
  const input = (field: 'name' | 'email' | 'needs') => (event: Event) =>
    options.onChange({ [field]: (event.target as HTMLInputElement).value });
  return html`<section class="join" part="join" aria-labelledby="join-heading">
    <div role="heading" aria-level=${options.level} class="sub-heading" id="join-heading" tabindex="-1">
      ${i18n.t(waitlist ? 'groups.join.headingWaitlist' : 'groups.join.heading')}
    </div>
    ${
      group.dropIn
        ? html`<p>${i18n.t(group.locationHidden ? 'groups.join.dropInHidden' : 'groups.join.dropIn')}</p>`
        : nothing
    }
    <p>${i18n.t('groups.join.intro')}</p>
    <form
      part="join-form"
      novalidate
      aria-busy=${sending ? 'true' : 'false'}
      @submit=${(event: Event) => {
        event.preventDefault();
        options.onSubmit();
      }}
    >
      <div class="field">
        <label for="join-name">${i18n.t('groups.join.name')}</label>
        <p class="hint" id="join-name-hint">${i18n.t('groups.join.nameHint')}</p>
        <input
          id="join-name"
          part="join-name"
          name="name"
          autocomplete="nickname"
          maxlength=${NAME_MAX}
          aria-describedby="join-name-hint"
          .value=${live(form.name)}
          @input=${input('name')}
        />
      </div>
      <div class="field">
        <label for="join-email">${i18n.t('groups.join.email')}</label>
        <p class="hint" id="join-email-hint">${i18n.t('groups.join.emailHint')}</p>
        ${fieldError(i18n, form, 'email')}
        <input
          id="join-email"
          part="join-email"
          name="email"
          type="email"
          dir="ltr"
          autocomplete="email"
          inputmode="email"
          maxlength=${EMAIL_MAX}
          aria-invalid=${emailInvalid ? 'true' : 'false'}
          aria-describedby=${emailInvalid ? 'join-email-hint error-email' : 'join-email-hint'}
          .value=${live(form.email)}
          @input=${input('email')}
        />
        ${
          form.email.trim()
            ? html`<label class="check">
                <input
                  type="checkbox"
                  name="discreet-email"
                  part="join-discreet-email"
                  .checked=${live(form.discreetEmail)}
                  @change=${(event: Event) =>
                    options.onChange({ discreetEmail: (event.target as HTMLInputElement).checked })}
                />
                <span>${i18n.t('groups.join.discreetEmail')}</span>
              </label>`
            : nothing
        }
      </div>
      <div class="field">
        <label for="join-needs">${i18n.t('groups.join.needs')}</label>
        <p class="hint" id="join-needs-hint">${i18n.t('groups.join.needsHint')}</p>
        <textarea
          id="join-needs"
          part="join-needs"
          name="needs"
          rows="3"
          maxlength=${NEEDS_MAX}
          aria-describedby="join-needs-hint"
          .value=${live(form.needs)}
          @input=${input('needs')}
        ></textarea>
      </div>
      ${
        consent
          ? html`<div class="consent" part="consent">
              <div id="consent-text">
                <p>${i18n.t('groups.join.consentWho')}</p>
                <p>${i18n.t('groups.join.consentLimits')}</p>
              </div>
              ${fieldError(i18n, form, 'consent')}
              <label class="check">
                <input
                  id="join-consent"
                  type="checkbox"
                  name="consent"
                  required
                  aria-invalid=${consentInvalid ? 'true' : 'false'}
                  aria-describedby=${ifDefined(consentInvalid ? 'consent-text error-consent' : 'consent-text')}
                  .checked=${live(form.consent)}
                  @change=${(event: Event) => options.onChange({ consent: (event.target as HTMLInputElement).checked })}
                />
                <span>${i18n.t('groups.join.consent')}</span>
              </label>
            </div>`
          : nothing
      }
      ${
        form.errors.size
          ? html`<p class="error-summary" part="error-summary">${i18n.t('groups.join.errorSummary')}</p>`
          : nothing
      }
      <div class="actions">
        <!-- aria-disabled, not disabled: a disabled button drops focus to the page while the answer is awaited. -->
        <button class="button" part="join-submit" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
          ${i18n.t(
            state.status === 'failed'
              ? 'groups.join.retry'
              : waitlist
                ? 'groups.join.submitWaitlist'
                : 'groups.join.submit',
          )}
        </button>
      </div>
      ${
        sending
          ? html`<p class="status" part="join-status">${i18n.t('groups.join.sending')}</p>`
          : state.status === 'failed'
            ? html`<p class="status" part="join-status" id="join-failure">${joinFailure(i18n, state.error)}</p>`
            : nothing
      }
    </form>
  </section>`;
}
