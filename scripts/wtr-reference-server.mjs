// A web-test-runner plugin that runs the real reference server beside the test page, so browser tests talk to it
// over loopback (not a mock). Tests read its URL from GET /__reference-server, with the supporter accounts below.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startReferenceServer } from './start-reference-server.mjs';

const serverDir = fileURLToPath(new URL('../server/', import.meta.url));
const seedScript = fileURLToPath(new URL('./seed-test-supporters.mts', import.meta.url));

/**
 * The supporter inbox's test accounts (scripts/seed-test-supporters.mts): test.supporter (Sam), test.peer (Casey)
 * and test.supervisor (Jordan), trained; test.untrained (Riley); test.expired (Morgan, training expired two days ago).
 */
const LOGINS = ['test.supporter', 'test.peer', 'test.supervisor', 'test.untrained', 'test.expired'];

export function referenceServerPlugin() {
  let server;
  let starting;
  let dataDir;
  // New passwords every run, handed to tests over loopback only.
  const supporters = Object.fromEntries(LOGINS.map((login) => [login, randomBytes(12).toString('base64url')]));
  return {
    name: 'peer-reference-server',
    async serverStart({ config }) {
      const testOrigin = `http://${config.hostname ?? 'localhost'}:${config.port}`;
      const origins = [testOrigin, testOrigin.replace('localhost', '127.0.0.1')].join(',');
      starting = (async () => {
        // The accounts go into a fresh embedded database before the server opens it (with the demo seed on top).
        dataDir = mkdtempSync(path.join(tmpdir(), 'peer-wtr-'));
        await promisify(execFile)(
          process.execPath,
          ['--import', 'tsx', seedScript, dataDir, JSON.stringify(supporters)],
          { cwd: serverDir },
        );
        // Every browser test sends from 127.0.0.1: the per-address rate limits are for real campuses, not this.
        server = await startReferenceServer({
          env: {
            ALLOWED_ORIGINS: origins,
            SEED: 'demo',
            DATA_DIR: dataDir,
            CHECK_IN_RATE_LIMIT: '0',
            PEER_REQUEST_RATE_LIMIT: '0',
            SIGN_IN_RATE_LIMIT: '0',
          },
        });
      })();
      await starting;
    },
    async serverStop() {
      await server?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    async serve(context) {
      if (context.path !== '/__reference-server') return undefined;
      await starting;
      const body = {
        url: server.url,
        apiBase: `${server.url}/api/v1`,
        // The demo supporter and supervisor (new passwords each start), and the test accounts above.
        demoSignIns: server.demoSignIns,
        supporters,
      };
      return { body: JSON.stringify(body), type: 'json' };
    },
  };
}
