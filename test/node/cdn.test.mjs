// The CDN file as a campus page gets it: the integrity hash the build records (dist/cdn/integrity.json) is the
// file's, a page that pins it runs the file and one with another hash does not (Chromium enforces SRI), the
// precompressed copies the server sends are the same bytes, and the README's versioned URL is this version's.
// Runs after `npm run build`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { integrityOf } from '../../scripts/cdn-assets.mjs';
import { cdnSnippet } from '../../scripts/cdn-snippet.mjs';
import { CHROMIUM_ARGS, resolveChromium } from '../../scripts/chromium.mjs';
import { packedPackage, repoRoot } from './helpers/packed-package.mjs';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const cdnFile = pkg.exports['./cdn'].browser.replace(/^\.\//, '');
const bytes = readFileSync(join(repoRoot, cdnFile));
const info = JSON.parse(readFileSync(join(repoRoot, 'dist/cdn/integrity.json'), 'utf8'));
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

test('package.json points jsdelivr, unpkg and the ./cdn browser condition at the CDN file, with its types', () => {
  assert.equal(pkg.jsdelivr, cdnFile);
  assert.equal(pkg.unpkg, cdnFile);
  assert.equal(pkg.exports['./cdn'].browser, `./${cdnFile}`);
  assert.match(pkg.exports['./cdn'].types, /\.d\.ts$/);
  const { files } = packedPackage();
  for (const file of [cdnFile, `${cdnFile}.map`, `${cdnFile}.br`, `${cdnFile}.gz`, 'dist/cdn/integrity.json']) {
    assert.ok(files.includes(file), `npm pack ships ${file}`);
  }
});

test('integrity.json records this version and the sha384 of the built file', () => {
  assert.equal(info.name, pkg.name);
  assert.equal(info.version, pkg.version);
  assert.equal(info.integrity[basename(cdnFile)], integrityOf(bytes));
  assert.equal(cdnSnippet().integrity, integrityOf(bytes));
});

test('the .br and .gz copies are the file, compressed', () => {
  for (const file of [cdnFile, `${cdnFile}.map`]) {
    const original = readFileSync(join(repoRoot, file));
    assert.deepEqual(brotliDecompressSync(readFileSync(join(repoRoot, `${file}.br`))), original, `${file}.br`);
    assert.deepEqual(gunzipSync(readFileSync(join(repoRoot, `${file}.gz`))), original, `${file}.gz`);
  }
});

test("the README's CDN URLs are this version's, and it says where the integrity hash is and how to print the tag", () => {
  const { jsdelivr, unpkg } = cdnSnippet();
  assert.ok(readme.includes(`src="${jsdelivr}"`), `README has <script src="${jsdelivr}">`);
  assert.ok(readme.includes(unpkg), `README names ${unpkg}`);
  const versions = [...readme.matchAll(/peer-support-widgets@([^/\s"`)]+)\//g)].map((match) => match[1]);
  assert.deepEqual([...new Set(versions)], [pkg.version], 'every versioned URL in the README is this version');
  assert.match(readme, /integrity="sha384-/);
  assert.match(readme, /dist\/cdn\/integrity\.json/);
  assert.match(readme, /npm run cdn:snippet/);
  assert.equal(pkg.scripts['cdn:snippet'], 'node scripts/cdn-snippet.mjs');
  assert.match(readme, /^npm install peer-support-widgets$/m);
});

test('a page that pins the integrity runs the file; another hash is refused', async () => {
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    if (path === '/cdn.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(bytes);
      return;
    }
    const integrity = path === '/right' ? integrityOf(bytes) : integrityOf(Buffer.from('something else'));
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><title>SRI</title><script type="module" src="/cdn.js" integrity="${integrity}" crossorigin="anonymous"></script>`,
      );
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: resolveChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const defined = async (path) => {
      await page.goto(`${url}${path}`);
      await page.waitForTimeout(300);
      return page.evaluate(() => customElements.get('peer-help-link') !== undefined);
    };
    assert.equal(await defined('/right'), true, 'the file runs with its own hash');
    assert.equal(await defined('/wrong'), false, 'the file is refused with another hash');
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
});
