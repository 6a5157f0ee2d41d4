import { existsSync } from 'node:fs';
import path from 'node:path';
import { migrate } from '../db/migrate.ts';
import { openDatabase } from '../db/open-database.ts';
import { optionsFromEnv } from '../env.ts';
import { defaultPaths } from '../paths.ts';
import { runSupporterCommand, UsageError, USAGE } from '../supporters/supporter-commands.ts';

/** Reads all of stdin (for --password-stdin), so that a password never sits in the shell's history or `ps`. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `npm run supporters -w server -- <command> …`: adds supporters, records training and sets shifts on the database
 * the server uses (DATABASE_URL, else PGlite in DATA_DIR). See USAGE.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length === 0 || args[0] === 'help' || args.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { database } = optionsFromEnv();
  if (database === undefined || 'query' in database) throw new Error('no database is configured');
  if (database.kind === 'pglite') {
    if (database.dataDir.startsWith('memory://')) throw new Error('DATA_DIR is memory://: nothing would be kept');
    // An embedded database can be open in one process only: a second writer would corrupt it.
    if (existsSync(path.join(database.dataDir, 'postmaster.pid'))) {
      throw new Error(
        `the embedded database in ${database.dataDir} is open in another process (the server?): stop it first, ` +
          'or use PostgreSQL (DATABASE_URL) to change supporters while it runs.',
      );
    }
  }
  const db = await openDatabase(database);
  try {
    await migrate(db, defaultPaths.migrations);
    process.stdout.write(`${await runSupporterCommand(args, { db, readPassword: readStdin })}\n`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`supporters: ${error instanceof Error ? error.message : String(error)}\n`);
  if (usage) process.stderr.write(`\n${USAGE}\n`);
  process.exit(usage ? 2 : 1);
});
