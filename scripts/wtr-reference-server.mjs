// A web-test-runner plugin that runs the real reference server beside the test page, so browser tests talk to it
// over loopback (not a mock). Tests read its URL from GET /__reference-server.
import { startReferenceServer } from './start-reference-server.mjs';

export function referenceServerPlugin() {
  let server;
  let starting;
  return {
    name: 'peer-reference-server',
    async serverStart({ config }) {
      const testOrigin = `http://${config.hostname ?? 'localhost'}:${config.port}`;
      const origins = [testOrigin, testOrigin.replace('localhost', '127.0.0.1')].join(',');
      // Every browser test sends from 127.0.0.1: the per-address rate limits are for real campuses, not this.
      starting = startReferenceServer({
        env: {
          ALLOWED_ORIGINS: origins,
          SEED: 'demo',
          CHECK_IN_RATE_LIMIT: '0',
          PEER_REQUEST_RATE_LIMIT: '0',
          SIGN_IN_RATE_LIMIT: '0',
        },
      }).then((s) => (server = s));
      await starting;
    },
    async serverStop() {
      await server?.stop();
    },
    async serve(context) {
      if (context.path !== '/__reference-server') return undefined;
      await starting;
      // The demo supporter and supervisor (new passwords each start) for the supporter inbox's tests.
      const body = { url: server.url, apiBase: `${server.url}/api/v1`, demoSignIns: server.demoSignIns };
      return { body: JSON.stringify(body), type: 'json' };
    },
  };
}
