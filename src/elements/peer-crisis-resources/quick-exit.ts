import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Shift presses this close together, with no other key between them, trigger the exit. */
const PRESS_WINDOW_MS = 1500;
const PRESSES = 3;

/**
 * Quick exit, the GOV.UK pattern: blank the page at once, then replace the location so the Back button does not
 * return here. Replacing the location removes this page from the tab's history stack but does not clear the
 * browser's history, which the widget says plainly.
 */
export function leaveNow(url: string): void {
  // CSSOM changes are allowed under a strict CSP (only inline style attributes in markup are blocked).
  document.documentElement.style.setProperty('display', 'none', 'important');
  document.title = '';
  location.replace(url);
}

/** Listens for Shift pressed three times in a row, anywhere on the page, while `url()` gives an exit address. */
export class QuickExitShortcut implements ReactiveController {
  private presses: number[] = [];

  constructor(
    host: ReactiveControllerHost,
    private readonly url: () => string | null,
    private readonly exit: (url: string) => void = leaveNow,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.onKeyDown, true);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.onKeyDown, true);
    this.presses = [];
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Shift') {
      this.presses = []; // typing capitals (Shift + a letter) never counts
      return;
    }
    if (event.repeat) return;
    const now = event.timeStamp;
    this.presses = [...this.presses.filter((time) => now - time < PRESS_WINDOW_MS), now];
    const url = this.url();
    if (url && this.presses.length >= PRESSES) {
      this.presses = [];
      this.exit(url);
    }
  };
}
