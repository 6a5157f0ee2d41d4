// Editor and framework integrations generated from custom-elements.json at build time. The JSX types the package ships (dist/jsx/, generated from custom-elements.json by @wc-toolkit/jsx-types), used
// the way an app would: the packed package resolved by name, a TSX file with every element checked by `tsc` against
// React 19's types (@types/react) and against Preact's. The fixtures also hold lines that must fail (@ts-expect-error:
// a variant that does not exist, a string for a number, an unknown attribute, an untyped event detail), so types
// that accept anything fail the test. Needs `npm run build`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { copyFixture, packedPackage, repoRoot, typeCheck } from './helpers/packed-package.mjs';

let fixture;
const project = () => (fixture ??= copyFixture('jsx-types'));

test('React 19: every element type-checks in TSX, and wrong values do not', () => {
  const version = JSON.parse(readFileSync(join(repoRoot, 'node_modules/@types/react/package.json'), 'utf8')).version;
  assert.match(version, /^19\./, `@types/react ${version} is installed, not 19`);
  const { ok, output } = typeCheck(project(), 'tsconfig.react.json');
  assert.ok(ok, `tsc -p tsconfig.react.json failed:\n${output}`);
});

test('Preact: every element type-checks in TSX, and wrong values do not', () => {
  assert.ok(existsSync(join(repoRoot, 'node_modules/preact/package.json')), 'preact is installed');
  const { ok, output } = typeCheck(project(), 'tsconfig.preact.json');
  assert.ok(ok, `tsc -p tsconfig.preact.json failed:\n${output}`);
});

test('the JSX types name every element of the manifest', () => {
  const types = readFileSync(join(repoRoot, 'dist/jsx/custom-elements.d.ts'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'custom-elements.json'), 'utf8'));
  const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean));
  assert.ok(tags.length >= 3);
  for (const tag of tags) assert.match(types, new RegExp(`"${tag}": `), `dist/jsx/custom-elements.d.ts has ${tag}`);
  assert.doesNotMatch(types, /^declare /m, 'the shared JSX types augment no framework by themselves');
});

// Editor data: VS Code custom data and JetBrains web-types, generated from the manifest and shipped where
// package.json says. Each names every element with its attributes, and every documented custom property.
const shipped = (path) => packedPackage().files.includes(path.replace(/^\.\//, ''));

test('VS Code custom data lists every element with its attributes, and the custom properties', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'custom-elements.json'), 'utf8'));
  const html = JSON.parse(readFileSync(join(repoRoot, 'dist/editors/vscode.html-data.json'), 'utf8'));
  const css = JSON.parse(readFileSync(join(repoRoot, 'dist/editors/vscode.css-data.json'), 'utf8'));
  for (const declaration of manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName)) {
    const tag = html.tags.find((t) => t.name === declaration.tagName);
    assert.ok(tag, `vscode.html-data.json has <${declaration.tagName}>`);
    assert.ok(tag.description?.trim(), `<${declaration.tagName}> has a description`);
    assert.deepEqual(
      tag.attributes.map((a) => a.name).sort(),
      (declaration.attributes ?? []).map((a) => a.name).sort(),
      `<${declaration.tagName}> attributes`,
    );
    for (const property of declaration.cssProperties ?? []) {
      assert.ok(
        css.properties.some((p) => p.name === property.name),
        `vscode.css-data.json has ${property.name}`,
      );
    }
  }
  assert.ok(shipped('dist/editors/vscode.html-data.json') && shipped('dist/editors/vscode.css-data.json'));
});

test('editors offer the check-in modes as values and list its events', () => {
  const html = JSON.parse(readFileSync(join(repoRoot, 'dist/editors/vscode.html-data.json'), 'utf8'));
  const tag = html.tags.find((t) => t.name === 'peer-check-in');
  const values = (name) => tag.attributes.find((a) => a.name === name)?.values?.map((v) => v.name);
  assert.deepEqual(values('instrument'), ['mood', 'who5', 'phq4']);
  assert.deepEqual(values('safety-question'), ['on', 'off']);
  const webTypes = JSON.parse(readFileSync(join(repoRoot, 'dist/editors/web-types.json'), 'utf8'));
  const element = webTypes.contributions.html.elements.find((e) => e.name === 'peer-check-in');
  assert.deepEqual(element.js.events.map((event) => event.name).sort(), [
    'peer-check-in-complete',
    'peer-check-in-next-step',
    'peer-check-in-risk',
    'peer-check-in-submit',
    'peer-crisis-contact',
  ]);
});

test("editors list the group finder's filter presets, sync-url and events", () => {
  const html = JSON.parse(readFileSync(join(repoRoot, 'dist/editors/vscode.html-data.json'), 'utf8'));
  const tag = html.tags.find((t) => t.name === 'peer-group-finder');
  const attributes = tag.attributes.map((a) => a.name);
  for (const name of ['topic', 'time-of-day', 'drop-in', 'q', 'sync-url', 'peer-href', 'time-zone', 'languages']) {
    assert.ok(attributes.includes(name), `vscode.html-data.json offers ${name} on <peer-group-finder>`);
  }
  const webTypes = JSON.parse(readFileSync(join(repoRoot, 'dist/editors/web-types.json'), 'utf8'));
  const element = webTypes.contributions.html.elements.find((e) => e.name === 'peer-group-finder');
  assert.deepEqual(element.js.events.map((event) => event.name).sort(), [
    'peer-crisis-contact',
    'peer-group-register',
    'peer-group-registered',
    'peer-group-search',
  ]);
});

test("editors list the request button's and the inbox's attributes and events", () => {
  const html = JSON.parse(readFileSync(join(repoRoot, 'dist/editors/vscode.html-data.json'), 'utf8'));
  const webTypes = JSON.parse(readFileSync(join(repoRoot, 'dist/editors/web-types.json'), 'utf8'));
  const expected = {
    'peer-request-button': {
      attributes: ['groups-href', 'wait-limit', 'poll-interval', 'consent-version', 'heading-level', 'languages'],
      events: ['peer-request-open', 'peer-request-status', 'peer-request-submit', 'peer-request-submitted'],
    },
    'peer-supporter-inbox': {
      attributes: ['external-auth', 'heading-level'],
      events: ['peer-inbox-claimed', 'peer-inbox-closed', 'peer-inbox-escalated', 'peer-inbox-signed-in'],
    },
  };
  for (const [tag, { attributes, events }] of Object.entries(expected)) {
    const offered = html.tags.find((t) => t.name === tag).attributes.map((a) => a.name);
    for (const name of attributes)
      assert.ok(offered.includes(name), `vscode.html-data.json offers ${name} on <${tag}>`);
    const named = webTypes.contributions.html.elements.find((e) => e.name === tag).js.events.map((e) => e.name);
    for (const name of events) assert.ok(named.includes(name), `web-types lists ${name} on <${tag}>`);
  }
});

test('JetBrains web-types: named in package.json, shipped, for this package and version, every element', () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  assert.equal(pkg['web-types'], './dist/editors/web-types.json');
  assert.ok(shipped(pkg['web-types']), 'npm pack ships the web-types file');
  const webTypes = JSON.parse(readFileSync(join(repoRoot, pkg['web-types']), 'utf8'));
  assert.equal(webTypes.name, pkg.name);
  assert.equal(webTypes.version, pkg.version);
  const elements = webTypes.contributions.html.elements.map((element) => element.name).sort();
  assert.deepEqual(elements, [
    'peer-check-in',
    'peer-crisis-resources',
    'peer-group-finder',
    'peer-help-link',
    'peer-request-button',
    'peer-support-provider',
    'peer-supporter-inbox',
  ]);
});
