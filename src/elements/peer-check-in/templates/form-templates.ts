import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { isolate } from '../../../core/bidi.js';
import type { MessageKey } from '../../../core/i18n/en.js';
import type { LocalizeController } from '../../../core/i18n/localize-controller.js';
import { MOOD_LEVELS, type Scale } from '../instruments/instruments.js';
import type { CheckInTopic, EmotionWord } from '../logic/suggestions.js';

export const NOTE_MAX = 500;

/** Form fields that can carry an error, in the order they appear (the first invalid one gets focus). */
export type Field = 'mood' | `item-${number}` | 'contact' | 'consent';

export interface FormState {
  level?: number;
  emotions: ReadonlySet<string>;
  topics: ReadonlySet<string>;
  note: string;
  scaleAnswers: ReadonlyArray<number | undefined>;
  safety?: 'yes' | 'no';
  followUp: boolean;
  channel: 'email' | 'phone';
  contact: string;
  consent: boolean;
  errors: ReadonlyMap<Field, MessageKey>;
}

const errorId = (field: Field) => `error-${field}`;

function fieldError(i18n: LocalizeController, state: FormState, field: Field) {
  const key = state.errors.get(field);
  return key ? html`<p class="field-error" part="field-error" id=${errorId(field)}>${i18n.t(key)}</p>` : nothing;
}

/** The 5-point labelled mood scale: words, never colour or emoji alone. */
export function moodScale(i18n: LocalizeController, state: FormState, onChoose: (level: number) => void) {
  const invalid = state.errors.has('mood');
  return html`<fieldset
    part="mood"
    class="scale"
    id="field-mood"
    aria-invalid=${invalid ? 'true' : 'false'}
    aria-describedby=${ifDefined(invalid ? errorId('mood') : undefined)}
  >
    <legend>${i18n.t('checkIn.mood.legend')}</legend>
    ${fieldError(i18n, state, 'mood')}
    <div class="choices">
      ${MOOD_LEVELS.map(
        (level) =>
          html`<label class="choice" part="choice">
            <input
              type="radio"
              name="mood"
              .value=${String(level)}
              .checked=${live(state.level === level)}
              required
              @change=${() => onChoose(level)}
            />
            <span>${i18n.t(`checkIn.mood.${level}` as MessageKey)}</span>
          </label>`,
      )}
    </div>
  </fieldset>`;
}

/** Optional multiple choice (emotion words, topics). */
export function wordChoices(
  i18n: LocalizeController,
  part: 'emotions' | 'topics',
  words: readonly (EmotionWord | CheckInTopic)[],
  chosen: ReadonlySet<string>,
  onToggle: (word: string, on: boolean) => void,
) {
  const prefix = part === 'emotions' ? 'checkIn.emotion.' : 'checkIn.topic.';
  return html`<fieldset part=${part} class="words">
    <legend>${i18n.t(part === 'emotions' ? 'checkIn.emotions.legend' : 'checkIn.topics.legend')}</legend>
    <div class="choices">
      ${words.map(
        (word) =>
          html`<label class="choice" part="choice">
            <input
              type="checkbox"
              name=${part}
              .value=${word}
              .checked=${live(chosen.has(word))}
              @change=${(event: Event) => onToggle(word, (event.target as HTMLInputElement).checked)}
            />
            <span>${i18n.t(`${prefix}${word}` as MessageKey)}</span>
          </label>`,
      )}
    </div>
  </fieldset>`;
}

/** The optional note, with its visible limit and, when it reads like a crisis, a gentle "help is here" line. */
export function noteField(
  i18n: LocalizeController,
  state: FormState,
  mentionsCrisis: boolean,
  onInput: (text: string) => void,
  onShowHelp: () => void,
) {
  return html`<div class="note" part="note">
    <label for="note">${i18n.t('checkIn.note.label')}</label>
    <p class="hint" id="note-hint">${i18n.t('checkIn.note.hint')}</p>
    <textarea
      id="note"
      name="note"
      rows="3"
      maxlength=${NOTE_MAX}
      autocomplete="off"
      spellcheck="true"
      aria-describedby="note-hint note-count"
      .value=${live(state.note)}
      @input=${(event: Event) => onInput((event.target as HTMLTextAreaElement).value)}
    ></textarea>
    <p class="hint" id="note-count" part="note-count">
      ${i18n.parts('checkIn.note.count', {
        count: isolate(i18n.number(state.note.length)), // UTF-16 units, as maxlength counts
        max: isolate(i18n.number(NOTE_MAX)),
      })}
    </p>
    <div role="status" class="help-is-here-region">
      ${
        mentionsCrisis
          ? html`<p class="help-is-here" part="help-is-here">
              ${i18n.t('checkIn.note.helpIsHere')}
              <button class="button secondary" part="show-help" type="button" @click=${onShowHelp}>
                ${i18n.t('checkIn.note.showHelp')}
              </button>
            </p>`
          : nothing
      }
    </div>
  </div>`;
}

/** WHO-5 or PHQ-4 as published: the instructions, then one group of answers per item, then the attribution. */
export function scaleItems(
  i18n: LocalizeController,
  scale: Scale,
  state: FormState,
  onAnswer: (index: number, value: number) => void,
) {
  return html`<div class="instrument" part="instrument">
    <p class="instructions" part="instructions" id="instructions">${i18n.t(scale.instructions)}</p>
    ${scale.items.map((item, index) => {
      const field: Field = `item-${index}`;
      const invalid = state.errors.has(field);
      return html`<fieldset
        class="scale item"
        part="item"
        id=${`field-${field}`}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? `instructions ${errorId(field)}` : 'instructions'}
      >
        <legend>${i18n.t(item.key)}</legend>
        ${fieldError(i18n, state, field)}
        <div class="choices">
          ${scale.answers.map(
            (answer) =>
              html`<label class="choice" part="choice">
                <input
                  type="radio"
                  name=${field}
                  .value=${String(answer.value)}
                  .checked=${live(state.scaleAnswers[index] === answer.value)}
                  required
                  @change=${() => onAnswer(index, answer.value)}
                />
                <span>${i18n.t(answer.key)}</span>
              </label>`,
          )}
        </div>
      </fieldset>`;
    })}
    <p class="attribution" part="attribution">${i18n.t(scale.attribution)}</p>
  </div>`;
}

/** The separate, plain safety question. Any "yes" shows crisis help at once (the element does that). */
export function safetyQuestion(i18n: LocalizeController, state: FormState, onAnswer: (answer: 'yes' | 'no') => void) {
  return html`<fieldset part="safety" class="scale safety" aria-describedby="safety-why">
    <legend>${i18n.t('checkIn.safety.legend')}</legend>
    <p class="hint" id="safety-why">${i18n.t('checkIn.safety.why')}</p>
    <div class="choices">
      ${(['no', 'yes'] as const).map(
        (answer) =>
          html`<label class="choice" part="choice">
            <input
              type="radio"
              name="safety"
              .value=${answer}
              .checked=${live(state.safety === answer)}
              @change=${() => onAnswer(answer)}
            />
            <span>${i18n.t(answer === 'yes' ? 'checkIn.safety.yes' : 'checkIn.safety.no')}</span>
          </label>`,
      )}
    </div>
  </fieldset>`;
}

export interface FollowUpOptions {
  campusName?: string;
  workingDays?: number;
  onToggle: (on: boolean) => void;
  onChannel: (channel: 'email' | 'phone') => void;
  onContact: (value: string) => void;
  onConsent: (on: boolean) => void;
}

/** "I'd like someone to get in touch": the contact field and the consent statement appear only once it is ticked. */
export function followUpFields(i18n: LocalizeController, state: FormState, options: FollowUpOptions): TemplateResult {
  const contactInvalid = state.errors.has('contact');
  const consentInvalid = state.errors.has('consent');
  const label = options.campusName
    ? i18n.t('checkIn.followUp.label', { campus: options.campusName })
    : i18n.t('checkIn.followUp.labelNoCampus');
  return html`<div class="follow-up" part="follow-up">
    <label class="check">
      <input
        type="checkbox"
        name="follow-up"
        .checked=${live(state.followUp)}
        @change=${(event: Event) => options.onToggle((event.target as HTMLInputElement).checked)}
      />
      <span>${label}</span>
    </label>
    ${
      state.followUp
        ? html`<div class="follow-up-details">
            <fieldset class="channel">
              <legend>${i18n.t('checkIn.followUp.channel')}</legend>
              <div class="choices">
                ${(['email', 'phone'] as const).map(
                  (channel) =>
                    html`<label class="choice" part="choice">
                      <input
                        type="radio"
                        name="channel"
                        .value=${channel}
                        .checked=${live(state.channel === channel)}
                        @change=${() => options.onChannel(channel)}
                      />
                      <span>${i18n.t(channel === 'email' ? 'checkIn.followUp.email' : 'checkIn.followUp.phone')}</span>
                    </label>`,
                )}
              </div>
            </fieldset>
            <label for="field-contact"
              >${i18n.t(state.channel === 'email' ? 'checkIn.followUp.emailLabel' : 'checkIn.followUp.phoneLabel')}</label
            >
            ${fieldError(i18n, state, 'contact')}
            <input
              id="field-contact"
              part="contact"
              name="contact"
              dir="ltr"
              type=${state.channel === 'email' ? 'email' : 'tel'}
              autocomplete=${state.channel === 'email' ? 'email' : 'tel'}
              inputmode=${state.channel === 'email' ? 'email' : 'tel'}
              maxlength=${state.channel === 'email' ? 254 : 32}
              required
              aria-invalid=${contactInvalid ? 'true' : 'false'}
              aria-describedby=${ifDefined(contactInvalid ? errorId('contact') : undefined)}
              .value=${live(state.contact)}
              @input=${(event: Event) => options.onContact((event.target as HTMLInputElement).value)}
            />
            <div class="consent" part="consent" id="consent-text">
              <p>
                ${
                  options.workingDays
                    ? i18n.parts('checkIn.followUp.who', { days: isolate(i18n.number(options.workingDays)) })
                    : i18n.t('checkIn.followUp.whoNoDays')
                }
              </p>
              <p>${i18n.t('checkIn.followUp.limits')}</p>
            </div>
            ${fieldError(i18n, state, 'consent')}
            <label class="check">
              <input
                id="field-consent"
                type="checkbox"
                name="consent"
                required
                aria-invalid=${consentInvalid ? 'true' : 'false'}
                aria-describedby=${consentInvalid ? `consent-text ${errorId('consent')}` : 'consent-text'}
                .checked=${live(state.consent)}
                @change=${(event: Event) => options.onConsent((event.target as HTMLInputElement).checked)}
              />
              <span>${i18n.t('checkIn.followUp.consent')}</span>
            </label>
          </div>`
        : nothing
    }
  </div>`;
}
