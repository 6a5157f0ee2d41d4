// What each published entry costs a campus page, measured from dist/ (run a build first). Shared by the benchmark
// (bench/run.mjs) and the size-budget test (test/node/size-budget.test.mjs), so both report the same numbers.
//
// ESM entries: the entry and every dist file it imports, bundled and minified with rolldown (the bundler Vite uses
// for the CDN file), lit left out because apps share one copy of it. That is what an app's bundler ships for the
// import. The CDN file (lit inlined) is measured as shipped: its bytes, gzip and brotli are what a browser downloads
// (the server sends the build's precompressed copies, made with the same settings), and `min` is the file minified
// again, so a build that stops minifying it shows as raw far above min.
//
// Element entries also get their own cost over the shared core (`own`): the files of the entry's graph that are
// neither the core (the dist/chunks/core-* and decorate-* chunks vite.config.ts splits out, one per core module) nor
// another element the entry loads (<peer-check-in> loads the crisis panel and the help link, counted in their own
// rows), bundled and minified the same way. What a page that already has the core pays for adding the element.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ENTRIES } from '../scripts/entries.mjs';

export const projectRoot = fileURLToPath(new URL('../', import.meta.url));

const LIT = [/^lit(\/|$)/, /^lit-html(\/|$)/, /^@lit\//];

/**
 * The entries to measure, from package.json "exports": each subpath's production `import` target, and the CDN files
 * ("./cdn" and "./cdn/…").
 * Names are paths inside dist/ ("define.js", "cdn/peer-support-widgets.js").
 */
export function publishedEntries(root = projectRoot) {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
  const entries = [];
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    const isCdn = subpath === './cdn' || subpath.startsWith('./cdn/');
    const esm = !isCdn && typeof target === 'object' ? target.import : undefined;
    const cdn = isCdn ? (typeof target === 'string' ? target : (target.browser ?? target.default)) : undefined;
    const file = esm ?? cdn;
    if (!file?.startsWith('./dist/') || !file.endsWith('.js')) continue;
    entries.push({ subpath, kind: cdn ? 'cdn' : 'esm', name: file.slice('./dist/'.length), path: resolve(root, file) });
  }
  return entries;
}

/** The entry and the dist files it imports (statically or dynamically), transitively; bare imports (lit) left out. */
export function importGraph(entryPath) {
  const seen = new Set();
  const pending = [entryPath];
  while (pending.length > 0) {
    const file = pending.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/\b(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      pending.push(resolve(dirname(file), match[1]));
    }
  }
  return [...seen];
}

/** gzip at level 9 and brotli at quality 11: what a well-configured CDN serves. */
export function compressedSizes(code) {
  const buffer = Buffer.from(code);
  return {
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }).length,
  };
}

/** The shared core's chunks, as vite.config.ts names them. */
const CORE_CHUNK = /[\\/]chunks[\\/](?:core-[^\\/]*|decorate-[^\\/]*)\.js$/;

/** Whether a published entry (a path inside dist/, "peer-check-in.js") registers one element. */
function isElementEntry(name) {
  return ENTRIES[name.replace(/\.js$/, '')]?.startsWith('src/elements/') ?? false;
}

/**
 * The files of an element entry's graph that are its own: not the shared core, and not the graph of another element
 * entry that it imports.
 */
function ownFiles(entryPath, graph, distDir) {
  const others = graph.filter(
    (file) => file !== entryPath && relative(distDir, file) === basename(file) && isElementEntry(basename(file)),
  );
  const shared = new Set(others.flatMap((file) => importGraph(file)));
  return graph.filter((file) => !CORE_CHUNK.test(file) && !shared.has(file));
}

/**
 * An ESM entry's graph as one minified file, lit external; with `keep`, only those files of the graph are bundled
 * and every other import is left external.
 */
async function minifiedGraph(entryPath, keep) {
  const { rolldown } = await import('rolldown');
  const external = (id, importer) => {
    if (LIT.some((pattern) => pattern.test(id))) return true;
    if (!keep || !importer || !id.startsWith('.')) return false;
    return !keep.has(resolve(dirname(importer), id));
  };
  const bundle = await rolldown({ input: entryPath, external, logLevel: 'silent' });
  try {
    const { output } = await bundle.generate({ format: 'es', minify: true, codeSplitting: false });
    return output
      .filter((item) => item.type === 'chunk')
      .map((chunk) => chunk.code)
      .join('');
  } finally {
    await bundle.close();
  }
}

/** A file's code minified by rolldown's minifier (oxc), the same one the CDN build uses; comments dropped. */
async function minifiedFile(path) {
  const { minify } = await import('rolldown/utils');
  const { code } = await minify(path, readFileSync(path, 'utf8'), { compress: true, mangle: true });
  return code;
}

/**
 * Sizes in bytes of every published entry: `files` (dist files in its graph), `raw` (their bytes as built),
 * `min`, `gzip` and `brotli` (of the minified graph). For the CDN file: `raw`, `gzip` and `brotli` of the file as
 * shipped, `min` of the file minified again (its true minified size). For an element's entry, `own`: `files`,
 * `min`, `gzip` and `brotli` of its own files only (see the top of this file).
 */
export async function measureEntries(root = projectRoot) {
  const distDir = resolve(root, 'dist');
  const results = [];
  for (const entry of publishedEntries(root)) {
    if (!existsSync(entry.path)) {
      throw new Error(
        `${relative(root, entry.path)} is missing (export "${entry.subpath}"): run "npm run build" first.`,
      );
    }
    const files = importGraph(entry.path);
    const raw = files.reduce((sum, file) => sum + readFileSync(file).length, 0);
    const shipped = entry.kind === 'cdn' ? readFileSync(entry.path) : undefined;
    const minified = entry.kind === 'cdn' ? await minifiedFile(entry.path) : await minifiedGraph(entry.path);
    const own = entry.kind === 'esm' && isElementEntry(entry.name) ? await ownSizes(entry.path, files, distDir) : {};
    results.push({
      entry: entry.name,
      subpath: entry.subpath,
      kind: entry.kind,
      files: files.map((file) => relative(distDir, file)),
      raw,
      min: Buffer.byteLength(minified),
      ...compressedSizes(shipped ?? minified),
      ...own,
    });
  }
  return results;
}

async function ownSizes(entryPath, graph, distDir) {
  const files = ownFiles(entryPath, graph, distDir);
  const minified = await minifiedGraph(entryPath, new Set(files));
  return {
    own: {
      files: files.map((file) => relative(distDir, file)),
      min: Buffer.byteLength(minified),
      ...compressedSizes(minified),
    },
  };
}
