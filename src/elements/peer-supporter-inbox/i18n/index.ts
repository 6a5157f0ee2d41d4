import { extendLocale } from '../../../core/i18n/catalog.js';
import { supporterInboxEn, type SupporterInboxMessages } from './en.js';
import { supporterInboxEs } from './es.js';

/** Adds the supporter inbox's English and Spanish strings to the catalog (never over a page's own). Safe to call twice. */
export function registerSupporterInboxStrings(): void {
  extendLocale('en', supporterInboxEn);
  extendLocale('es', supporterInboxEs);
}

declare module '../../../core/i18n/en.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ElementMessages extends SupporterInboxMessages {}
}
