import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * A polite live region inside the element's shadow root. `announce()` tells screen-reader users about a status
 * change (results loaded, request sent) without moving focus. Render `announcer.region()` once in the template.
 */
export class AnnouncerController implements ReactiveController {
  private message = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  announce(message: string): void {
    clearTimeout(this.timer);
    // Clear first, then set after a tick: screen readers only speak a region's text when it changes, and the same
    // message twice in a row ("Request sent.") must be spoken twice.
    this.message = '';
    this.host.requestUpdate();
    this.timer = setTimeout(() => {
      this.message = message;
      this.host.requestUpdate();
    }, 50);
  }

  /** The text currently in the region (for tests and for hosts that mirror it). */
  get current(): string {
    return this.message;
  }

  region(): TemplateResult {
    return html`<div part="live-region" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      ${this.message}
    </div>`;
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }
}
