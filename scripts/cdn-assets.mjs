// What the CDN build leaves next to its files, so that a static host can serve them well without work per request:
//   <file>.br and <file>.gz   brotli (quality 11) and gzip (level 9) copies of every .js and .js.map, for servers that
//                             send precompressed files (the reference server does: server/src/static/)
//   integrity.json            the package version and each .js file's Subresource Integrity hash (sha384), for
//                             <script integrity="…"> and for the server to know which version it serves
// Used as a Vite plugin in vite.config.ts (mode "cdn"); the same helpers are read by tests.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The SRI value of some bytes: "sha384-" and the base64 digest. */
export function integrityOf(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/** brotli at quality 11 and gzip at level 9: the smallest each format makes, paid once at build time. */
export function compress(bytes) {
  return {
    br: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gz: gzipSync(bytes, { level: 9 }),
  };
}

/** Writes the compressed copies and integrity.json for the files in `dir` (a finished CDN build). */
export function writeCdnAssets(dir, { name, version }) {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.js') || file.endsWith('.js.map'))
    .sort();
  const integrity = {};
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    const { br, gz } = compress(bytes);
    writeFileSync(join(dir, `${file}.br`), br);
    writeFileSync(join(dir, `${file}.gz`), gz);
    if (file.endsWith('.js')) integrity[file] = integrityOf(bytes);
  }
  const info = { name, version, integrity };
  writeFileSync(join(dir, 'integrity.json'), `${JSON.stringify(info, null, 2)}\n`);
  return info;
}

/** Vite plugin: after the bundle is written, add the compressed copies and integrity.json. */
export function cdnAssets({ name, version }) {
  let outDir;
  return {
    name: 'peer-cdn-assets',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    writeBundle() {
      writeCdnAssets(outDir, { name, version });
    },
  };
}
