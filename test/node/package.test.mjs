// The built package as a campus developer receives it: exports resolve to real files, the manifest documents the
// elements, the CDN file is self-contained. Runs after `npm run build` (npm test builds first).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

function targets(entry) {
  return typeof entry === 'string' ? [entry] : Object.values(entry).flatMap(targets);
}

test('every export points at a file that exists', () => {
  for (const [subpath, entry] of Object.entries(pkg.exports)) {
    for (const target of targets(entry)) {
      assert.ok(existsSync(new URL(target, root)), `${subpath} → ${target} is missing`);
    }
  }
});

test('the root entry has no side effects: it registers nothing', () => {
  const index = readFileSync(new URL('dist/index.js', root), 'utf8');
  assert.doesNotMatch(index, /customElements\.define|\.define\(\)/);
});

test('the CDN bundle inlines lit and imports nothing', () => {
  const cdn = readFileSync(new URL('dist/cdn/peer-support-widgets.js', root), 'utf8');
  assert.doesNotMatch(cdn, /^\s*import\s|from\s*["']lit/m);
  assert.match(cdn, /peer-support-provider/);
});

test('production builds carry no development warnings; the development build does', () => {
  const prod = readFileSync(new URL('dist/cdn/peer-support-widgets.js', root), 'utf8');
  assert.doesNotMatch(prod, /no backend is configured/);
  const dev = readFileSync(new URL('dist/development/define.js', root), 'utf8');
  const chunks = [dev, ...devChunks()].join('\n');
  assert.match(chunks, /no backend is configured|api-base=/);
});

function devChunks() {
  const dir = new URL('dist/development/chunks/', root);
  if (!existsSync(dir)) return [];
  return readdirSyncSafe(dir).map((name) => readFileSync(new URL(name, dir), 'utf8'));
}

function readdirSyncSafe(dir) {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.js')) : [];
}

test('custom-elements.json documents the provider and its attributes', () => {
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
  const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
  const provider = declarations.find((d) => d.tagName === 'peer-support-provider');
  assert.ok(provider, 'peer-support-provider is in the manifest');
  assert.ok(provider.summary, 'the provider has a summary');
  const attributes = (provider.attributes ?? []).map((a) => a.name);
  for (const name of ['api-base', 'country', 'region', 'timeout', 'lang']) {
    assert.ok(attributes.includes(name), `attribute ${name} is documented (found ${attributes.join(', ')})`);
  }
});

test('the contract ships in the package', () => {
  assert.ok(pkg.files.includes('src/api/openapi.yaml'));
  assert.ok(existsSync(new URL('src/api/openapi.yaml', root)));
});
