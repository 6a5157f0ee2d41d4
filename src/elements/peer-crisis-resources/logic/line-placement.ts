import type { CrisisResource } from '../data/crisis-data.js';

/** The services on screen for a country, in their places: the main list, and those added after a kept fallback. */
export interface Arranged {
  beforeFallback: CrisisResource[];
  afterFallback: CrisisResource[];
}

/**
 * Where each crisis service goes on screen, per country, so that better data arriving never moves what a student
 * may be reading or about to tap.
 *
 * A country's first render places every service known then, in display order (most available first). A service
 * placed stays placed and keeps its place: open or closed changes its words, not its place. Services that arrive
 * later are added after those on screen; while the pasted fallback stays on screen they go after it, and once one
 * has, the fallback stays for that country (hiding it would move them up). While no part of the list is in view,
 * nothing a student sees can move, so an addition re-sorts the whole list in display order instead: a campus's own
 * line can still lead.
 */
export class LinePlacement {
  /** Ids in their order on screen. */
  private readonly placed = new Map<string, string[]>();
  /** Ids placed after the pasted fallback. */
  private readonly afterFallback = new Map<string, Set<string>>();
  /** Ids added while the fallback showed, not yet arranged. */
  private readonly late = new Map<string, Set<string>>();

  /** A country's first render: every service known now, in display order. */
  begin(country: string, order: readonly CrisisResource[]): void {
    if (!this.placed.has(country))
      this.placed.set(
        country,
        order.map((resource) => resource.id),
      );
  }

  /** The services in display order that are not on screen yet (none before the country's first render). */
  missing(country: string, order: readonly CrisisResource[]): CrisisResource[] {
    const placed = this.placed.get(country);
    if (!placed) return [];
    const ids = new Set(placed);
    return order.filter((resource) => !ids.has(resource.id));
  }

  /** The services on screen, in display order's records, in their places. */
  shown(country: string, order: readonly CrisisResource[]): CrisisResource[] {
    const byId = new Map(order.map((resource) => [resource.id, resource]));
    return (this.placed.get(country) ?? []).flatMap((id) => byId.get(id) ?? []);
  }

  /** Places services that arrived: after those on screen, or, while the list is out of view, in display order. */
  add(country: string, added: readonly CrisisResource[], order: readonly CrisisResource[], inView: boolean): void {
    const placed = this.placed.get(country);
    if (!placed) return;
    const ids = new Set([...placed, ...added.map((resource) => resource.id)]);
    if (inView) {
      for (const resource of added) {
        placed.push(resource.id);
        let late = this.late.get(country);
        if (!late) this.late.set(country, (late = new Set()));
        late.add(resource.id);
      }
      return;
    }
    const sorted = order.map((resource) => resource.id).filter((id) => ids.has(id));
    const rest = [...ids].filter((id) => !sorted.includes(id));
    this.placed.set(country, [...sorted, ...rest]);
    this.afterFallback.delete(country);
    this.late.delete(country);
  }

  /** Whether services were placed after the fallback: it then stays, whatever covers it later. */
  keepsFallback(country: string): boolean {
    return (this.afterFallback.get(country)?.size ?? 0) > 0;
  }

  /**
   * Splits the services on screen around the fallback. While it shows, services added since it last hid go after
   * it, and stay there; otherwise they join the main list.
   */
  arrange(country: string, shown: readonly CrisisResource[], fallbackShown: boolean): Arranged {
    const late = this.late.get(country) ?? new Set<string>();
    let after = this.afterFallback.get(country);
    if (fallbackShown && late.size) {
      if (!after) this.afterFallback.set(country, (after = new Set()));
      for (const id of late) after.add(id);
    }
    this.late.delete(country);
    if (!fallbackShown || !after?.size) return { beforeFallback: [...shown], afterFallback: [] };
    return {
      beforeFallback: shown.filter((resource) => !after.has(resource.id)),
      afterFallback: shown.filter((resource) => after.has(resource.id)),
    };
  }
}
