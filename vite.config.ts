import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { cdnAssets } from './scripts/cdn-assets.mjs';
import { CDN_BUNDLES, ENTRIES } from './scripts/entries.mjs';

// Builds of the same source:
//   vite build                    → dist/: one ESM entry per element plus index and define-all, lit external.
//   vite build --mode development → dist/development/: the same with development warnings kept
//                                   (served through the "development" export condition).
//   vite build --mode cdn         → dist/cdn/peer-support-widgets.js: one minified file, lit inlined, all
//                                   defined, with a source map, .br and .gz copies and integrity.json beside it.
//   vite build --mode cdn-crisis-help → dist/cdn/peer-crisis-help.js: the same for crisis help alone (provider,
//                                   crisis resources, help link). Each CDN file stands alone, so that one
//                                   integrity hash covers everything a page runs.
const { name, version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

/** "…/src/core/hours/open-status.ts" → "core-hours-open-status"; null for modules outside src/core. */
function coreModuleName(id: string): string | null {
  const path = id.replace(/\\/g, '/');
  const match = /\/src\/core\/(.+)\.ts$/.exec(path);
  return match ? `core-${match[1]!.replace(/\//g, '-')}` : null;
}

export default defineConfig(({ mode }) => {
  const bundle = CDN_BUNDLES.find((candidate) => candidate.mode === mode);
  const cdn = bundle !== undefined;
  const development = mode === 'development';
  return {
    define: {
      __PEER_VERSION__: JSON.stringify(version),
      __PEER_DEV__: JSON.stringify(development),
    },
    plugins: cdn ? [cdnAssets({ name, version })] : [],
    build: {
      target: 'es2022',
      outDir: cdn ? 'dist/cdn' : development ? 'dist/development' : 'dist',
      // The lib build must not wipe dist/cdn or dist/development built before it.
      emptyOutDir: false,
      minify: cdn,
      sourcemap: true,
      lib: cdn
        ? { entry: bundle.entry, formats: ['es'], fileName: () => bundle.file }
        : { entry: ENTRIES, formats: ['es'], fileName: (_format, entry) => `${entry}.js` },
      rolldownOptions: cdn
        ? {
            output: {
              codeSplitting: false,
              // Vite keeps whitespace in library `es` output (so that apps can re-minify it, vitejs/vite#8754); the
              // CDN file goes to browsers as it is, so it gets the full minifier. Licence comments (lit's BSD-3
              // notice) stay; pure annotations and JSDoc go.
              minify: true,
              comments: { legal: true, annotation: false, jsdoc: false },
              // Explicit compile hint (Chromium 136+, ignored elsewhere): every function in the file runs on load, so
              // V8 compiles them all while the file streams in, off the main thread, instead of one by one on the
              // main thread when each is first called (issue 7 §3.2: that was a third of the first long task).
              postBanner: '//# allFunctionsCalledOnLoad',
            },
          }
        : {
            external: [/^lit(\/|$)/, /^@lit\//],
            output: {
              chunkFileNames: 'chunks/[name]-[hash].js',
              // One chunk per core module, so an application that imports `safeHref` from the root gets that
              // module alone: a shared chunk would bring an element and its crisis data along with it. The helper
              // that decorators compile to gets its own chunk too, or it lands in some core module's chunk that
              // every element would then load.
              codeSplitting: {
                groups: [
                  { name: 'decorate', test: /helpers\/esm\/decorate/, priority: 2 },
                  { name: (id: string) => coreModuleName(id), debugName: 'core modules', priority: 1 },
                ],
              },
            },
          },
    },
  };
});
