/**
 * Crisis help paints first. When a crisis panel is upgraded, the other widgets upgraded with it render one task later,
 * so their first render never shares a long task with the emergency number (issue 7, long tasks on a slow phone).
 *
 * Only then: a widget on a page with no crisis panel to wait for renders in the task it is upgraded in. Waiting a
 * task lets the browser paint the widget empty first, and everything below it then jumps down (a layout shift).
 */
let firstPaint: Promise<void> | undefined;

/** Called by a widget that must paint first, as it connects: holds the others' first renders until the next task. */
export function paintFirst(): void {
  firstPaint ??= nextTask().then(() => {
    firstPaint = undefined;
  });
}

/** Resolves when widgets may render: at once, or in the next task when crisis help is painting in this one. */
export function afterCrisisHelp(): Promise<void> | undefined {
  return firstPaint;
}

/** Resolves in a later task: `scheduler.yield()` where the browser has it (it keeps the task's priority), else a timer. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}
