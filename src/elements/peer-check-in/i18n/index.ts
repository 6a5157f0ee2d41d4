import { extendLocale } from '../../../core/i18n/catalog.js';
import { checkInEn, type CheckInMessages } from './en.js';
import { checkInEs } from './es.js';

/** Adds the check-in's English and Spanish strings to the catalog (never over a page's own). Safe to call twice. */
export function registerCheckInStrings(): void {
  extendLocale('en', checkInEn);
  extendLocale('es', checkInEs);
}

declare module '../../../core/i18n/en.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ElementMessages extends CheckInMessages {}
}
