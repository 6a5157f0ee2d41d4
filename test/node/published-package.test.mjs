// What `npm pack` puts in the tarball, checked against what package.json promises: every target of every export
// (each condition) is a file in the tarball, not only in this checkout (package.test.mjs checks the checkout), and
// the tarball carries the licence that package.json names, the README, and the fields a registry search shows.
// Needs `npm run build`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { packedPackage, repoRoot } from './helpers/packed-package.mjs';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

/** Every file path an export names, under every condition ("./x" → "x"). */
function exportTargets(entry) {
  if (typeof entry === 'string') return [entry.replace(/^\.\//, '')];
  return Object.values(entry).flatMap(exportTargets);
}

test('every export target, under every condition, is a file in the tarball', () => {
  const { files } = packedPackage();
  const missing = Object.entries(pkg.exports).flatMap(([subpath, entry]) =>
    exportTargets(entry)
      .filter((target) => !files.includes(target))
      .map((target) => `${subpath} → ${target}`),
  );
  assert.deepEqual(missing, [], 'exports name files that npm pack leaves out');
  for (const field of ['main', 'module', 'types', 'jsdelivr', 'unpkg', 'customElements', 'web-types']) {
    assert.ok(files.includes(pkg[field].replace(/^\.\//, '')), `package.json "${field}" (${pkg[field]}) is shipped`);
  }
});

test('the tarball carries the licence package.json names, and the README', () => {
  const { files, packageDir } = packedPackage();
  assert.ok(files.includes('LICENSE'), 'npm pack ships LICENSE');
  assert.ok(files.includes('README.md'), 'npm pack ships README.md');
  assert.equal(pkg.license, 'MIT');
  const licence = readFileSync(join(packageDir, 'LICENSE'), 'utf8');
  assert.match(licence.split('\n', 1)[0], /^MIT License$/, 'LICENSE is the MIT licence');
});

test('package.json has what a registry search shows: a description and keywords', () => {
  assert.ok(pkg.description?.trim(), 'a description');
  assert.ok(Array.isArray(pkg.keywords), 'keywords');
  for (const keyword of ['web-components', 'custom-elements', 'accessibility']) {
    assert.ok(pkg.keywords.includes(keyword), `keyword ${keyword}`);
  }
});
