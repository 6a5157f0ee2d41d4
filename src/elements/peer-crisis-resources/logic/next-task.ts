/** The part of the Prioritized Task Scheduling API used here (Chromium 129+, Firefox 142+). */
interface YieldingScheduler {
  yield(): Promise<void>;
}

/**
 * Resolves in a later task, so that the browser can handle input and paint in between. `scheduler.yield()` where the
 * browser has it (the continuation runs before other queued work of the same priority); otherwise a message to
 * ourselves, which, unlike `setTimeout(…, 0)`, is not clamped to 4 ms when nested.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
