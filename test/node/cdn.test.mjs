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
/** Every CDN file package.json exports ("./cdn" and "./cdn/…"), as [subpath, file in the package]. */
const cdnFiles = Object.entries(pkg.exports)
  .filter(([subpath]) => subpath === './cdn' || subpath.startsWith('./cdn/'))
  .map(([subpath, target]) => [subpath, target.browser.replace(/^\.\//, '')]);
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

test('package.json points jsdelivr, unpkg and the ./cdn browser condition at the CDN file, with its types', () => {
  assert.equal(pkg.jsdelivr, cdnFile);
  assert.equal(pkg.unpkg, cdnFile);
  assert.equal(pkg.exports['./cdn'].browser, `./${cdnFile}`);
  assert.match(pkg.exports['./cdn'].types, /\.d\.ts$/);
  const { files } = packedPackage();
  assert.deepEqual(
    cdnFiles.map(([subpath]) => subpath),
    ['./cdn', './cdn/crisis-help'],
  );
  for (const [subpath, file] of cdnFiles) {
    assert.match(pkg.exports[subpath].types, /\.d\.ts$/);
    for (const shipped of [file, `${file}.map`, `${file}.br`, `${file}.gz`, file.replace(/\.js$/, '.d.ts')]) {
      assert.ok(files.includes(shipped), `npm pack ships ${shipped}`);
    }
  }
  assert.ok(files.includes('dist/cdn/integrity.json'), 'npm pack ships dist/cdn/integrity.json');
});

test('integrity.json records this version and the sha384 of the built file', () => {
  assert.equal(info.name, pkg.name);
  assert.equal(info.version, pkg.version);
  for (const [subpath, file] of cdnFiles) {
    const built = readFileSync(join(repoRoot, file));
    assert.equal(info.integrity[basename(file)], integrityOf(built), file);
    assert.equal(cdnSnippet(subpath.slice('./cdn/'.length)).integrity, integrityOf(built), file);
  }
  assert.deepEqual(Object.keys(info.integrity).sort(), cdnFiles.map(([, file]) => basename(file)).sort());
});

test('the .br and .gz copies are the file, compressed', () => {
  for (const file of cdnFiles.flatMap(([, built]) => [built, `${built}.map`])) {
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

test('the crisis-help file defines crisis help alone and shows it; with the all-in-one file as well, nothing breaks', async () => {
  const crisisHelp = readFileSync(join(repoRoot, 'dist/cdn/peer-crisis-help.js'));
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    if (path === '/all.js' || path === '/crisis-help.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(path === '/all.js' ? bytes : crisisHelp);
      return;
    }
    const scripts = path === '/both' ? ['/crisis-help.js', '/all.js'] : ['/crisis-help.js'];
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html lang="en"><title>Crisis help</title>${scripts
          .map((src) => `<script type="module" src="${src}"></script>`)
          .join('')}<peer-support-provider country="US"><peer-crisis-resources></peer-crisis-resources>` +
          `<peer-help-link></peer-help-link><peer-check-in></peer-check-in></peer-support-provider>`,
      );
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: resolveChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const tags = [
      'peer-support-provider',
      'peer-crisis-resources',
      'peer-help-link',
      'peer-check-in',
      'peer-group-finder',
      'peer-request-button',
      'peer-supporter-inbox',
    ];
    const visit = async (path) => {
      await page.goto(`${url}${path}`);
      await page.waitForFunction(
        () => document.querySelector('peer-crisis-resources')?.shadowRoot?.querySelector('[part~="emergency-call"]'),
        null,
        { timeout: 15_000 },
      );
      return page.evaluate((names) => names.filter((name) => customElements.get(name) !== undefined), tags);
    };
    assert.deepEqual(await visit('/alone'), ['peer-support-provider', 'peer-crisis-resources', 'peer-help-link']);
    const emergency = await page.evaluate(
      () => document.querySelector('peer-crisis-resources').shadowRoot.querySelector('[part~="emergency-call"]').href,
    );
    assert.equal(emergency, 'tel:911');
    // Both files on one page (a template that pasted both): the first definition of each tag stays, the rest defines.
    assert.deepEqual(await visit('/both'), tags);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** The Content Security Policy the README gives campus pages, read from it so that the two cannot drift apart. */
const readmeCsp = readme.match(/```\n(script-src [^\n]*require-trusted-types-for[^\n]*)\n```/)?.[1];

test("under the README's CSP with Trusted Types: crisis help alone works; both files need 'allow-duplicates', as the README says", async () => {
  assert.ok(readmeCsp, 'the README gives a CSP');
  // Lit creates its Trusted Types policy once per copy of Lit: the second file's copy is refused the name 'lit-html'
  // unless the page allows duplicates, and then it throws before defining a single element.
  assert.match(readme, /'allow-duplicates'/, "the README says a page with both files needs 'allow-duplicates'");
  const files = {
    '/all.js': bytes,
    '/crisis-help.js': readFileSync(join(repoRoot, 'dist/cdn/peer-crisis-help.js')),
  };
  const server = createServer((request, response) => {
    const { pathname, searchParams } = new URL(request.url, 'http://localhost');
    if (files[pathname]) {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(files[pathname]);
      return;
    }
    const scripts = pathname === '/both' ? ['/crisis-help.js', '/all.js'] : ['/crisis-help.js'];
    const csp = searchParams.has('duplicates') ? `${readmeCsp} 'allow-duplicates'` : readmeCsp;
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp })
      .end(
        `<!doctype html><html lang="en"><title>Crisis help</title>${scripts
          .map(
            (src) =>
              `<script type="module" src="${src}" integrity="${integrityOf(files[src])}" crossorigin="anonymous"></script>`,
          )
          .join('')}<peer-support-provider country="US"><peer-crisis-resources></peer-crisis-resources>` +
          `<peer-help-link></peer-help-link><peer-request-button></peer-request-button></peer-support-provider>`,
      );
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: resolveChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    const visit = async (path) => {
      problems.length = 0;
      await page.goto(`${url}${path}`);
      await page.waitForFunction(
        () => document.querySelector('peer-crisis-resources')?.shadowRoot?.querySelector('[part~="emergency-call"]'),
        null,
        { timeout: 15_000 },
      );
      await page.waitForTimeout(300);
      return page.evaluate(() =>
        ['peer-support-provider', 'peer-crisis-resources', 'peer-help-link', 'peer-request-button'].filter(
          (name) => customElements.get(name) !== undefined,
        ),
      );
    };
    assert.deepEqual(await visit('/alone'), ['peer-support-provider', 'peer-crisis-resources', 'peer-help-link']);
    assert.deepEqual(problems, [], 'crisis help alone: no error, no CSP violation');
    const all = ['peer-support-provider', 'peer-crisis-resources', 'peer-help-link', 'peer-request-button'];
    assert.deepEqual(await visit('/both?duplicates'), all, "both files with 'allow-duplicates': every tag defines");
    assert.deepEqual(problems, [], "both files with 'allow-duplicates': no error");
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
});
