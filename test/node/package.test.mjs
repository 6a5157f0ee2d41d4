// The built package as a campus developer receives it: exports resolve to real files, the manifest documents the
// elements, the CDN file is self-contained, the root entry registers nothing (checked in headless Chromium) and
// production builds carry no development warnings. Runs after `npm run build` (npm test builds first).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, resolveChromium } from '../../scripts/chromium.mjs';

const root = new URL('../../', import.meta.url);
const rootPath = fileURLToPath(root);
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

test('the CDN bundle inlines lit and imports nothing', () => {
  const cdn = readFileSync(new URL('dist/cdn/peer-support-widgets.js', root), 'utf8');
  assert.doesNotMatch(cdn, /^\s*import\s|from\s*["']lit/m);
  assert.match(cdn, /peer-support-provider/);
});

// ---------------------------------------------------------------------------------------------------------------
// Side effects, checked where they happen: each published entry is imported on its own in a fresh page of headless
// Chromium (lit and @lit/* mapped into node_modules with an import map, served over loopback), and every
// customElements.define it causes, directly or through the chunks it imports, is recorded.

/** Tags the package documents (custom-elements.json): what "register everything" has to register. */
const manifestTags = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'))
  .modules.flatMap((module) => module.declarations ?? [])
  .flatMap((declaration) => (declaration.tagName ? [declaration.tagName] : []));

/** The published entry files (not chunks): dist/*.js, dist/development/*.js, dist/cdn/*.js, as "dist/…" paths. */
const entryFiles = ['dist', 'dist/development', 'dist/cdn'].flatMap((dir) =>
  jsFilesIn(new URL(`${dir}/`, root)).map((name) => `${dir}/${name}`),
);

const LIT_IMPORT_MAP = {
  imports: {
    lit: '/node_modules/lit/index.js',
    'lit/': '/node_modules/lit/',
    'lit-html': '/node_modules/lit-html/lit-html.js',
    'lit-html/': '/node_modules/lit-html/',
    'lit-element': '/node_modules/lit-element/index.js',
    'lit-element/': '/node_modules/lit-element/',
    '@lit/reactive-element': '/node_modules/@lit/reactive-element/reactive-element.js',
    '@lit/reactive-element/': '/node_modules/@lit/reactive-element/',
    '@lit/context': '/node_modules/@lit/context/index.js',
    '@lit/context/': '/node_modules/@lit/context/',
    '@lit/task': '/node_modules/@lit/task/index.js',
    '@lit/task/': '/node_modules/@lit/task/',
  },
};

let registrationsPromise;
/** Map from entry file ("dist/index.js") to { exports, defined } once every entry has been imported. */
function registrations() {
  registrationsPromise ??= importEachEntryInChromium();
  return registrationsPromise;
}

async function importEachEntryInChromium() {
  const server = await serveForImport();
  const browser = await chromium.launch({
    executablePath: resolveChromium(),
    args: CHROMIUM_ARGS,
  });
  try {
    const results = new Map();
    for (const file of entryFiles) {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
      page.on('response', (response) => {
        if (!response.ok()) errors.push(`${response.status()} for ${response.url()}`);
      });
      await page.addInitScript(() => {
        const defined = [];
        window.__peerDefined = defined;
        const define = customElements.define.bind(customElements);
        customElements.define = (name, ...rest) => {
          defined.push(name);
          return define(name, ...rest);
        };
      });
      await page.goto(`${server.url}/`);
      const result = await page.evaluate(
        async ({ url, tags }) => {
          const module = await import(url);
          // Registrations deferred to a later task count too.
          await new Promise((resolve) => setTimeout(resolve, 100));
          const defined = new Set(window.__peerDefined);
          for (const tag of tags) if (customElements.get(tag)) defined.add(tag);
          return { exports: Object.keys(module), defined: [...defined].sort() };
        },
        { url: `/${file}`, tags: manifestTags },
      );
      assert.deepEqual(errors, [], `importing ${file} in Chromium went wrong`);
      results.set(file, result);
      await page.close();
    }
    return results;
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** A static server on loopback: "/" is an empty page with the import map; /dist/ and /node_modules/ are files. */
async function serveForImport() {
  const page = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>import</title>
<script type="importmap">${JSON.stringify(LIT_IMPORT_MAP)}</script>`;
  const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.map': 'application/json' };
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    const file = join(rootPath, path);
    const inside = relative(rootPath, file);
    const allowed = inside.startsWith(`dist${sep}`) || inside.startsWith(`node_modules${sep}`);
    if (!allowed || inside.includes('..') || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return Object.assign(server, { url: `http://127.0.0.1:${port}` });
}

test('the package documents the elements that the side-effect checks look for', () => {
  assert.ok(manifestTags.length >= 3, `custom-elements.json names only ${manifestTags.join(', ')}`);
  for (const file of ['dist/index.js', 'dist/define.js', 'dist/development/index.js', 'dist/development/define.js']) {
    assert.ok(entryFiles.includes(file), `${file} is built`);
  }
});

test('the root entry has no side effects: it registers nothing', async () => {
  const results = await registrations();
  for (const file of ['dist/index.js', 'dist/development/index.js']) {
    const { exports, defined } = results.get(file);
    // It did load, and exports exactly the public API: the classes (each defines itself under a tag of the page's
    // choosing with `define(tag)`), the config context, registerLocale, safeHref and VERSION; nothing internal.
    assert.deepEqual(
      [...exports].sort(),
      [
        'PeerCheckIn',
        'PeerCrisisResources',
        'PeerGroupFinder',
        'PeerHelpLink',
        'PeerRequestButton',
        'PeerSupportProvider',
        'PeerSupporterInbox',
        'VERSION',
        'peerConfigContext',
        'registerLocale',
        'safeHref',
      ],
      `${file} exports`,
    );
    assert.deepEqual(defined, [], `importing ${file} registered elements`);
  }
});

test('the define entries register every element; each element entry registers its element', async () => {
  const results = await registrations();
  const all = [...manifestTags].sort();
  for (const file of ['dist/define.js', 'dist/development/define.js', 'dist/cdn/peer-support-widgets.js']) {
    assert.deepEqual(results.get(file).defined, all, `importing ${file} registers every element`);
  }
  for (const tag of manifestTags) {
    for (const file of [`dist/${tag}.js`, `dist/development/${tag}.js`]) {
      assert.ok(results.has(file), `${file} is built`);
      assert.ok(results.get(file).defined.includes(tag), `importing ${file} registers <${tag}>`);
    }
  }
});

/** package.json "sideEffects" patterns as bundlers read them: relative to the package, "*" within one folder. */
const sideEffectPatterns = pkg.sideEffects.map((glob) => {
  const path = glob.replace(/^\.\//, '');
  const body = path
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(path.includes('/') ? `^${body}$` : `(^|/)${body}$`);
});
const hasSideEffects = (file) => sideEffectPatterns.some((pattern) => pattern.test(file.replace(/^\.\//, '')));

test('package.json "sideEffects" lists exactly the entries that register elements', async () => {
  assert.ok(Array.isArray(pkg.sideEffects), '"sideEffects" is a list, not true or false');
  const results = await registrations();
  for (const [file, { defined }] of results) {
    if (defined.length > 0) {
      assert.ok(hasSideEffects(file), `${file} registers ${defined.join(', ')} but is not in "sideEffects"`);
    } else {
      assert.ok(!hasSideEffects(file), `${file} registers nothing but is listed in "sideEffects"`);
    }
  }
  // The sources, for bundlers that build from src/: the define modules have side effects, the root does not.
  assert.ok(!hasSideEffects('src/index.ts'), 'src/index.ts is not in "sideEffects"');
  assert.ok(hasSideEffects('src/define.ts'), 'src/define.ts is in "sideEffects"');
  for (const tag of manifestTags) {
    const source = `src/elements/${tag}/define.ts`;
    if (existsSync(new URL(source, root))) assert.ok(hasSideEffects(source), `${source} is in "sideEffects"`);
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Development warnings: src/core/dev.ts's devWarn() is compiled away in production (vite.config.ts defines
// __PEER_DEV__ as false), so no warning text may reach dist/*.js, dist/chunks/ or dist/cdn/; dist/development/ keeps
// them all. The texts are read from the devWarn(...) calls in src/, so a new warning is checked too.

/** The fixed parts (16+ characters, split at interpolations and quotes) of every devWarn message literal in src/. */
function devWarningTexts() {
  const call = /\bdevWarn\(\s*[^,()]+,\s*(`(?:\\.|[^`\\])*`|'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*")/g;
  const texts = new Set();
  for (const file of filesUnder(new URL('src/', root)).filter((path) => /(?<!\.d)\.ts$/.test(path))) {
    for (const [, literal] of readFileSync(file, 'utf8').matchAll(call)) {
      const fixed = literal.slice(1, -1).replace(/\$\{[^}]*\}/g, '\n');
      for (const part of fixed.split(/["'`\\\n]/)) {
        if (part.trim().length >= 16) texts.add(part.trim());
      }
    }
  }
  return [...texts];
}

/** The line devWarn prints, before minification renames its variables: "[peer-support-widgets] <${…}>: ${…}". */
const DEV_WARN_FORMAT = /\[peer-support-widgets\] <\$\{[\w$.]+\}>: \$\{/;

test('production builds carry no development warnings; the development build does', () => {
  const texts = devWarningTexts();
  assert.ok(texts.length >= 3, `found only ${texts.length} devWarn messages in src/: ${texts.join(' | ')}`);

  const production = [
    ...jsFilesIn(new URL('dist/', root)).map((name) => `dist/${name}`),
    ...jsFilesIn(new URL('dist/chunks/', root)).map((name) => `dist/chunks/${name}`),
    ...jsFilesIn(new URL('dist/cdn/', root)).map((name) => `dist/cdn/${name}`),
  ];
  assert.ok(production.includes('dist/index.js') && production.includes('dist/cdn/peer-support-widgets.js'));
  const leaks = production.flatMap((file) => {
    const code = readFileSync(new URL(file, root), 'utf8');
    const found = texts.filter((text) => code.includes(text));
    if (DEV_WARN_FORMAT.test(code)) found.push("devWarn's console.warn");
    return found.map((text) => `${file}: ${text}`);
  });
  assert.deepEqual(leaks, [], 'production builds carry development warnings');

  const development = filesUnder(new URL('dist/development/', root))
    .filter((path) => path.endsWith('.js'))
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');
  const missing = texts.filter((text) => !development.includes(text));
  assert.deepEqual(missing, [], 'dist/development/ lacks development warnings');
  assert.match(development, DEV_WARN_FORMAT, "dist/development/ has devWarn's console.warn");
});

function jsFilesIn(dir) {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.js')) : [];
}

function filesUnder(dir) {
  const base = fileURLToPath(dir);
  if (!existsSync(base)) return [];
  return readdirSync(base, { recursive: true })
    .map((name) => join(base, name))
    .filter((path) => statSync(path).isFile());
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
