// Where the test browser lives. Browser downloads fail on these machines, so we use a system Chromium and say
// plainly how to get one when it is missing.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Flags for headless Chromium here: no sandbox (tests run as root), no GPU, and nothing that reaches for the
 * network on its own (these machines have none; Chromium would retry and slow every run).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function resolveChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    fail(`CHROME_PATH is set to ${fromEnv}, but there is no browser there.`);
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  fail('No Chromium found.');
}

function fail(reason) {
  console.error(
    `${reason} Install one with "apt-get install chromium" (Debian/Ubuntu) or set CHROME_PATH to a Chromium or Chrome binary.`,
  );
  process.exit(1);
}
