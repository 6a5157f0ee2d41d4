import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps one element of the host's shadow root from getting shorter while its width stays the same, so that content
 * below it on the page never moves up when what is inside is replaced by something shorter (the pasted fallback
 * giving way to campus services, a "may be out of date" note going away after a retry).
 *
 * A `ResizeObserver` reads the element's height after each layout and sets it as the element's `min-block-size`.
 * Its callbacks run after layout and before paint, so the floor is in place before the frame is shown, and the next
 * change that would shrink the element lays out against it. A new width (a rotated phone, a resized window) starts
 * over from the natural height, and so does `reset()`, for a change the student made (another country).
 */
export class KeepHeight implements ReactiveController {
  private observer?: ResizeObserver;
  private target?: HTMLElement;
  private width = 0;
  private height = 0;

  constructor(
    host: ReactiveControllerHost,
    /** Finds the element to hold, after each update (it may be re-rendered). */
    private readonly find: () => HTMLElement | null,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const target = this.find() ?? undefined;
    if (target === this.target) return;
    this.observer?.disconnect();
    this.target = target;
    this.width = 0;
    this.height = 0;
    this.observe();
  }

  /** Moved to another place on the page: the height is taken afresh there, before anything can shrink it. */
  hostConnected(): void {
    this.observe();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.reset();
    this.width = 0;
  }

  /** Lets the element take its natural height again. */
  reset(): void {
    this.height = 0;
    this.target?.style.removeProperty('min-block-size');
  }

  private observe(): void {
    if (!this.target) return;
    this.observer ??= new ResizeObserver((entries) => this.measured(entries));
    // The border box, so that padding a page gives the part is measured, then taken off the floor (see `measured`).
    this.observer.observe(this.target, { box: 'border-box' });
  }

  private measured(entries: ResizeObserverEntry[]): void {
    const target = this.target;
    const box = entries.at(-1)?.borderBoxSize[0];
    if (!target || !box || box.inlineSize === 0) return; // hidden (the banner's closed panel): nothing to hold
    if (box.inlineSize !== this.width) {
      const first = this.width === 0;
      this.width = box.inlineSize;
      if (!first) {
        // Let go before the next layout, not here: an element resized from its own observer's callback is an
        // error ("ResizeObserver loop…"). Its natural height at the new width is then read as a change of its own.
        requestAnimationFrame(() => this.reset());
        return;
      }
    }
    if (box.blockSize <= this.height) return;
    this.height = box.blockSize;
    // min-block-size sizes the content box unless the page made it the border box: hold the same box it measures.
    const style = getComputedStyle(target);
    const edges =
      style.boxSizing === 'border-box'
        ? 0
        : ['padding-block-start', 'padding-block-end', 'border-block-start-width', 'border-block-end-width']
            .map((name) => parseFloat(style.getPropertyValue(name)) || 0)
            .reduce((sum, value) => sum + value, 0);
    // Rounded up to the 1/64 px that layout works in, so the floor is never a hair under the height it holds.
    target.style.setProperty('min-block-size', `${Math.ceil((box.blockSize - edges) * 64) / 64}px`);
  }
}
