// The browser tests' supporter accounts (scripts/wtr-reference-server.mjs), added to an embedded database in one
// process through the supporters command line's own code. Prints nothing secret: the passwords come from the caller.
// Usage (from server/): node --import tsx ../scripts/seed-test-supporters.mts <DATA_DIR> '{"login":"password",…}'
import { migrate } from '../server/src/db/migrate.ts';
import { openDatabase } from '../server/src/db/open-database.ts';
import { defaultPaths } from '../server/src/paths.ts';
import { runSupporterCommand } from '../server/src/supporters/supporter-commands.ts';

const [dataDir, json] = process.argv.slice(2);
const accounts = JSON.parse(json!) as Record<string, string>;
const db = await openDatabase({ kind: 'pglite', dataDir: dataDir! });
await migrate(db, defaultPaths.migrations);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
// A cheap scrypt cost: these accounts live for one test run on loopback (sign-in verifies with the hash's own cost).
const cost = { N: 2 ** 10, r: 8, p: 1 };
const run = (args: string[], password = '') =>
  runSupporterCommand(args, { db, readPassword: async () => password, cost });
await run(['add', 'test.supporter', '--name', 'Sam', '--password-stdin'], accounts['test.supporter']);
await run(['train', 'test.supporter', '--completed', day(-30)]);
await run(['add', 'test.peer', '--name', 'Casey', '--password-stdin'], accounts['test.peer']);
await run(['train', 'test.peer', '--completed', day(-30)]);
await run(
  ['add', 'test.supervisor', '--name', 'Jordan', '--role', 'supporter', '--role', 'supervisor', '--password-stdin'],
  accounts['test.supervisor'],
);
await run(['train', 'test.supervisor', '--completed', day(-30)]);
await run(['add', 'test.untrained', '--name', 'Riley', '--password-stdin'], accounts['test.untrained']);
await run(['add', 'test.expired', '--name', 'Morgan', '--password-stdin'], accounts['test.expired']);
await run(['train', 'test.expired', '--completed', day(-800), '--expires', day(-2)]);
await db.close();
