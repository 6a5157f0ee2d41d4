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

/** Merges configuration layers; the first layer with a value wins for each key. */
export function mergeConfig(...layers: ReadonlyArray<PeerConfig | undefined>): PeerConfig {
  const merged: PeerConfig = {};
  for (const key of ['apiBase', 'country', 'region', 'timeout', 'fetch'] as const) {
    const value = layers.find((layer) => layer?.[key] !== undefined && layer[key] !== '')?.[key];
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  // String overrides combine per key: a widget may override one string and keep the provider's others.
  const strings: Record<string, object> = {};
  for (const layer of [...layers].reverse()) {
    for (const [locale, table] of Object.entries(layer?.strings ?? {})) {
      strings[locale] = { ...strings[locale], ...table };
    }
  }
  if (Object.keys(strings).length > 0) merged.strings = strings;
  return merged;
}
