/** A job that runs soon after start and then every interval, inside the server. */
export interface PurgeSchedule {
  /** Stops the timers and waits for a run in progress, so the database can be closed after it. */
  stop(): Promise<void>;
}

export interface PurgeScheduleOptions {
  intervalMs: number;
  /** Until the first run: soon, but after the start, so that starting stays quick. */
  firstRunDelayMs: number;
}

/**
 * Runs `job` after `firstRunDelayMs`, then every `intervalMs`, never two runs at once. The timers are unref'd:
 * they never keep a process alive that has nothing else to do. A run that fails is for `job` to report; the
 * schedule goes on.
 */
export function schedulePurge(job: () => Promise<void>, options: PurgeScheduleOptions): PurgeSchedule {
  let running: Promise<void> | undefined;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = job()
      .catch(() => undefined)
      .finally(() => {
        running = undefined;
      });
  };
  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    run();
    interval = setInterval(run, options.intervalMs);
    interval.unref();
  }, options.firstRunDelayMs);
  first.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(interval);
      await running;
    },
  };
}
