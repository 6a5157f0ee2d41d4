// What a campus developer's bundler keeps when they import one helper from the package root: only that helper; and
// when they import an element, everything it needs, its words included.
// Bundles `import { safeHref } from 'peer-support-widgets'` with esbuild and with rolldown (Vite's bundler) through
// the published exports and "sideEffects", as an application build would, from the package as `npm pack` makes it
// (only the files it ships). Runs after `npm run build`.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { rolldown } from 'rolldown';
import { packedPackage, repoRoot as root } from './helpers/packed-package.mjs';

// lit stays outside: it is the application's dependency too, and counting it would hide what we add.
const LIT = ['lit', 'lit/*', '@lit/*'];

/** Bundles and minifies an app's entry with esbuild, or with rolldown (the bundler of Vite 8). */
async function bundle(source, bundler = 'esbuild') {
  const app = packedPackage().dir;
  const entry = join(app, 'entry.js');
  writeFileSync(entry, source);
  let code;
  if (bundler === 'rolldown') {
    const built = await rolldown({ input: entry, external: [/^lit(\/|$)/, /^@lit\//], logLevel: 'silent' });
    code = (await built.generate({ format: 'es', minify: true })).output[0].code;
    await built.close();
  } else {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      external: LIT,
      nodePaths: [join(root, 'node_modules')],
      logLevel: 'silent',
    });
    code = result.outputFiles[0].text;
  }
  return { code, gzip: gzipSync(code).length };
}

for (const bundler of ['esbuild', 'rolldown']) {
  test(`importing safeHref from the root pulls in no element and no crisis data (${bundler})`, async () => {
    const { code, gzip } = await bundle(
      `import { safeHref } from 'peer-support-widgets'; console.log(safeHref);`,
      bundler,
    );
    console.log(`safeHref alone (${bundler}): ${code.length} B minified, ${gzip} B gzip`);
    // Booleans, not assert.match: the message would print the whole bundle.
    assert.ok(
      !/peer-crisis-resources|peer-check-in|peer-group-finder|customElements|Suicide|emergency|WHO-5/i.test(code),
      'an element, crisis data, the check-in or the group finder came along',
    );
    assert.ok(gzip < 1500, `safeHref alone costs ${gzip} B gzip`);
  });

  test(`importing registerLocale or the config context pulls in no element either (${bundler})`, async () => {
    const { code, gzip } = await bundle(
      `import { registerLocale, peerConfigContext } from 'peer-support-widgets'; console.log(registerLocale, peerConfigContext);`,
      bundler,
    );
    console.log(`registerLocale and peerConfigContext (${bundler}): ${gzip} B gzip`);
    assert.ok(
      !/peer-crisis-resources|peer-check-in|peer-group-finder|Suicide|emergency-numbers|WHO-5/i.test(code),
      'an element, crisis data, the check-in or the group finder came along',
    );
    assert.ok(gzip < 6000, `costs ${gzip} B gzip`);
  });

  test(`the measure can fail: importing an element class brings the element and its data (${bundler})`, async () => {
    const { code } = await bundle(
      `import { PeerCrisisResources } from 'peer-support-widgets'; console.log(PeerCrisisResources);`,
      bundler,
    );
    assert.ok(/Suicide/.test(code), 'the element brings its bundled data');
  });
}

// A bundler that trusts "sideEffects" drops a module imported only for what it does when it loads: the words an
// element adds to the catalog must reach the app however the element is imported. One phrase from each table: the
// check-in's English and Spanish, the shared topic names, the history's.
const CHECK_IN_WORDS = ['How are you doing?', 'la soledad', 'LGBTQIA+ life', 'Download as a spreadsheet (CSV)'];

for (const [how, source] of [
  ['its subpath', `import 'peer-support-widgets/peer-check-in';`],
  ['the root, defining it', `import { PeerCheckIn } from 'peer-support-widgets'; PeerCheckIn.define();`],
]) {
  test(`<peer-check-in> imported from ${how} keeps its words`, async () => {
    const { code } = await bundle(source);
    const missing = CHECK_IN_WORDS.filter((words) => !code.includes(words));
    assert.deepEqual(missing, [], 'words of the check-in were dropped from the bundle');
  });
}

// The group finder's English and Spanish, and the shared topic names its filters use.
const GROUP_FINDER_WORDS = ['Find a peer support group', 'Encuentra un grupo de apoyo entre pares', 'LGBTQIA+ life'];

for (const [how, source] of [
  ['its subpath', `import 'peer-support-widgets/peer-group-finder';`],
  ['the root, defining it', `import { PeerGroupFinder } from 'peer-support-widgets'; PeerGroupFinder.define();`],
  ['the define entry', `import 'peer-support-widgets/define';`],
]) {
  test(`<peer-group-finder> imported from ${how} keeps its words`, async () => {
    const { code } = await bundle(source);
    const missing = GROUP_FINDER_WORDS.filter((words) => !code.includes(words));
    assert.deepEqual(missing, [], 'words of the group finder were dropped from the bundle');
  });
}

// The request button's and the inbox's English and Spanish (phrases in ASCII: the bundler escapes the rest), and the
// shared topic names the request's topic list uses.
const NEW_ELEMENT_WORDS = {
  'peer-request-button': ['Talk to a peer supporter', 'Ahora no hay nadie de turno.', 'LGBTQIA+ life'],
  'peer-supporter-inbox': ['Supporter inbox', 'Bandeja de apoyo'],
};
const CLASS_NAMES = { 'peer-request-button': 'PeerRequestButton', 'peer-supporter-inbox': 'PeerSupporterInbox' };

for (const [tag, words] of Object.entries(NEW_ELEMENT_WORDS)) {
  for (const [how, source] of [
    ['its subpath', `import 'peer-support-widgets/${tag}';`],
    [
      'the root, defining it',
      `import { ${CLASS_NAMES[tag]} } from 'peer-support-widgets'; ${CLASS_NAMES[tag]}.define();`,
    ],
  ]) {
    test(`<${tag}> imported from ${how} keeps its words`, async () => {
      const { code } = await bundle(source);
      const missing = words.filter((phrase) => !code.includes(phrase));
      assert.deepEqual(missing, [], `words of <${tag}> were dropped from the bundle`);
    });
  }
}
