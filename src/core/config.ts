import { createContext } from '@lit/context';
import type { StringOverrides } from './i18n/catalog.js';

/**
 * What a `<peer-support-provider>` shares with every widget inside it. A widget's own attribute or property wins
 * over the provider's value, and the provider's over the defaults.
 */
export interface PeerConfig {
  /** Base URL of a compatible backend including its version path, e.g. "https://peer.example.edu/api/v1". */
  apiBase?: string;
  /** ISO 3166-1 alpha-2 country for crisis numbers, e.g. "US". */
  country?: string;
  /** ISO 3166-2 subdivision, e.g. "US-CA". */
  region?: string;
  /** Time limit for one request attempt, in milliseconds. */
  timeout?: number;
  /** A replacement transport (to add auth headers, or for tests). Defaults to the page's `fetch`. */
  fetch?: typeof fetch;
  /** Per-string overrides by locale. */
  strings?: StringOverrides;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/** Time limits outside 1 s … 2 min are mistakes (seconds given instead of milliseconds, or a typo). */
export function validTimeout(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value >= 1000 && value <= 120_000 ? value : undefined;
}

/**
 * A string key (not a Symbol) so that two copies of the library on one page still find each other's provider.
 */
export const peerConfigContext = createContext<PeerConfig>('peer-support-config');

const COUNTRY = /^[A-Z]{2}$/;
const SUBDIVISION = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

/**
 * "us", " US " → "US"; an old or informal code → the current one ("UK" → "GB"); anything that names no country
 * ("XX", "USA") → undefined, so the next configuration layer, or the browser's hint, applies instead.
 */
export function normalizeCountry(value: unknown): string | undefined {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!COUNTRY.test(code)) return undefined;
  if (!countries.has(code)) countries.set(code, countryOf(code));
  return countries.get(code);
}

/**
 * The regions CLDR names (ISO 3166-1 alpha-2 with its exceptional reservations, and XK) as a bitmap in base64, one
 * bit per letter pair AA…ZZ (bit 26·first + second), and the old codes CLDR maps onto them (UK → GB, YU → RS…),
 * four letters each. The same answers as `Intl.Locale` and `Intl.DisplayNames` give (a test compares all 676 pairs),
 * without them: the first use of Intl's region data costs 0.5–0.9 s on a slowed phone, inside the crisis panel's
 * first render.
 */
const REGIONS =
  'fFnf7u+93d4/P5QVgNUADgBcCbCf+xUAjQYceA9AQAMAHSv0QYFP/fz/1yVLCAABQDyPUwEAAEAAUfH953q7n5pBEARXhUAAAkAAAAEAEAAIBEAAAQ==';
const ALIASES =
  'ANCWBUMMCSRSCTKIDDDEDYBJFQAQFXFRHVBFJTUMMIUMNHVUNQAQNTSAPCFMPUUMPZPARHZWSURUTPTLUKGBVDVNWKUMYDYEYURSZRCD';
const countries = new Map<string, string | undefined>();
let regionBits: string | undefined;

function countryOf(code: string): string | undefined {
  for (let i = 0; i < ALIASES.length; i += 4) if (ALIASES.slice(i, i + 2) === code) return ALIASES.slice(i + 2, i + 4);
  regionBits ??= atob(REGIONS);
  const bit = (code.charCodeAt(0) - 65) * 26 + code.charCodeAt(1) - 65;
  return (regionBits.charCodeAt(bit >> 3) >> (bit & 7)) & 1 ? code : undefined;
}

/** "us-ca", "US_CA" → "US-CA"; anything that is not an ISO 3166-2 code → undefined. */
export function normalizeRegion(value: unknown): string | undefined {
  const code = typeof value === 'string' ? value.trim().toUpperCase().replace('_', '-') : '';
  return SUBDIVISION.test(code) ? code : undefined;
}

/**
 * One configuration layer in its clean form: codes upper-cased and checked, blank strings and out-of-range time
 * limits dropped (so the next layer's value applies). Every layer goes through this once, in `mergeConfig`, so a
 * widget, a provider and a default all reach the elements in the same form.
 */
export function normalizeConfig(layer: PeerConfig | undefined): PeerConfig {
  if (!layer) return {};
  const apiBase = typeof layer.apiBase === 'string' ? layer.apiBase.trim() : undefined;
  return {
    apiBase: apiBase || undefined,
    country: normalizeCountry(layer.country),
    region: normalizeRegion(layer.region),
    timeout: validTimeout(typeof layer.timeout === 'string' ? Number(layer.timeout) : layer.timeout),
    fetch: typeof layer.fetch === 'function' ? layer.fetch : undefined,
    strings: layer.strings,
  };
}

/** Merges configuration layers, each normalised; the first layer with a value wins for each key. */
export function mergeConfig(...rawLayers: ReadonlyArray<PeerConfig | undefined>): PeerConfig {
  const layers = rawLayers.map(normalizeConfig);
  const merged: PeerConfig = {};
  for (const key of ['apiBase', 'country', 'region', 'timeout', 'fetch'] as const) {
    const value = layers.find((layer) => layer[key] !== undefined)?.[key];
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  // String overrides combine per key: a widget may override one string and keep the provider's others.
  const strings: Record<string, object> = {};
  for (const layer of [...layers].reverse()) {
    for (const [locale, table] of Object.entries(layer.strings ?? {})) {
      strings[locale] = { ...strings[locale], ...table };
    }
  }
  if (Object.keys(strings).length > 0) merged.strings = strings;
  return merged;
}
