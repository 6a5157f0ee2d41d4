// `npm run analyze` (cem analyze): custom-elements.json for the published package, from the JSDoc in src/.
// See scripts/manifest-plugins.mjs for what the plugins add and how modules map to the published files.
import { collectPlugin, descriptionTagPlugin, publishedPackagePlugin } from './scripts/manifest-plugins.mjs';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
  plugins: [descriptionTagPlugin(), collectPlugin(), publishedPackagePlugin()],
};
