import { isolate } from '../../../core/bidi.js';
import { openStatus } from '../../../core/hours/open-status.js';
import { wallTimeInZone } from '../../../core/hours/zoned-time.js';
import type { LocalizeController } from '../../../core/i18n/localize-controller.js';
import type { Availability } from './request-data.js';

const DAY_MS = 86_400_000;

/** Why a student is offered other help instead of a silent queue: nobody on shift, or a wait past the limit. */
export type Fallback = 'nobody' | 'long' | undefined;

export function fallbackFor(
  availability: Availability | undefined,
  waitMinutes: number | null,
  limit: number,
): Fallback {
  if (!availability) return undefined;
  if (!availability.open || availability.supportersOnShift === 0) return 'nobody';
  return waitMinutes !== null && waitMinutes > limit ? 'long' : undefined;
}

/** When the service next opens: the backend's `nextOpenAt`, else worked out from its hours; undefined if unknown. */
export function nextOpening(availability: Availability, now: Date): Date | undefined {
  if (availability.open) return undefined;
  if (availability.nextOpenAt) return new Date(availability.nextOpenAt);
  const status = openStatus(availability.hours, now);
  return status.kind === 'closed' && status.opensAt ? status.opensAt : undefined;
}

/**
 * The button's second line, as parts for lit: "Supporters are on shift now. The wait is about 10 min.", "No one is
 * on shift right now.", or "Opens Tuesday at 10:00 AM." (always naming the day: today, tomorrow, or the weekday).
 * A wait is given only when the backend gives one.
 */
export function availabilityLine(
  i18n: LocalizeController,
  availability: Availability,
  now: Date,
  timeZone?: string,
): unknown[] {
  if (availability.open) {
    const minutes = availability.expectedWaitMinutes;
    return minutes === null
      ? [i18n.t('request.button.onShift')]
      : i18n.parts('request.button.onShiftWait', { minutes: isolate(i18n.number(minutes)) });
  }
  if (availability.withinHours) return [i18n.t('request.button.nobody')];
  const opens = nextOpening(availability, now);
  if (!opens) return [i18n.t('request.button.closed')];
  return opensAt(i18n, opens, now, timeZone);
}

/** "Opens today at 6:00 PM.", "Opens tomorrow at…", "Opens Tuesday at…": the day is always named. */
export function opensAt(i18n: LocalizeController, when: Date, now: Date, timeZone: string | undefined): unknown[] {
  const zone = timeZone ? { timeZone } : {};
  const time = isolate(i18n.dateTime(when, { hour: 'numeric', minute: '2-digit', ...zone }));
  const days = dayNumber(when, timeZone) - dayNumber(now, timeZone);
  if (days <= 0) return i18n.parts('request.button.opensToday', { time });
  if (days === 1) return i18n.parts('request.button.opensTomorrow', { time });
  const day = i18n.dateTime(
    when,
    days < 7 ? { weekday: 'long', ...zone } : { weekday: 'long', month: 'long', day: 'numeric', ...zone },
  );
  return i18n.parts('request.button.opensOn', { day: isolate(day), time });
}

function dayNumber(instant: Date, timeZone: string | undefined): number {
  if (timeZone) {
    const { year, month, day } = wallTimeInZone(instant, timeZone);
    return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
  }
  return Math.round(Date.UTC(instant.getFullYear(), instant.getMonth(), instant.getDate()) / DAY_MS);
}
