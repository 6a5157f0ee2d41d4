import { html, nothing } from 'lit';
import type { MessageKey } from '../../../core/i18n/en.js';
import type { LocalizeController } from '../../../core/i18n/localize-controller.js';
import type { SupporterNote, SupporterProfile, SupporterRequest } from '../logic/inbox-data.js';

/** A code's words when the table has them, else the code itself as text (a newer backend's value stays readable). */
export function codeWords(i18n: LocalizeController, prefix: string, code: string): string {
  const key = `${prefix}${code}` as MessageKey;
  const words = i18n.t(key);
  return words === key ? code : words;
}

/**
 * A student's wish (supporter gender or shared experience) in words. Unlike codeWords, an unknown code from a newer
 * backend reads as a neutral "Another wish": these codes can say who a student is, so none is shown raw.
 */
export function wishWords(i18n: LocalizeController, code: string): string {
  const key = `inbox.wish.${code}` as MessageKey;
  const words = i18n.t(key);
  return words === key ? i18n.t('inbox.wish.other') : words;
}

export function when(i18n: LocalizeController, request: SupporterRequest) {
  const at = request.when.mode === 'scheduled' && request.when.at ? request.when.at : request.createdAt;
  const time = html`<bdi>${formatTime(i18n, at)}</bdi>`;
  const key = request.when.mode === 'scheduled' ? 'inbox.request.scheduled' : 'inbox.request.asap';
  return i18n.parts(key, { time });
}

export function formatTime(i18n: LocalizeController, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(+date) ? iso : i18n.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The facts every supporter may see: never the student's note or contact. */
export function requestFacts(
  i18n: LocalizeController,
  request: SupporterRequest,
  profile: SupporterProfile | undefined,
) {
  const mine = profile && request.claimedBy?.id === profile.id;
  const row = (label: MessageKey, value: unknown, part: string) =>
    html`<dt>${i18n.t(label)}</dt>
      <dd part=${part}>${value}</dd>`;
  const wishes = [
    ...(request.preferences?.supporterGender && request.preferences.supporterGender !== 'no-preference'
      ? [request.preferences.supporterGender]
      : []),
    ...(request.preferences?.sharedExperience ?? []),
  ].map((code) => wishWords(i18n, code));
  // Two unknown wishes would read "Another wish, and Another wish".
  const words = [...new Set(wishes)];
  return html`<dl part="facts">
    ${row('inbox.request.status', codeWords(i18n, 'inbox.status.', request.status), 'status')}
    ${row('inbox.request.kind', codeWords(i18n, 'inbox.kind.', request.supportKind), 'kind')}
    ${row('inbox.request.channel', codeWords(i18n, 'inbox.channel.', request.channel), 'channel')}
    ${row('inbox.request.when', when(i18n, request), 'when')}
    ${row('inbox.request.language', i18n.displayName('language', request.language), 'language')}
    ${row('inbox.request.contactMethod', codeWords(i18n, 'inbox.contact.', request.contactMethod), 'contact-method')}
    ${
      request.position !== null
        ? row('inbox.request.position', html`<bdi>${i18n.number(request.position)}</bdi>`, 'position')
        : nothing
    }
    ${
      request.claimedBy
        ? row(
            'inbox.request.claimedBy',
            mine ? i18n.t('inbox.request.you') : html`<bdi>${request.claimedBy.displayName}</bdi>`,
            'claimed-by',
          )
        : nothing
    }
    ${words.length ? row('inbox.request.preferences', html`<bdi>${i18n.list(words)}</bdi>`, 'preferences') : nothing}
    ${
      request.outcome
        ? row('inbox.request.outcome', codeWords(i18n, 'inbox.outcome.', request.outcome), 'outcome')
        : nothing
    }
  </dl>`;
}

/** The private part: the student's own note and how to reach them. Only rendered for the holder and supervisors. */
export function privateDetails(i18n: LocalizeController, request: SupporterRequest, level: number) {
  const contact = request.contact;
  return html`${
    request.note
      ? html`<div part="student-note">
          <div role="heading" aria-level=${level}>${i18n.t('inbox.request.studentNote')}</div>
          <p class="pre-line"><bdi>${request.note}</bdi></p>
        </div>`
      : nothing
  }
  ${
    contact && contact.method !== 'anonymous-code'
      ? html`<div part="contact">
          <div role="heading" aria-level=${level}>${i18n.t('inbox.request.contact')}</div>
          <p>
            <bdi>${contact.email ?? contact.phone}</bdi>
            ${contact.textOk ? html` ${i18n.t('inbox.request.textOk')}` : nothing}
          </p>
        </div>`
      : nothing
  }`;
}

export function noteItem(i18n: LocalizeController, note: SupporterNote) {
  return html`<li part="note">
    <span part="note-meta"
      >${codeWords(i18n, 'inbox.notes.kind.', note.kind)} ·
      ${i18n.parts('inbox.notes.by', {
        author: html`<bdi>${note.author.displayName}</bdi>`,
        time: html`<bdi>${formatTime(i18n, note.createdAt)}</bdi>`,
      })}</span
    >
    <div part="note-text"><bdi>${note.text}</bdi></div>
  </li>`;
}
