/* eslint-disable lit-a11y/no-redundant-role -- role="list" is deliberate: Safari drops list semantics from lists styled with list-style: none. */
import { html, nothing, type TemplateResult } from 'lit';
import { isolate } from '../../../core/bidi.js';
import type { MessageKey } from '../../../core/i18n/en.js';
import type { LocalizeController } from '../../../core/i18n/localize-controller.js';
import { safeHref } from '../../../core/safe-url.js';
import type { Group, GroupLocation, GroupSummary } from '../logic/group-data.js';
import { describeSchedule, sessionText, zoneDiffers } from '../logic/schedule.js';
import { availabilityLine, languagesLine, locationLine } from './card-templates.js';
import { locationDetails } from './location-templates.js';

export interface DetailsContext {
  i18n: LocalizeController;
  /** Level of the section headings inside the dialog. */
  level: number;
  viewerZone: string;
  /** A hidden location the student was given by joining with a place: shown under "Where" too, not "given when you join". */
  revealed?: GroupLocation | undefined;
}

function section(level: number, id: string, heading: string, body: unknown): TemplateResult {
  return html`<section class="detail" part="detail detail-${id}" aria-labelledby="detail-${id}">
    <div role="heading" aria-level=${level} class="sub-heading" id="detail-${id}">${heading}</div>
    ${body}
  </section>`;
}

/**
 * What a student needs to decide, from the summary at once and from `GET /groups/{id}` when it arrives: about the
 * group, the first session, agreements and privacy ("attendance is not recorded"), the full schedule in their own
 * time zone, where, and accessibility. `details` is undefined while loading or when the request failed; everything
 * the summary knows is shown either way.
 */
export function groupDetails(
  summary: GroupSummary,
  details: Group | undefined,
  context: DetailsContext,
): TemplateResult {
  const { i18n, level } = context;
  const group = details ?? summary;
  const languages = languagesLine(i18n, group.languages);
  const organiser = details?.organiserEmail ? safeHref(`mailto:${details.organiserEmail}`) : null;
  return html`${
      details
        ? html`${section(level, 'about', i18n.t('groups.details.about'), html`<p class="pre-line">${details.description || summary.summary}</p>`)}
          ${
            details.firstSessionInfo
              ? section(
                  level,
                  'first',
                  i18n.t('groups.details.firstSession'),
                  html`<p class="pre-line">${details.firstSessionInfo}</p>`,
                )
              : nothing
          }
          ${
            details.agreements.length
              ? section(
                  level,
                  'agreements',
                  i18n.t('groups.details.agreements'),
                  html`<ul class="agreements">
                    ${details.agreements.map((agreement) => html`<li>${agreement}</li>`)}
                  </ul>`,
                )
              : nothing
          }
          ${section(
            level,
            'privacy',
            i18n.t('groups.details.privacy'),
            html`<p part="attendance">
              ${i18n.t(details.attendanceRecorded ? 'groups.details.recorded' : 'groups.details.notRecorded')}
            </p>`,
          )}`
        : html`${summary.summary ? html`<p>${summary.summary}</p>` : nothing}`
    }
    ${section(level, 'schedule', i18n.t('groups.details.schedule'), scheduleBody(group, context))}
    ${section(
      level,
      'where',
      i18n.t('groups.details.where'),
      html`<p>${i18n.t(`groups.format.${group.format}` as MessageKey)}</p>
        ${
          group.location && !group.locationHidden
            ? locationDetails(i18n, group.location)
            : context.revealed
              ? locationDetails(i18n, context.revealed)
              : html`<p part="location-hidden">${isolate(locationLine(i18n, group) ?? '')}</p>`
        }`,
    )}
    ${section(
      level,
      'accessibility',
      i18n.t('groups.details.accessibility'),
      html`${
        group.accessibility.length
          ? html`<ul class="agreements">
              ${group.accessibility.map((code) => html`<li>${i18n.t(`groups.access.${code}` as MessageKey)}</li>`)}
            </ul>`
          : details?.accessibilityNote
            ? nothing
            : html`<p>${i18n.t('groups.details.noAccessibility')}</p>`
      }
      ${details?.accessibilityNote ? html`<p class="pre-line">${details.accessibilityNote}</p>` : nothing}`,
    )}
    <ul role="list" class="facts">
      <li>
        ${i18n.t(`groups.ledBy.${group.facilitator.type}` as MessageKey)}${
          group.facilitator.description ? html`: ${group.facilitator.description}` : nothing
        }
      </li>
      ${languages ? html`<li>${languages}</li>` : nothing}
      <li class="availability">${availabilityLine(i18n, group)}</li>
    </ul>
    ${
      organiser && details?.organiserEmail
        ? html`<p part="organiser">
            ${i18n.parts('groups.details.organiser', {
              email: html`<a href=${organiser} dir="ltr">${details.organiserEmail}</a>`,
            })}
          </p>`
        : nothing
    }`;
}

function scheduleBody(group: GroupSummary, { i18n, viewerZone }: DetailsContext): TemplateResult {
  const sessions = group.nextOccurrences;
  return html`<p>${describeSchedule(i18n, group.schedule, sessions, viewerZone)}</p>
    ${
      sessions.length
        ? html`<p class="sub-label">${i18n.t('groups.details.upcoming')}</p>
            <ul class="sessions" part="sessions">
              ${sessions.map((session) => {
                const when = sessionText(i18n, session, viewerZone);
                return html`<li class=${session.cancelled ? 'cancelled' : ''}>
                  ${
                    session.cancelled
                      ? i18n.parts('groups.details.sessionCancelled', { when: isolate(when) })
                      : isolate(when)
                  }
                </li>`;
              })}
            </ul>`
        : html`<p>${i18n.t('groups.next.none')}</p>`
    }
    ${
      zoneDiffers(group.schedule, sessions, viewerZone)
        ? html`<p class="hint" part="your-time">${i18n.t('groups.details.yourTime')}</p>`
        : nothing
    }`;
}
