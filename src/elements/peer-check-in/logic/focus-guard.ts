/**
 * Where focus is, seen from `host`: the focused element inside its shadow root; `null` when focus is nowhere (the
 * page's body, or the element itself with nothing inside it focused); `undefined` when it is somewhere else (another
 * part of the page).
 */
export function focusIn(host: HTMLElement): Element | null | undefined {
  const doc = host.ownerDocument;
  const active = doc.activeElement;
  if (!active || active === doc.body || active === doc.documentElement) return null;
  if (active !== host) return undefined;
  return host.shadowRoot?.activeElement ?? null;
}

/**
 * Remembers where focus was when something started (a send, a click), so that a focus move after an await happens
 * only if the student has not gone elsewhere meanwhile: a student who tabbed to "Call 988" while a check-in was
 * waiting must stay there when it is sent. `undisturbed()` holds when focus is nowhere, still where it was, or on an
 * element `alsoFine` accepts (the send button, the status area).
 */
export class FocusMark {
  private readonly at: Element | null | undefined;

  constructor(
    private readonly host: HTMLElement,
    private readonly alsoFine: (element: Element) => boolean = () => false,
  ) {
    this.at = focusIn(host);
  }

  undisturbed(): boolean {
    const now = focusIn(this.host);
    if (now === null) return true;
    if (now === undefined) return false;
    return now === this.at || this.alsoFine(now);
  }
}
