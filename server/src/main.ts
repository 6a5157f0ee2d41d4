import { optionsFromEnv } from './env.ts';
import { startServer } from './server.ts';

/** `npm start`: configure from the environment, serve, and shut down cleanly on SIGTERM / SIGINT. */
async function main(): Promise<void> {
  const options = optionsFromEnv();
  const server = await startServer(options);
  // Demo accounts only (SEED=demo, never with NODE_ENV=production): new passwords on every start. Printed before
  // "listening on", so a script that waits for that line has them too.
  for (const signIn of server.demoSignIns) {
    process.stdout.write(`demo sign-in: ${signIn.login} / ${signIn.password} (${signIn.description})\n`);
  }
  process.stdout.write(`peer-support server listening on ${server.url}\n`);
  process.stdout.write(`demo page: ${server.url}/\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.logger.info('shutting down', { signal });
    server
      .close()
      .then(() => {
        server.logger.info('stopped');
        process.exit(0);
      })
      .catch((error: Error) => {
        server.logger.error('shutdown failed', { error: error.message });
        process.exit(1);
      });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `peer-support server failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
