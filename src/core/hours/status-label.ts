import { isolate } from '../bidi.js';
import type { MessageKey } from '../i18n/en.js';
import type { LocalizeController } from '../i18n/localize-controller.js';
import type { OpenStatus } from './open-status.js';
import { wallTimeInZone } from './zoned-time.js';

const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
const WEEKDAY: Intl.DateTimeFormatOptions = { weekday: 'long' };
const WEEKDAY_AND_DATE: Intl.DateTimeFormatOptions = { weekday: 'long', month: 'long', day: 'numeric' };
const DAY_MS = 86_400_000;

/**
 * "Open 24/7", "Open now until 10:00 PM", "Open now until Monday at 9:00 AM", "Closed now. Opens tomorrow at
 * 9:00 AM": open/closed is computed in the service's time zone (by openStatus) and written in the viewer's language
 * and time zone (`timeZone`, the browser's when undefined). A time that is not today always names its day: "tomorrow",
 * the weekday within a week, the weekday and date beyond. Returns parts for lit, the time and day isolated so they
 * read correctly inside right-to-left sentences.
 */
export function statusLabel(status: OpenStatus, now: Date, i18n: LocalizeController, timeZone?: string): unknown[] {
  switch (status.kind) {
    case 'always':
      return [i18n.t('hours.open.always')];
    case 'open':
      return status.closesAt
        ? at(i18n, status.closesAt, now, timeZone, {
            today: 'hours.open.until',
            tomorrow: 'hours.open.untilTomorrow',
            later: 'hours.open.untilDay',
          })
        : [i18n.t('hours.open.now')];
    case 'closed':
      // No regular hours at all (hours that vary by region, say): claim nothing rather than "closed".
      if (!status.opensAt) return [i18n.t('hours.unknown')];
      return at(i18n, status.opensAt, now, timeZone, {
        today: 'hours.closed.opensToday',
        tomorrow: 'hours.closed.opensTomorrow',
        later: 'hours.closed.opensOn',
      });
    case 'unknown':
      return [i18n.t('hours.unknown')];
  }
}

interface DayKeys {
  today: MessageKey;
  tomorrow: MessageKey;
  later: MessageKey;
}

function at(i18n: LocalizeController, when: Date, now: Date, timeZone: string | undefined, keys: DayKeys): unknown[] {
  const options = (base: Intl.DateTimeFormatOptions) => (timeZone ? { ...base, timeZone } : base);
  const time = isolate(i18n.dateTime(when, options(TIME)));
  const days = calendarDaysBetween(now, when, timeZone);
  if (days <= 0) return i18n.parts(keys.today, { time });
  if (days === 1) return i18n.parts(keys.tomorrow, { time });
  const day = i18n.dateTime(when, options(days < 7 ? WEEKDAY : WEEKDAY_AND_DATE));
  return i18n.parts(keys.later, { day: isolate(day), time });
}

/** Whole calendar days from `a` to `b` on the viewer's clock (0 = the same day, 1 = tomorrow). */
function calendarDaysBetween(a: Date, b: Date, timeZone: string | undefined): number {
  const dayNumber = (instant: Date) => {
    if (timeZone) {
      const { year, month, day } = wallTimeInZone(instant, timeZone);
      return Date.UTC(year, month - 1, day) / DAY_MS;
    }
    return Date.UTC(instant.getFullYear(), instant.getMonth(), instant.getDate()) / DAY_MS;
  };
  return Math.round(dayNumber(b) - dayNumber(a));
}
