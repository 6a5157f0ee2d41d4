import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

// Three builds of the same source:
//   vite build                    → dist/: one ESM entry per element plus index and define-all, lit external.
//   vite build --mode development → dist/development/: the same with development warnings kept
//                                   (served through the "development" export condition).
//   vite build --mode cdn         → dist/cdn/peer-support-widgets.js: one minified file, lit inlined, all defined.
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const entries = {
  index: 'src/index.ts',
  define: 'src/define.ts',
  'peer-support-provider': 'src/elements/peer-support-provider/define.ts',
  'peer-crisis-resources': 'src/elements/peer-crisis-resources/define.ts',
  'peer-help-link': 'src/elements/peer-help-link/define.ts',
};

export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn';
  const development = mode === 'development';
  return {
    define: {
      __PEER_VERSION__: JSON.stringify(version),
      __PEER_DEV__: JSON.stringify(development),
    },
    build: {
      target: 'es2022',
      outDir: cdn ? 'dist/cdn' : development ? 'dist/development' : 'dist',
      // The lib build must not wipe dist/cdn or dist/development built before it.
      emptyOutDir: false,
      minify: cdn,
      sourcemap: true,
      lib: cdn
        ? { entry: 'src/define.ts', formats: ['es'], fileName: () => 'peer-support-widgets.js' }
        : { entry: entries, formats: ['es'], fileName: (_format, name) => `${name}.js` },
      rolldownOptions: cdn
        ? { output: { codeSplitting: false } }
        : {
            external: [/^lit(\/|$)/, /^@lit\//],
            output: { chunkFileNames: 'chunks/[name]-[hash].js' },
          },
    },
  };
});
