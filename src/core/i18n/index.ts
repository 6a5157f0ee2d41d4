export { en, type MessageKey, type Messages } from './en.js';
export { es } from './es.js';
export { registerLocale, availableLocales, matchLocale, type StringOverrides } from './catalog.js';
export { LocalizeController } from './localize-controller.js';
export { nearestLang } from './nearest-lang.js';
