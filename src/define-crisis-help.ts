/**
 * Registers crisis help alone: the provider, `<peer-crisis-resources>` and `<peer-help-link>`. The CDN file built
 * from this module (dist/cdn/peer-crisis-help.js) is for the pages that carry crisis help and no other widget, which
 * on a campus site is most of them: about a third of the all-in-one file's bytes.
 */
export * from './elements/peer-support-provider/define.js';
export * from './elements/peer-crisis-resources/define.js';
export * from './elements/peer-help-link/define.js';
// As in the all-in-one file: a page with only a script tag can still add or change a language.
export { registerLocale } from './core/i18n/catalog.js';
