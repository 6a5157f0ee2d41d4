// Shared by the browser benchmarks (bench/render.mjs, bench/page-load.mjs): a headless Chromium pinned to one core,
// order statistics, and the table printer used when a benchmark runs on its own.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, resolveChromium } from '../scripts/chromium.mjs';

/** True when the module with this `import.meta.url` is the script node was started with. */
export function isMain(moduleUrl) {
  return Boolean(process.argv[1]) && moduleUrl === pathToFileURL(process.argv[1]).href;
}

export function have(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function cores() {
  return Number(spawnSync('nproc', [], { encoding: 'utf8' }).stdout?.trim()) || 1;
}

/**
 * Why no browser can run, or null when one can: resolveChromium() exits the process when it finds none, which would
 * end `npm run bench` before its other figures.
 */
export function chromiumMissing() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? null : `CHROME_PATH is set to ${fromEnv}, but there is no browser there`;
  const found = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].some(existsSync);
  return found ? null : 'no Chromium found (apt-get install chromium, or set CHROME_PATH)';
}

/**
 * `taskset -c <core>` for a command when taskset exists and the machine has that core; otherwise the command as is.
 * Returns `[command, args, pinnedTo]` where pinnedTo is the core or null.
 */
export function pinned(core, command, args) {
  if (have('taskset') && cores() > core) return ['taskset', ['-c', String(core), command, ...args], core];
  return [command, args, null];
}

/**
 * Headless Chromium with every process (browser, renderers, GPU) on one core: a wrapper script execs the browser
 * under `taskset -c <core>`, so processes started later inherit the pinning. `close()` stops the browser and removes
 * the wrapper.
 */
export async function launchChromium({ core = 1 } = {}) {
  const executable = resolveChromium();
  const [command, prefix, pinnedTo] = pinned(core, executable, []);
  let executablePath = executable;
  let wrapperDir;
  if (pinnedTo !== null) {
    wrapperDir = mkdtempSync(join(tmpdir(), 'peer-bench-chromium-'));
    executablePath = join(wrapperDir, 'chromium');
    const quoted = [command, ...prefix].map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(' ');
    writeFileSync(executablePath, `#!/bin/sh\nexec ${quoted} "$@"\n`);
    chmodSync(executablePath, 0o755);
  }
  try {
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
    return {
      browser,
      pinnedTo,
      version: browser.version(),
      async close() {
        await browser.close().catch(() => {});
        if (wrapperDir) rmSync(wrapperDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (wrapperDir) rmSync(wrapperDir, { recursive: true, force: true });
    throw error;
  }
}

/** min / median / max of numbers, ignoring null; null when there are none. */
export function spread(values) {
  const sorted = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { min: sorted[0], median, max: sorted[sorted.length - 1], n: sorted.length };
}

/** Rounds to `digits` decimals (numbers only; null stays null). */
export function round(value, digits = 1) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A promise that rejects after `ms` with a message, to bound every wait. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Prints `{ title, headers, rows }` tables the way bench/run.mjs does. */
export function printTables(tables) {
  for (const { title, headers, rows } of tables) {
    const cells = [headers, ...rows].map((row) =>
      row.map((cell) => (typeof cell === 'number' ? cell.toLocaleString('en-US') : String(cell ?? 'n/a'))),
    );
    const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
    const line = (row) =>
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
        .join('  ');
    console.log(`\n${title}`);
    console.log(line(cells[0]));
    console.log(widths.map((width) => '-'.repeat(width)).join('  '));
    for (const row of cells.slice(1)) console.log(line(row));
  }
}
