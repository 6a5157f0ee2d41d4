/** Reading an element's shadow root in tests: queries, its text as a reader gets it, waits, and its live region. */

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
export const text = (node: Node | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `predicate` holds (polling each frame), or fails after `ms`. */
export async function until(predicate: () => boolean, ms = 3000, what = 'a condition'): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** The element's polite live region text, after the announcer's tick. */
export async function announced(el: Element): Promise<string> {
  await sleep(80);
  return text($(el, '[part="live-region"]'));
}
