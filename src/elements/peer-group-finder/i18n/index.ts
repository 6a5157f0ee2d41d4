import { extendLocale } from '../../../core/i18n/catalog.js';
import { groupFinderEn, type GroupFinderMessages } from './en.js';
import { groupFinderEs } from './es.js';

/** Adds the group finder's English and Spanish strings to the catalog (never over a page's own). Safe to call twice. */
export function registerGroupFinderStrings(): void {
  extendLocale('en', groupFinderEn);
  extendLocale('es', groupFinderEs);
}

declare module '../../../core/i18n/en.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ElementMessages extends GroupFinderMessages {}
}
