import { extendLocale } from '../../../core/i18n/catalog.js';
import { requestButtonEn, type RequestButtonMessages } from './en.js';
import { requestButtonEs } from './es.js';

/** Adds the request button's English and Spanish strings to the catalog (never over a page's own). Safe to call twice. */
export function registerRequestButtonStrings(): void {
  extendLocale('en', requestButtonEn);
  extendLocale('es', requestButtonEs);
}

declare module '../../../core/i18n/en.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ElementMessages extends RequestButtonMessages {}
}
