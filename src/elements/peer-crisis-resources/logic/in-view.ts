import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether any part of one element of the host's shadow root is in the viewport, from an `IntersectionObserver`.
 * Until the browser has said, and where it cannot, the answer is "in view": the guess under which nothing moves.
 */
export class InView implements ReactiveController {
  private observer?: IntersectionObserver;
  private target?: Element;
  private seen = true;

  constructor(
    host: ReactiveControllerHost,
    /** Finds the element to watch, after each update (it may be re-rendered). */
    private readonly find: () => Element | null,
  ) {
    host.addController(this);
  }

  /** True unless the browser last reported the element wholly outside the viewport (or hidden). */
  get now(): boolean {
    return this.seen;
  }

  hostUpdated(): void {
    const target = this.find() ?? undefined;
    if (target === this.target) return;
    this.observer?.disconnect();
    this.target = target;
    this.seen = true;
    this.observe();
  }

  hostConnected(): void {
    this.observe();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.seen = true;
  }

  private observe(): void {
    if (!this.target || typeof IntersectionObserver !== 'function') return;
    this.observer ??= new IntersectionObserver((entries) => {
      const entry = entries.at(-1);
      if (entry) this.seen = entry.isIntersecting;
    });
    this.observer.observe(this.target);
  }
}
