#!/usr/bin/env node
// `npm run cdn:snippet` (after a build): the <script> tag for the CDN file at this version, with its Subresource
// Integrity hash, for a campus page; `npm run cdn:snippet -- crisis-help` for the crisis-help file. The hash comes from dist/cdn/integrity.json (written by the CDN build) and is
// checked against the file itself, so the tag printed is the one that loads.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { integrityOf } from './cdn-assets.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));

/**
 * The versioned URLs of a CDN file on jsDelivr and unpkg, and its integrity, from package.json and the build:
 * `which` is the subpath under "./cdn" in package.json's exports ("" for the all-in-one file, "crisis-help").
 */
export function cdnSnippet(which = '') {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const target = pkg.exports[which ? `./cdn/${which}` : './cdn']?.browser;
  if (!target) throw new Error(`package.json has no "./cdn/${which}" export`);
  const file = target.replace(/^\.\//, '');
  const built = readFileSync(join(root, file));
  const info = JSON.parse(readFileSync(join(root, 'dist', 'cdn', 'integrity.json'), 'utf8'));
  const integrity = info.integrity[basename(file)];
  if (info.version !== pkg.version) {
    throw new Error(`dist/cdn was built for ${info.version}, package.json is ${pkg.version}: run "npm run build"`);
  }
  if (integrity !== integrityOf(built)) {
    throw new Error(`dist/cdn/integrity.json does not match ${file}: run "npm run build"`);
  }
  const jsdelivr = `https://cdn.jsdelivr.net/npm/${pkg.name}@${pkg.version}/${file}`;
  const unpkg = `https://unpkg.com/${pkg.name}@${pkg.version}/${file}`;
  const tag = `<script type="module" src="${jsdelivr}" integrity="${integrity}" crossorigin="anonymous"></script>`;
  return { jsdelivr, unpkg, integrity, tag };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { tag, unpkg, integrity } = cdnSnippet(process.argv[2] ?? '');
  console.log(tag);
  console.log(`\nThe same file on unpkg: ${unpkg}\nintegrity="${integrity}"`);
}
