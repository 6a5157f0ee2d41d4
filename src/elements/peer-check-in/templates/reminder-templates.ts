import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import type { LocalizeController } from '../../../core/i18n/localize-controller.js';

/** The reminder form's choices. `day`: 0 Sunday … 6 Saturday; `time`: "HH:mm", in the student's own time zone. */
export interface ReminderState {
  day?: number;
  time?: string;
  discreet: boolean;
}

const BYDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
/** 2026-11-29 was a Sunday: day names in the student's language come from Intl, not from our tables. */
const A_SUNDAY = Date.UTC(2026, 10, 29, 12);

export interface ReminderOptions {
  onChange: (changes: Partial<ReminderState>) => void;
  onAdded: () => void;
  doc: Document;
  now?: () => Date;
  timeZone?: string;
}

/** The next local date (YYYY-MM-DD) on `day` whose `time` has not yet passed, in the student's own time. */
export function firstReminderDate(now: Date, day: number, time: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const candidate = new Date(now);
  candidate.setHours(hours, minutes, 0, 0);
  let ahead = (day - now.getDay() + 7) % 7;
  if (ahead === 0 && candidate <= now) ahead = 7;
  candidate.setDate(candidate.getDate() + ahead);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${candidate.getFullYear()}-${pad(candidate.getMonth() + 1)}-${pad(candidate.getDate())}`;
}

/** The calendar writer, loaded only when a student asks for a reminder (most never do). */
const calendarModule = () => import('../../../core/calendar/index.js');

/** Builds the weekly reminder's calendar file; with `discreet`, the real title is nowhere in it or its name. */
export async function reminderCalendar(i18n: LocalizeController, state: ReminderState, now: Date, timeZone: string) {
  const { calendarFileName, toICalendar, weeklyRule } = await calendarModule();
  const day = state.day ?? now.getDay();
  const time = state.time || '18:00';
  const title = i18n.t(state.discreet ? 'checkIn.reminder.discreetTitle' : 'checkIn.reminder.title');
  const ics = toICalendar(
    [
      {
        // Discreet: no domain, since the library's name ("peer support") says what the reminder is for as well.
        uid: `check-in-reminder-${BYDAY[day]}-${time.replace(':', '')}${state.discreet ? '' : '@peer-support-widgets'}`,
        title,
        start: `${firstReminderDate(now, day, time)}T${time}`,
        timeZone,
        durationMinutes: 10,
        rrule: weeklyRule({ byDay: BYDAY[day]! }),
        alarmMinutesBefore: 0,
        alarmText: state.discreet ? title : i18n.t('checkIn.reminder.alarm'),
      },
    ],
    // Discreet: not even the product id names the library (its name says what the reminder is for).
    { now, ...(state.discreet ? { discreetTitle: title, productId: '-//calendar//EN' } : {}) },
  );
  return { ics, fileName: calendarFileName(title) };
}

/** "Add a weekly check-in reminder to my calendar": day, time, a discreet title (on by default), one button. */
export function reminderForm(
  i18n: LocalizeController,
  headingLevel: number,
  state: ReminderState,
  options: ReminderOptions,
) {
  const now = options.now?.() ?? new Date();
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  const day = state.day ?? now.getDay();
  const add = async () => {
    const { ics, fileName } = await reminderCalendar(i18n, state, now, timeZone);
    const { downloadCalendar } = await calendarModule();
    downloadCalendar(ics, fileName, options.doc);
    options.onAdded();
  };
  return html`<section class="reminder" part="reminder" aria-labelledby="reminder-heading">
    <div role="heading" aria-level=${headingLevel} id="reminder-heading" class="next-heading">
      ${i18n.t('checkIn.reminder.heading')}
    </div>
    <div class="reminder-fields">
      <label
        >${i18n.t('checkIn.reminder.day')}
        <select
          name="reminder-day"
          @change=${(event: Event) => options.onChange({ day: Number((event.target as HTMLSelectElement).value) })}
        >
          ${[1, 2, 3, 4, 5, 6, 0].map(
            (value) =>
              html`<option value=${value} .selected=${value === day}>
                ${i18n.dateTime(A_SUNDAY + value * 86_400_000, { weekday: 'long', timeZone: 'UTC' })}
              </option>`,
          )}
        </select></label
      >
      <label
        >${i18n.t('checkIn.reminder.time')}
        <input
          type="time"
          name="reminder-time"
          .value=${live(state.time || '18:00')}
          @change=${(event: Event) => options.onChange({ time: (event.target as HTMLInputElement).value })}
      /></label>
    </div>
    <label class="check">
      <input
        type="checkbox"
        name="reminder-discreet"
        .checked=${live(state.discreet)}
        @change=${(event: Event) => options.onChange({ discreet: (event.target as HTMLInputElement).checked })}
      />
      <span>${i18n.t('checkIn.reminder.discreet', { title: i18n.t('checkIn.reminder.discreetTitle') })}</span>
    </label>
    <div class="actions">
      <button class="button secondary" type="button" @click=${add}>${i18n.t('checkIn.reminder.add')}</button>
    </div>
  </section>`;
}
