/**
 * Registers every element. The provider comes first so that widgets upgraded in the same task find it at once.
 */
export * from './elements/peer-support-provider/define.js';
export * from './elements/peer-crisis-resources/define.js';
export * from './elements/peer-help-link/define.js';
export * from './elements/peer-check-in/define.js';
export * from './elements/peer-group-finder/define.js';
export * from './elements/peer-request-button/define.js';
export * from './elements/peer-supporter-inbox/define.js';
// The CDN file is built from this module: a page with only a script tag can still add or change a language.
export { registerLocale } from './core/i18n/catalog.js';
