// What a campus developer's bundler keeps when they import one helper from the package root: only that helper.
// Bundles `import { safeHref } from 'peer-support-widgets'` with esbuild through the published exports and
// "sideEffects", as an application build would. Runs after `npm run build`.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const app = mkdtempSync(join(tmpdir(), 'peer-tree-shaking-'));
mkdirSync(join(app, 'node_modules'));
symlinkSync(root, join(app, 'node_modules', 'peer-support-widgets'), 'dir');
after(() => rmSync(app, { recursive: true, force: true }));

async function bundle(source) {
  writeFileSync(join(app, 'entry.js'), source);
  const result = await build({
    entryPoints: [join(app, 'entry.js')],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    // lit stays outside: it is the application's dependency too, and counting it would hide what we add.
    external: ['lit', 'lit/*', '@lit/*'],
    nodePaths: [join(root, 'node_modules')],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return { code, gzip: gzipSync(code).length };
}

test('importing safeHref from the root pulls in no element and no crisis data', async () => {
  const { code, gzip } = await bundle(`import { safeHref } from 'peer-support-widgets'; console.log(safeHref);`);
  console.log(`safeHref alone: ${code.length} B minified, ${gzip} B gzip`);
  // Booleans, not assert.match: the message would print the whole bundle.
  assert.ok(
    !/peer-crisis-resources|customElements|Suicide|emergency/i.test(code),
    'an element or crisis data came along',
  );
  assert.ok(gzip < 1500, `safeHref alone costs ${gzip} B gzip`);
});

test('importing registerLocale or the config context pulls in no element either', async () => {
  const { code, gzip } = await bundle(
    `import { registerLocale, peerConfigContext } from 'peer-support-widgets'; console.log(registerLocale, peerConfigContext);`,
  );
  console.log(`registerLocale and peerConfigContext: ${gzip} B gzip`);
  assert.ok(!/peer-crisis-resources|Suicide|emergency-numbers/i.test(code), 'an element or crisis data came along');
  assert.ok(gzip < 6000, `costs ${gzip} B gzip`);
});

test('the measure can fail: importing an element class brings the element and its data', async () => {
  const { code } = await bundle(
    `import { PeerCrisisResources } from 'peer-support-widgets'; console.log(PeerCrisisResources);`,
  );
  assert.ok(/Suicide/.test(code), 'the element brings its bundled data');
});
