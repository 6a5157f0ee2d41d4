// Starts the real reference server as a child process on a free loopback port and resolves with its URL once it
// prints "listening on", with the demo sign-ins it printed (SEED=demo). Used by the browser and end-to-end tests.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('../server/', import.meta.url));

/**
 * `env` adds to (or, with `undefined` values, removes from) the server's environment; `wrap` may put a command in
 * front of node, such as `taskset` for benchmarks: `(command, args) => [command, args]`.
 */
export function startReferenceServer({ env = {}, timeoutMs = 60000, wrap = (command, args) => [command, args] } = {}) {
  const [command, args] = wrap(process.execPath, ['--import', 'tsx', 'src/main.ts']);
  const merged = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory://', LOG_LEVEL: 'error', ...env };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  const child = spawn(command, args, { cwd: serverDir, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`reference server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stdout.resume();
        // With SEED=demo the server prints the demo accounts' sign-ins (new passwords each start) before listening.
        const demoSignIns = [...output.matchAll(/^demo sign-in: (\S+) \/ (\S+) \((.*)\)$/gm)].map(
          ([, login, password, description]) => ({ login, password, description }),
        );
        resolve({ url: match[1], demoSignIns, stop: () => stopChild(child) });
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`reference server exited with ${code} before listening:\n${output}`));
    });
  });
}

function stopChild(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10000).unref();
  });
}
