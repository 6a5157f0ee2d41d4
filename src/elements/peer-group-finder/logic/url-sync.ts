import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { filtersFromParams, filtersToParams, sameFilters, emptyFilters, type GroupFilters } from './filters.js';

export interface UrlSyncOptions {
  /** Whether the page asked for it (`sync-url`); read on every call, so the attribute may change. */
  enabled: () => boolean;
  /**
   * Back or Forward moved to another entry: `filters` are the ones its URL names, or undefined when it names none
   * (the entry from before the first search, whose filters came from the attributes).
   */
  onNavigate: (filters: GroupFilters | undefined) => void;
}

/**
 * Reflects the filters in the page's URL so a search can be bookmarked, shared and deep-linked, and follows Back and
 * Forward. A settled change (a box ticked) is a new history entry; typing replaces the current one, so Back does
 * not step through every word. Only this element's parameters are written; the page's own are kept, and so is
 * `history.state` (a single-page app's router keeps its own data there).
 */
export class UrlSync implements ReactiveController {
  private readonly onPopState = () => {
    if (this.options.enabled()) this.options.onNavigate(this.read());
  };

  constructor(
    host: ReactiveControllerHost,
    private readonly options: UrlSyncOptions,
  ) {
    host.addController(this);
  }

  /** The filters the page's URL names now, or undefined when it names none. */
  read(): GroupFilters | undefined {
    return filtersFromParams(new URLSearchParams(window.location.search));
  }

  /**
   * Writes `filters` to the URL: `push` a new entry, or `replace` the current one; nothing when the URL already
   * means them. A URL naming no filter means `fallback` (the attributes' filters), so no filters at all over a
   * non-empty fallback are written as an empty `q=`.
   */
  write(filters: GroupFilters, mode: 'push' | 'replace', fallback: GroupFilters = emptyFilters()): void {
    if (!this.options.enabled()) return;
    const url = new URL(window.location.href);
    if (sameFilters(filtersFromParams(url.searchParams) ?? fallback, filters)) return;
    const params = filtersToParams(filters, url.searchParams);
    if (sameFilters(filters, emptyFilters()) && !sameFilters(fallback, emptyFilters())) params.append('q', '');
    url.search = params.toString();
    if (mode === 'push') window.history.pushState(window.history.state, '', url.href);
    else window.history.replaceState(window.history.state, '', url.href);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
  }
}
