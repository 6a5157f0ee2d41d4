import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Shift pressed this close together (first press down to last press up), with nothing else between, exits. */
const PRESS_WINDOW_MS = 1500;
const PRESSES = 3;

/**
 * Pointer actions. Holding Shift while clicking (selecting rows or text with Shift+click), while pressing or releasing
 * a button or touching the screen, or while scrolling sideways is not a press of Shift: any of these cancels the press
 * in progress and restarts the count.
 */
// `click` too: a page may stop the pointer and mouse events of its own widgets before they reach the document.
const POINTER_EVENTS = [
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'click',
  'touchstart',
  'touchend',
  'wheel',
] as const;
/** An input method at work: Shift often switches its mode, which must never count. */
const COMPOSITION_EVENTS = ['compositionstart', 'compositionupdate', 'compositionend'] as const;
const RESETTING_EVENTS = [...POINTER_EVENTS, ...COMPOSITION_EVENTS];

const listening: AddEventListenerOptions = { capture: true, passive: true };

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

/**
 * Listens for Shift pressed three times in a row, anywhere on the page, while `url()` gives an exit address.
 *
 * A press counts when it is released: Shift goes down and comes up again with no other key, no pointer action and no
 * input-method composition in between. So Shift held for Shift+click, Shift+A or an input method's mode switch never
 * counts, and any of those also restarts the count. Left and right Shift count alike. Nothing is ever prevented:
 * what the student types and clicks goes through untouched.
 */
export class QuickExitShortcut implements ReactiveController {
  /** When each counted press went down. */
  private presses: number[] = [];
  /** When the Shift press in progress went down, until it comes up or something cancels it. */
  private pressedAt: number | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly url: () => string | null,
    private readonly exit: (url: string) => void = leaveNow,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.onKeyDown, listening);
    document.addEventListener('keyup', this.onKeyUp, listening);
    for (const type of RESETTING_EVENTS) document.addEventListener(type, this.reset, listening);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.onKeyDown, listening);
    document.removeEventListener('keyup', this.onKeyUp, listening);
    for (const type of RESETTING_EVENTS) document.removeEventListener(type, this.reset, listening);
    this.reset();
  }

  private readonly reset = (): void => {
    this.presses = [];
    this.pressedAt = undefined;
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (!isPlainShift(event)) {
      this.reset(); // typing, capitals (Shift + a letter) and input methods never count
      return;
    }
    if (!event.repeat) this.pressedAt = event.timeStamp;
  };

  private readonly onKeyUp = (event: KeyboardEvent): void => {
    if (!isPlainShift(event)) {
      this.reset();
      return;
    }
    const down = this.pressedAt;
    this.pressedAt = undefined;
    if (down === undefined) return; // its keydown was cancelled, or came before we listened
    const now = event.timeStamp;
    // A press held longer than the whole window is not a tap, and drops out like the old ones.
    this.presses = [...this.presses, down].filter((time) => now - time < PRESS_WINDOW_MS);
    const url = this.url();
    if (url && this.presses.length >= PRESSES) {
      this.reset();
      this.exit(url);
    }
  };
}

/** Shift itself, from the keyboard, with no input method composing (229 and "Process" are an IME's keys). */
function isPlainShift(event: KeyboardEvent): boolean {
  return event.key === 'Shift' && !event.isComposing && event.keyCode !== 229;
}
