/**
 * Calendar files (RFC 5545) for check-in reminders and group sessions: write one with `toICalendar`, name it with
 * `calendarFileName`, and hand it to the student with `downloadCalendar`.
 */
export { toICalendar, type CalendarEvent, type CalendarOptions } from './icalendar.js';
export { weeklyRule, type WeeklyRuleOptions, type Weekday } from './recurrence-rule.js';
export { calendarFileName } from './file-name.js';
export { downloadCalendar } from './download.js';
