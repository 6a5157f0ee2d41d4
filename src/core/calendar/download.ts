/**
 * Hands an `.ics` text to the browser as a download: a Blob behind an object URL, clicked through a temporary
 * `<a download>`. Nothing goes over the network, and nothing is assigned to a Trusted Types sink, so it works under
 * `require-trusted-types-for 'script'` and a strict CSP.
 *
 * The object URL is released `revokeAfterMs` later (default 40 s): Safari reads the file only after the click has
 * returned, so releasing it at once would leave an empty or failed download there.
 *
 * @param doc The document to click in (the element's own `ownerDocument`); its window makes the Blob and URL.
 */
export function downloadCalendar(
  ics: string,
  fileName: string,
  doc: Document = document,
  revokeAfterMs = 40_000,
): void {
  const view = doc.defaultView ?? window;
  const url = view.URL.createObjectURL(new view.Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  // In the document while it is clicked: older Firefox ignores clicks on a detached link.
  (doc.body ?? doc.documentElement).append(link);
  link.click();
  link.remove();
  view.setTimeout(() => view.URL.revokeObjectURL(url), revokeAfterMs);
}
