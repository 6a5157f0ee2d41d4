import { html, nothing, type TemplateResult } from 'lit';
import { isolate } from '../../../core/bidi.js';
import type { LocalizeController } from '../../../core/i18n/localize-controller.js';
import { safeHref } from '../../../core/safe-url.js';
import type { GroupLocation } from '../logic/group-data.js';

/** An https link from the backend, or nothing: every other scheme (javascript:, data:, http:) is dropped. */
export function httpsHref(value: string | undefined): string | undefined {
  const href = safeHref(value, { allowHttpLocalhost: false });
  return href?.startsWith('https:') ? href : undefined;
}

/**
 * Where a group meets, in full: the venue with its room, address and directions, and the online platform with its
 * link and instructions. Used in the details of a group whose location is public, and after joining a sensitive
 * one (the only time its location reaches the page).
 */
export function locationDetails(i18n: LocalizeController, location: GroupLocation): TemplateResult {
  const { venue, online } = location;
  const address = venue?.address;
  const directionsHref = httpsHref(address?.directionsUrl);
  const joinHref = httpsHref(online?.joinUrl);
  return html`<div class="location" part="location">
    ${
      venue
        ? html`<p part="venue">
              <strong>${venue.name}</strong>${venue.room ? html`, ${venue.room}` : nothing}
              ${
                address
                  ? html`<br />${[address.line1, address.line2].filter(Boolean).join(', ')}<br />${[
                        address.locality,
                        address.region,
                        address.postalCode,
                      ]
                        .filter(Boolean)
                        .join(' ')}`
                  : nothing
              }
            </p>
            ${venue.directions ? html`<p class="pre-line">${venue.directions}</p>` : nothing}
            ${directionsHref ? html`<p><a href=${directionsHref} part="directions">${i18n.t('groups.details.directions')}</a></p>` : nothing}`
        : nothing
    }
    ${
      online
        ? html`${
            joinHref
              ? html`<p>
                  <a href=${joinHref} part="join-online"
                    >${i18n.t('groups.details.joinOnline', { platform: online.platform })}</a
                  >
                </p>`
              : html`<p>${isolate(i18n.t('groups.card.onlineOn', { platform: online.platform }))}</p>`
          }
          ${online.instructions ? html`<p class="pre-line">${online.instructions}</p>` : nothing}`
        : nothing
    }
  </div>`;
}
