import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A value worked out at most once per update of its host (a render reads the language or the configuration
 * dozens of times), and afresh on every read outside an update, so it is never stale between updates.
 */
export class PerUpdate<T> implements ReactiveController {
  private value: T | undefined;
  private cached = false;
  private updating = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly compute: () => T,
  ) {
    host.addController(this);
  }

  get(): T {
    if (this.cached) return this.value as T;
    const value = this.compute();
    if (this.updating) {
      this.value = value;
      this.cached = true;
    }
    return value;
  }

  hostUpdate(): void {
    this.updating = true;
    this.cached = false;
  }

  hostUpdated(): void {
    this.updating = false;
    this.cached = false;
    this.value = undefined;
  }
}
