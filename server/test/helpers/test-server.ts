import type { Database } from '../../src/db/database.ts';
import { defaultHandlers } from '../../src/routes/index.ts';
import { startServer, type RunningServer, type StartServerOptions } from '../../src/server.ts';
import type { ScryptCost } from '../../src/supporters/passwords.ts';
import { loadTestContract } from './test-contract.ts';
import { createTestState, testHandlers, type TestHandlerState } from './test-handlers.ts';

/** scrypt at 1 MiB: the same code path as the real cost, about a thousandth of its work. */
export const TEST_PASSWORD_COST: ScryptCost = { N: 1024, r: 8, p: 1 };

export interface TestServer extends RunningServer {
  state: TestHandlerState;
}

/**
 * A real server on a free loopback port, on the given (shared) database, with the test-only operations and
 * response checking switched on. Logs are silent unless the test asks otherwise. The scheduled retention purge is
 * off unless asked for, so that its statements never land in a test that counts queries.
 */
export async function startTestServer(
  database: Database,
  options: StartServerOptions & { state?: TestHandlerState } = {},
): Promise<TestServer> {
  const state = options.state ?? createTestState();
  const server = await startServer({
    port: 0,
    database,
    logLevel: 'silent',
    validateResponses: true,
    contract: await loadTestContract(),
    handlers: { ...defaultHandlers, ...testHandlers(state) },
    retention: { intervalMs: 0 },
    ...options,
    // Passwords hashed at a test's cost, so that demo seeds and sign-ins take milliseconds, not a second.
    peerRequests: { passwordCost: TEST_PASSWORD_COST, ...options.peerRequests },
  });
  return Object.assign(server, { state });
}

export function problemOf(response: Response): Promise<{
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: Array<{ field: string; message: string }>;
}> {
  return response.json() as never;
}
