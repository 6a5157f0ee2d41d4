// Builds the prepared PGlite database image (see pglite-template.ts) in a process of its own, so that the memory
// initdb needs (several hundred MB of WebAssembly heap, which a process never gives back) leaves with it.
// Arguments: <data directory to create> <tarball to write> <JSON array of Postgres start parameters>.
import { writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';

const [dataDir, tarball, startParams] = process.argv.slice(2);
if (!dataDir || !tarball || !startParams) {
  process.stderr.write('usage: pglite-template-worker.mjs <dataDir> <tarball> <startParamsJson>\n');
  process.exit(2);
}
const pg = await PGlite.create(dataDir, { startParams: JSON.parse(startParams) });
const dump = await pg.dumpDataDir('none');
await pg.close();
await writeFile(tarball, Buffer.from(await dump.arrayBuffer()));
