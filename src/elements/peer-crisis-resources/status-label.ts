import type { LocalizeController } from '../../core/i18n/localize-controller.js';
import type { OpenStatus } from './open-status.js';

const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
const WEEKDAY: Intl.DateTimeFormatOptions = { weekday: 'long' };

/**
 * "Open 24/7", "Open now until 10:00 PM", "Closed now. Opens Monday at 9:00 AM": computed in the service's time
 * zone (by openStatus) and written in the viewer's own time zone and language.
 */
export function statusLabel(status: OpenStatus, now: Date, i18n: LocalizeController): string {
  switch (status.kind) {
    case 'always':
      return i18n.t('crisis.open.always');
    case 'open':
      return status.closesAt
        ? i18n.t('crisis.open.until', { time: i18n.dateTime(status.closesAt, TIME) })
        : i18n.t('crisis.open.now');
    case 'closed': {
      // No regular hours at all (hours that vary by region, say): claim nothing rather than "closed".
      if (!status.opensAt) return i18n.t('crisis.hoursUnknown');
      const time = i18n.dateTime(status.opensAt, TIME);
      return sameLocalDay(status.opensAt, now)
        ? i18n.t('crisis.closed.opensToday', { time })
        : i18n.t('crisis.closed.opensOn', { day: i18n.dateTime(status.opensAt, WEEKDAY), time });
    }
    case 'unknown':
      return i18n.t('crisis.hoursUnknown');
  }
}

function sameLocalDay(a: Date, b: Date): boolean {
  return a.toDateString() === b.toDateString();
}
