import { html, nothing, type TemplateResult } from 'lit';
import type { ApiError } from '../../../core/api/errors.js';
import { isolate, ltr } from '../../../core/bidi.js';
import { errorMessage, withWait } from '../../../core/error-message.js';
import { mayHaveArrived } from '../../../core/request/may-have-arrived.js';
import type { LocalizeController } from '../../../core/i18n/localize-controller.js';
import { cancelCode } from '../logic/cancel-code.js';
import type { GroupSummary, Registration } from '../logic/group-data.js';
import { locationDetails } from './location-templates.js';

export type CancelState =
  | { status: 'idle' }
  | { status: 'confirm' }
  | { status: 'sending' }
  | { status: 'done' }
  | { status: 'failed'; error: ApiError };

/** A registration made here, in memory only: it goes with the element (the cancel code is never stored). */
export interface Outcome {
  registration: Registration;
  /** Whether an email was given (what the waitlist line can promise), not the email itself. */
  emailGiven: boolean;
  recovered: boolean;
  cancel: CancelState;
  copy?: 'copied' | 'failed';
}

export interface OutcomeOptions {
  level: number;
  onCopy: () => void;
  onCancel: (step: 'ask' | 'yes' | 'no') => void;
}

/**
 * Why cancelling failed: a wrong or used-up code (404) says so; an answer lost on the way (no answer, a server error,
 * a refused later attempt) may follow a cancel that took effect, so it says "could not confirm", never "not cancelled"
 * (cancelling again is harmless: the server answers 204 again); anything else is the usual plain message.
 */
export function cancelFailure(i18n: LocalizeController, error: ApiError): string {
  if (error.kind === 'http' && error.status === 404) return i18n.t('groups.cancel.notFound');
  if (mayHaveArrived(error)) return withWait(i18n, error, i18n.t('groups.cancel.unconfirmed'));
  const { key, values } = errorMessage(error, i18n.locale);
  return `${i18n.t('groups.cancel.failed')} ${i18n.t(key, values)}`;
}

/**
 * The answer to joining: registered or waitlisted (with the place in line), where to go (a sensitive group's
 * location appears only here, and only with a place), the cancel code shown this once with a way to copy it, and a
 * cancel action that asks first.
 */
export function outcomeView(
  i18n: LocalizeController,
  group: GroupSummary,
  outcome: Outcome,
  options: OutcomeOptions,
): TemplateResult {
  const { registration, cancel } = outcome;
  const registered = registration.status === 'registered';
  // A hidden location is shown only with a place: never to someone on the waitlist, whatever the answer carries.
  const publicLocation = group.locationHidden ? undefined : group.location;
  const location = registered ? (registration.location ?? publicLocation) : publicLocation;
  const code = cancelCode({
    groupId: registration.groupId,
    registrationId: registration.registrationId,
    token: registration.cancelToken,
  });
  return html`<section class="outcome" part="outcome" aria-labelledby="outcome-heading">
    <div role="heading" aria-level=${options.level} class="sub-heading" id="outcome-heading" tabindex="-1">
      ${i18n.t(registered ? 'groups.done.registered' : 'groups.done.waitlisted')}
    </div>
    <p part="outcome-text">
      ${
        registered
          ? i18n.parts('groups.done.registeredText', { name: isolate(group.name) })
          : i18n.parts('groups.done.waitlistedText', {
              position: isolate(i18n.number(registration.waitlistPosition ?? 1)),
            })
      }
    </p>
    ${
      registered
        ? nothing
        : html`<p>${i18n.t(outcome.emailGiven ? 'groups.done.waitlistedEmail' : 'groups.done.waitlistedNoEmail')}</p>`
    }
    ${outcome.recovered ? html`<p part="recovered">${i18n.t('groups.done.recovered')}</p>` : nothing}
    <div class="where" part="where">
      <p class="sub-label">${i18n.t('groups.done.where')}</p>
      ${location ? locationDetails(i18n, location) : html`<p>${i18n.t('groups.done.whereLater')}</p>`}
    </div>
    <div class="code" part="code">
      <p class="sub-label">${i18n.t('groups.done.codeHeading')}</p>
      <p id="code-text">${i18n.t('groups.done.codeText')}</p>
      <p class="code-value" part="code-value" id="cancel-code" aria-describedby="code-text">${ltr(code)}</p>
      <div class="actions">
        <button class="button secondary" part="copy" type="button" @click=${options.onCopy}>
          ${i18n.t('groups.done.copy')}
        </button>
      </div>
      ${
        outcome.copy
          ? html`<p part="copy-status">
              ${i18n.t(outcome.copy === 'copied' ? 'groups.done.copied' : 'groups.done.copyFailed')}
            </p>`
          : nothing
      }
    </div>
    ${cancelArea(i18n, cancel, registered, options)}
  </section>`;
}

function cancelArea(i18n: LocalizeController, cancel: CancelState, registered: boolean, options: OutcomeOptions) {
  if (cancel.status === 'idle') {
    return html`<div class="actions">
      <button class="button secondary" part="cancel" type="button" @click=${() => options.onCancel('ask')}>
        ${i18n.t(registered ? 'groups.done.cancel' : 'groups.done.leave')}
      </button>
    </div>`;
  }
  if (cancel.status === 'done') return nothing;
  return html`<div class="confirm" part="cancel-confirm" role="group" aria-labelledby="cancel-question">
    <p id="cancel-question">${i18n.t('groups.cancel.confirm')}</p>
    <div class="actions">
      <button
        class="button secondary"
        part="cancel-no"
        type="button"
        aria-disabled=${cancel.status === 'sending' ? 'true' : 'false'}
        @click=${() => options.onCancel('no')}
      >
        ${i18n.t('groups.cancel.no')}
      </button>
      <button
        class="button"
        part="cancel-yes"
        type="button"
        aria-disabled=${cancel.status === 'sending' ? 'true' : 'false'}
        @click=${() => options.onCancel('yes')}
      >
        ${i18n.t('groups.cancel.yes')}
      </button>
    </div>
    ${cancel.status === 'sending' ? html`<p class="status">${i18n.t('groups.cancel.sending')}</p>` : nothing}
    ${cancel.status === 'failed' ? html`<p class="status" part="cancel-status">${cancelFailure(i18n, cancel.error)}</p>` : nothing}
  </div>`;
}
