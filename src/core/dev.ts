/**
 * Development-only diagnostics. Production builds define `__PEER_DEV__` as false, so these calls and their strings
 * are removed by minification; tests and the `development` export condition keep them.
 */
declare const __PEER_DEV__: boolean | undefined;

export const DEV: boolean = typeof __PEER_DEV__ === 'boolean' ? __PEER_DEV__ : true;

const warned = new WeakMap<Element, Set<string>>();

/** Warns once per element and message, naming the tag so a campus developer can find the element. */
export function devWarn(element: Element, message: string): void {
  if (!DEV) return;
  const seen = warned.get(element) ?? new Set<string>();
  if (seen.has(message)) return;
  seen.add(message);
  warned.set(element, seen);
  console.warn(`[peer-support-widgets] <${element.localName}>: ${message}`);
}
