/** The `peer-*` events declared in `HTMLElementEventMap`, with their detail types. */
export type PeerEventName = {
  [K in keyof HTMLElementEventMap]: K extends `peer-${string}`
    ? HTMLElementEventMap[K] extends CustomEvent
      ? K
      : never
    : never;
}[keyof HTMLElementEventMap];

export type PeerEventDetail<K extends PeerEventName> = HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches a `peer-*` event the way every widget does: bubbling and composed, so a host page hears it from
 * inside shadow roots; the name and `detail` are checked against `HTMLElementEventMap`. Pass `cancelable` before an
 * action the host may want to stop. Returns false when a listener called `preventDefault()`.
 */
export function emit<K extends PeerEventName>(
  target: EventTarget,
  name: K,
  detail: PeerEventDetail<K>,
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}

declare global {
  // Every peer-* event bubbles and is composed (emit() dispatches them all that way), so a page may listen on
  // document or window: each one HTMLElementEventMap holds is typed there too, once for every element.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends Pick<HTMLElementEventMap, PeerEventName> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface WindowEventMap extends Pick<HTMLElementEventMap, PeerEventName> {}
}
