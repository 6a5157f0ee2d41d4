import { pluralForm } from './i18n/plural.js';

/**
 * A wait before trying again, as a person would say it: whole seconds under a minute, else whole minutes rounded up
 * (508 s is "9 minutes": by then it has passed), with the plural form of the table's language (`lang`).
 */
export interface Wait {
  unit: 'seconds' | 'minutes';
  form: 'one' | 'other';
  count: number;
}

export function waitIn(lang: string, seconds: number): Wait {
  const whole = Math.max(1, Math.ceil(seconds));
  const unit = whole >= 60 ? 'minutes' : 'seconds';
  const count = unit === 'minutes' ? Math.ceil(whole / 60) : whole;
  return { unit, form: pluralForm(lang, count), count };
}
