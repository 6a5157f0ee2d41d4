import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MessageKey } from './en.js';
import { interpolate, interpolateParts, lookup, matchLocale, type StringOverrides } from './catalog.js';
import { observeLang } from './lang-observer.js';
import { nearestLang } from './nearest-lang.js';
import { PerUpdate } from '../per-update.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Gives an element its strings and `Intl` formatters in the language that applies to it, and re-renders the
 * element when that language changes. `overrides` returns the page's per-string overrides (widget, then provider).
 */
export class LocalizeController implements ReactiveController {
  private stopObserving?: () => void;
  private cachedLang = '';
  /** The language worked out once per update (a walk up the DOM and a canonicalisation), not once per string. */
  private readonly resolved: PerUpdate<string>;

  constructor(
    private readonly host: Host,
    private readonly overrides: () => StringOverrides | undefined = () => undefined,
  ) {
    host.addController(this);
    this.resolved = new PerUpdate(host, () => this.resolveLang());
  }

  hostConnected(): void {
    this.stopObserving = observeLang(() => {
      if (canonical(nearestLang(this.host)) !== this.cachedLang) this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.stopObserving?.();
  }

  /**
   * The BCP 47 tag that applies (for `Intl`), e.g. "es-MX". When no table serves the page's language, the table's
   * own language ("en"): dates, country and language names then match the words around them, never a sentence in
   * English with a Hebrew month in it.
   */
  get lang(): string {
    return this.resolved.get();
  }

  private resolveLang(): string {
    const requested = canonical(nearestLang(this.host));
    const table = matchLocale(requested);
    const lang = table === requested.toLowerCase() || table === primary(requested) ? requested : table;
    this.cachedLang = lang;
    return lang;
  }

  /** The writing direction of `lang`: "rtl" for Arabic, Hebrew, Persian, Urdu and the like. */
  get dir(): 'ltr' | 'rtl' {
    return directionOf(this.lang);
  }

  /** The translation table in use, e.g. "es" for "es-MX". */
  get locale(): string {
    return matchLocale(this.lang);
  }

  /** A string by key with {placeholders} filled in. */
  t(key: MessageKey, values?: Readonly<Record<string, string | number>>): string {
    return interpolate(lookup(this.locale, key, this.overrides()), values);
  }

  /**
   * A sentence whose values may be lit templates, as parts to render (see `ltr` and `isolate` in core/bidi). With
   * `locale`, the sentence comes from that table instead (a whole sentence in the language of untranslated data).
   */
  parts(key: MessageKey, values: Readonly<Record<string, unknown>>, locale = this.locale): unknown[] {
    return interpolateParts(lookup(matchLocale(locale), key, this.overrides()), values);
  }

  dateTime(value: Date | number, options: Intl.DateTimeFormatOptions): string {
    return this.formatter(`d${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(this.lang, options)).format(
      value,
    );
  }

  number(value: number, options: Intl.NumberFormatOptions = {}): string {
    return this.formatter(`n${JSON.stringify(options)}`, () => new Intl.NumberFormat(this.lang, options)).format(value);
  }

  list(items: readonly string[], type: Intl.ListFormatType = 'conjunction'): string {
    return this.formatter(`l${type}`, () => new Intl.ListFormat(this.lang, { type })).format(items);
  }

  /** The name of a country ("region") or language code in this language, e.g. "MX" → "México"; the code if unknown. */
  displayName(type: 'region' | 'language', code: string): string {
    try {
      return this.formatter(`n:${type}`, () => new Intl.DisplayNames(this.lang, { type })).of(code) ?? code;
    } catch {
      return code; // a malformed code from data
    }
  }

  private formatter<F extends object>(key: string, create: () => F): F {
    const shared = `${this.lang}|${key}`;
    let formatter = formatters.get(shared) as F | undefined;
    if (!formatter) {
      formatter = create();
      formatters.set(shared, formatter);
    }
    return formatter;
  }
}

/**
 * `Intl` formatters by language and options, shared by every element on the page: creating one is the slow part
 * (tens of microseconds), formatting with one is cheap. Bounded by the few languages and option sets in use.
 */
const formatters = new Map<string, object>();

function primary(tag: string): string {
  return tag.toLowerCase().split('-')[0] ?? '';
}

const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg']);

/**
 * Directions and canonical tags by the text they were worked out from, so `Intl` is asked once per language, not on
 * every render: a page has a handful of languages (bounded all the same, since `lang` attributes are the page's).
 */
const directions = new Map<string, 'ltr' | 'rtl'>();
const canonicalTags = new Map<string, string>();

/**
 * Languages written in one script whatever the region, so the tag alone tells the direction. Asking `Intl` first loads
 * its likely-subtags data (tens of milliseconds on a slow phone, in the first render); it is asked only for the rest,
 * such as Punjabi or Kurdish, whose script depends on the region.
 */
const ALWAYS_LTR = new Set(['en', 'es', 'fr', 'de', 'it', 'pt', 'nl', 'pl', 'ru', 'uk', 'ja', 'ko', 'zh', 'vi', 'tr']);
const ALWAYS_RTL = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'yi', 'dv']);

export function directionOf(tag: string): 'ltr' | 'rtl' {
  const [language = '', second = ''] = tag.split('-');
  const script = /^[a-z]{4}$/i.test(second) ? second[0]!.toUpperCase() + second.slice(1).toLowerCase() : undefined;
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  if (ALWAYS_LTR.has(language.toLowerCase())) return 'ltr';
  if (ALWAYS_RTL.has(language.toLowerCase())) return 'rtl';
  let direction = directions.get(tag);
  if (!direction) {
    try {
      const script = new Intl.Locale(tag).maximize().script;
      direction = script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
    } catch {
      direction = RTL_LANGUAGES.has(primary(tag)) ? 'rtl' : 'ltr';
    }
    if (directions.size < 64) directions.set(tag, direction);
  }
  return direction;
}

/** A page may carry a malformed `lang` ("en_US", "english"); Intl would throw on it, so fall back to English. */
function canonical(lang: string): string {
  let tag = canonicalTags.get(lang);
  if (tag === undefined) {
    try {
      tag = Intl.getCanonicalLocales(lang.replace(/_/g, '-'))[0] ?? 'en';
    } catch {
      tag = 'en';
    }
    if (canonicalTags.size < 64) canonicalTags.set(lang, tag);
  }
  return tag;
}
