import { html, nothing, type TemplateResult } from 'lit';
import { isolate, ltr } from '../../../core/bidi.js';
import type { ApiError } from '../../../core/api/errors.js';
import type { LocalizeController } from '../../../core/i18n/localize-controller.js';
import { safeHref } from '../../../core/safe-url.js';
import type { RequestState } from '../logic/request-data.js';

/** What the status view shows: the answer to the POST, then each changed status from polling. */
export interface RequestView {
  requestId: string;
  status: RequestState;
  position: number | null;
  expectedWaitMinutes: number | null;
  when?: { mode: 'asap' } | { mode: 'scheduled'; at: string };
  supporterName?: string;
  joinUrl?: string;
}

export type CancelState =
  { status: 'idle' } | { status: 'confirm' } | { status: 'sending' } | { status: 'failed'; error: ApiError };

export interface StatusContext {
  i18n: LocalizeController;
  level: number;
  /** The code, only in the moment the request was made (shown once). */
  code: string | undefined;
  copy: 'idle' | 'copied' | 'failed';
  cancel: CancelState;
  /** The last poll failed: said, so an old status is not taken for a current one. */
  stale: boolean;
  recovered: boolean;
  /** Crisis help and alternatives the element renders (escalation, nobody on shift, long wait). */
  extra: TemplateResult | typeof nothing;
  cancelFailure: (error: ApiError) => string;
  onCopy: () => void;
  onCancel: (step: 'ask' | 'yes' | 'no') => void;
  onAgain: () => void;
}

const ACTIVE: ReadonlySet<RequestState> = new Set(['queued', 'claimed', 'in-progress']);

/** The state in words; "claimed" and "in progress" are the same thing to a student: someone has picked it up. */
export function stateWords(i18n: LocalizeController, status: RequestState): string {
  return i18n.t(`request.state.${status}`);
}

export function statusView(view: RequestView, context: StatusContext): TemplateResult {
  const { i18n } = context;
  return html`<section class="status" part="status" aria-labelledby="status-heading">
    <div role="heading" aria-level=${context.level} class="sub-heading" id="status-heading" tabindex="-1">
      ${i18n.t('request.status.heading')}
    </div>
    ${context.recovered ? html`<p part="recovered">${i18n.t('request.status.recovered')}</p>` : nothing}
    <p class="state" part="state">${i18n.t('request.status.label', { status: stateWords(i18n, view.status) })}</p>
    ${placeAndWait(i18n, view)} ${supporter(i18n, view)} ${endText(i18n, view.status)}
    ${context.stale ? html`<p part="status-note">${i18n.t('request.status.stale')}</p>` : nothing} ${context.extra}
    ${codeSection(view, context)} ${cancelSection(view, context)}
    ${
      ACTIVE.has(view.status) || view.status === 'escalated-to-professional'
        ? nothing
        : html`<div class="actions">
            <button class="button secondary" part="again" type="button" @click=${context.onAgain}>
              ${i18n.t('request.again')}
            </button>
          </div>`
    }
  </section>`;
}

function placeAndWait(i18n: LocalizeController, view: RequestView) {
  if (view.when?.mode === 'scheduled') {
    const time = i18n.dateTime(new Date(view.when.at), {
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    });
    if (view.status === 'queued')
      return html`<p part="scheduled">${i18n.parts('request.status.scheduled', { time: isolate(time) })}</p>`;
  }
  if (view.status !== 'queued') return nothing;
  return html`<p part="place">
    ${
      view.position !== null
        ? html`${i18n.parts('request.status.place', { position: isolate(i18n.number(view.position)) })} `
        : nothing
    }
    ${
      view.expectedWaitMinutes !== null
        ? i18n.parts('request.status.wait', { minutes: isolate(i18n.number(view.expectedWaitMinutes)) })
        : i18n.t('request.status.noEstimate')
    }
  </p>`;
}

function supporter(i18n: LocalizeController, view: RequestView) {
  if (!ACTIVE.has(view.status) || view.status === 'queued') return nothing;
  // A join link must be https: anything else (javascript:, data:, a typo) is dropped, never rendered as a link.
  const join = view.joinUrl?.startsWith('https://') ? safeHref(view.joinUrl, { allowHttpLocalhost: false }) : null;
  return html`${
    view.supporterName
      ? html`<p part="supporter">${i18n.parts('request.status.supporter', { name: isolate(view.supporterName) })}</p>`
      : nothing
  }
  ${
    join
      ? html`<div class="actions">
          <a class="button" part="join" href=${join} target="_blank" rel="noopener noreferrer">
            ${i18n.t('request.status.join')}
          </a>
        </div>`
      : nothing
  }`;
}

function endText(i18n: LocalizeController, status: RequestState) {
  if (status === 'closed') return html`<p>${i18n.t('request.status.closedText')}</p>`;
  if (status === 'cancelled') return html`<p part="cancelled">${i18n.t('request.status.cancelledText')}</p>`;
  if (status === 'escalated-to-professional')
    return html`<p part="escalated">${i18n.t('request.status.escalated')}</p>`;
  return nothing;
}

function codeSection(view: RequestView, context: StatusContext) {
  const { i18n, code } = context;
  if (!code || !ACTIVE.has(view.status)) return nothing;
  return html`<div class="code" part="code">
    <div role="heading" aria-level=${Math.min(6, context.level + 1)} class="sub-heading">
      ${i18n.t('request.code.heading')}
    </div>
    <p>${i18n.t('request.code.text')}</p>
    <p class="code-value" part="code-value" id="request-code">${ltr(code)}</p>
    <div class="actions">
      <button class="button secondary" part="copy" type="button" @click=${context.onCopy}>
        ${i18n.t('request.code.copy')}
      </button>
    </div>
    ${
      context.copy === 'idle'
        ? nothing
        : html`<p part="copy-status">
            ${i18n.t(context.copy === 'copied' ? 'request.code.copied' : 'request.code.copyFailed')}
          </p>`
    }
  </div>`;
}

function cancelSection(view: RequestView, context: StatusContext) {
  const { i18n, cancel } = context;
  if (!ACTIVE.has(view.status)) return nothing;
  if (cancel.status === 'confirm' || cancel.status === 'sending') {
    const sending = cancel.status === 'sending';
    return html`<div class="cancel-confirm" part="cancel-confirm" role="group" aria-labelledby="cancel-question">
      <p id="cancel-question">${i18n.t('request.cancel.confirm')}</p>
      <div class="actions">
        <button class="button secondary" part="cancel-no" type="button" @click=${() => context.onCancel('no')}>
          ${i18n.t('request.cancel.no')}
        </button>
        <button
          class="button"
          part="cancel-yes"
          type="button"
          aria-disabled=${sending ? 'true' : 'false'}
          @click=${() => context.onCancel('yes')}
        >
          ${i18n.t('request.cancel.yes')}
        </button>
      </div>
      ${sending ? html`<p part="cancel-status">${i18n.t('request.cancel.sending')}</p>` : nothing}
    </div>`;
  }
  return html`<div class="actions">
      <button class="button secondary" part="cancel" type="button" @click=${() => context.onCancel('ask')}>
        ${i18n.t('request.cancel')}
      </button>
    </div>
    ${cancel.status === 'failed' ? html`<p part="cancel-status">${context.cancelFailure(cancel.error)}</p>` : nothing}`;
}
