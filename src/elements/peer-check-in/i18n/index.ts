import { extendLocale } from '../../../core/i18n/catalog.js';
import { checkInEn, type CheckInMessages } from './en.js';
import { checkInEs } from './es.js';

extendLocale('en', checkInEn);
extendLocale('es', checkInEs);

declare module '../../../core/i18n/en.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ElementMessages extends CheckInMessages {}
}
