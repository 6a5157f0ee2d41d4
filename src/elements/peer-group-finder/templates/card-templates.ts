/* eslint-disable lit-a11y/no-redundant-role -- role="list" is deliberate: Safari drops list semantics from lists styled with list-style: none. */
import { html, nothing, type TemplateResult } from 'lit';
import { isolate } from '../../../core/bidi.js';
import type { MessageKey } from '../../../core/i18n/en.js';
import type { LocalizeController } from '../../../core/i18n/localize-controller.js';
import type { GroupSummary } from '../logic/group-data.js';
import { pluralKey } from '../../../core/i18n/plural.js';
import { describeSchedule, nextSessionLabel } from '../logic/schedule.js';

export interface CardContext {
  i18n: LocalizeController;
  /** The level of each card's heading. */
  level: number;
  viewerZone: string;
  now: Date;
  onDetails: (group: GroupSummary, opener: HTMLElement) => void;
}

/** Where a group meets, as one line for a card. A hidden location says only that it is given on joining. */
export function locationLine(i18n: LocalizeController, group: GroupSummary): string | undefined {
  if (group.locationHidden) {
    return group.areaHint ? i18n.t('groups.card.hiddenArea', { area: group.areaHint }) : i18n.t('groups.card.hidden');
  }
  const venue = group.location?.venue;
  const place = venue ? [venue.name, venue.room].filter(Boolean).join(', ') : undefined;
  const platform = group.location?.online?.platform;
  switch (group.format) {
    case 'online':
      return platform ? i18n.t('groups.card.onlineOn', { platform }) : i18n.t('groups.card.online');
    case 'hybrid':
      return place ? i18n.t('groups.card.hybrid', { venue: place }) : i18n.t('groups.card.online');
    default:
      return place;
  }
}

/** Drop-in, spots left, open, waitlist or closed, in words. */
export function availabilityLine(i18n: LocalizeController, group: GroupSummary): string {
  if (group.registrationStatus === 'closed')
    return group.dropIn ? i18n.t('groups.spots.dropIn') : i18n.t('groups.spots.closed');
  if (group.dropIn) return i18n.t('groups.spots.dropIn');
  if (group.registrationStatus === 'waitlist') return i18n.t('groups.spots.waitlist');
  if (group.spotsLeft === null) return i18n.t('groups.spots.open');
  return i18n.t(pluralKey(i18n.lang, group.spotsLeft, 'groups.spots.one', 'groups.spots.other'), {
    count: i18n.number(group.spotsLeft),
  });
}

export function languagesLine(i18n: LocalizeController, languages: readonly string[]): string | undefined {
  if (!languages.length) return undefined;
  return i18n.t('groups.card.languages', {
    languages: i18n.list(languages.map((code) => i18n.displayName('language', code))),
  });
}

/** A short list of words (topics, accessibility features) as list items. */
export function wordList(part: string, words: readonly string[]): TemplateResult {
  return html`<ul role="list" class="words" part=${part}>
    ${words.map((word) => html`<li part="${part}-item">${word}</li>`)}
  </ul>`;
}

/**
 * One group in the results: its name as a heading (focused when "Show more" brings it in), the short description,
 * and every fact a student filters on, in words. Backend text is bound as text, never as markup.
 */
export function groupCard(group: GroupSummary, context: CardContext): TemplateResult {
  const { i18n, viewerZone } = context;
  const schedule = describeSchedule(i18n, group.schedule, group.nextOccurrences, viewerZone);
  const next = nextSessionLabel(i18n, group.nextOccurrences, context.now, viewerZone);
  const location = locationLine(i18n, group);
  const languages = languagesLine(i18n, group.languages);
  const nameId = `name-${group.id}`;
  return html`<li class="card" part="card">
    <article aria-labelledby=${nameId}>
      <div role="heading" aria-level=${context.level} class="card-name" part="card-name" id=${nameId} tabindex="-1">
        ${group.name}
      </div>
      ${group.summary ? html`<p part="card-summary">${group.summary}</p>` : nothing}
      <ul role="list" class="facts">
        <li part="card-schedule">${schedule}</li>
        ${next.cancelled ? html`<li part="card-cancelled">${next.cancelled}</li>` : nothing}
        ${next.next ? html`<li part="card-next">${next.next}</li>` : nothing}
        <li part="card-format">${i18n.t(`groups.format.${group.format}` as MessageKey)}</li>
        ${location ? html`<li part="card-location">${isolate(location)}</li>` : nothing}
        <li part="card-facilitator">${i18n.t(`groups.ledBy.${group.facilitator.type}` as MessageKey)}</li>
        ${languages ? html`<li part="card-languages">${languages}</li>` : nothing}
        ${
          group.audiences.length
            ? html`<li part="card-audience">
                ${i18n.t('groups.card.for', {
                  audiences: i18n.list(group.audiences.map((code) => i18n.t(`audience.${code}` as MessageKey))),
                })}
              </li>`
            : nothing
        }
        <li part="card-availability" class="availability">${availabilityLine(i18n, group)}</li>
      </ul>
      ${
        group.topics.length
          ? html`<div class="tagged">
              <span class="tag-label">${i18n.t('groups.card.topics')}</span>
              ${wordList(
                'card-topics',
                group.topics.map((code) => i18n.t(`topic.${code}` as MessageKey)),
              )}
            </div>`
          : nothing
      }
      ${
        group.accessibility.length
          ? html`<div class="tagged">
              <span class="tag-label">${i18n.t('groups.card.accessibility')}</span>
              ${wordList(
                'card-accessibility',
                group.accessibility.map((code) => i18n.t(`groups.access.${code}` as MessageKey)),
              )}
            </div>`
          : nothing
      }
      <div class="actions">
        <button
          class="button secondary"
          part="card-details"
          type="button"
          aria-haspopup="dialog"
          aria-describedby=${nameId}
          @click=${(event: Event) => context.onDetails(group, event.currentTarget as HTMLElement)}
        >
          ${i18n.t('groups.card.details')}
        </button>
      </div>
    </article>
  </li>`;
}
