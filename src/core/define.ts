/**
 * Registers a custom element without ever throwing on a page.
 * - The same class under the same tag again (the script was included twice): warn and keep the first.
 * - Another class already owns the tag (two versions of the library): warn and keep the first.
 * - The same class under a different tag: the registry forbids reusing a constructor, so register a subclass.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return; // not in a browser (server-side import)
  const existing = registry.get(tag);
  if (existing) {
    console.warn(
      existing === element
        ? `[peer-support-widgets] <${tag}> is already defined; the script seems to be included twice.`
        : `[peer-support-widgets] <${tag}> is already defined by another script or version; keeping the first.`,
    );
    return;
  }
  const alreadyUsed = registry.getName?.(element);
  registry.define(tag, alreadyUsed ? class extends element {} : element);
}
