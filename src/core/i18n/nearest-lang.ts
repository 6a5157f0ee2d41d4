/**
 * The language that applies to an element: its own `lang`, else the nearest ancestor's, crossing shadow roots
 * (a widget inside another component's shadow DOM still follows the page), else the document's, else the browser's.
 */
export function nearestLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return document.documentElement.lang || navigator.language || 'en';
}
