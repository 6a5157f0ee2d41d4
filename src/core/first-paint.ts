/**
 * Crisis help paints first. When a crisis panel is upgraded, the other widgets upgraded in the same task then render
 * one after another, each in a task of its own, so that neither the emergency number nor any widget shares a long
 * task with the rest (issue 7: no task over 50 ms on a slow phone).
 *
 * Only then: a widget on a page with no crisis panel to wait for renders in the task it is upgraded in, and so does a
 * widget created once the queue has started (one inside another's template). Waiting a task lets the browser paint
 * the widget empty first, and everything below it then jumps down (a layout shift).
 */
let queue: Promise<void> = Promise.resolve();
/** Whether widgets upgraded now take a turn in the queue: only in the task in which crisis help paints. */
let accepting = false;

/** Called by a widget that must paint first, as it connects: the others upgraded in this task take turns after it. */
export function paintFirst(): void {
  if (accepting) return;
  accepting = true;
  queue = nextTask().then(() => {
    accepting = false;
  });
}

/** Resolves when this widget may render: at once (undefined), or in its own task after crisis help and those before it. */
export function afterCrisisHelp(): Promise<void> | undefined {
  if (!accepting) return undefined;
  const turn = queue;
  queue = turn.then(nextTask);
  return turn;
}

/** Resolves in a later task: `scheduler.yield()` where the browser has it (it keeps the task's priority), else a timer. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}
