// The published ESM entries and the source module each one is built from: read by vite.config.ts (the library
// build), scripts/entry-types.mjs (the .d.ts beside each entry) and custom-elements-manifest.config.mjs (which
// module of the published package declares, exports and defines each element).

/** Entry name (the file dist/<name>.js) → its source module. */
export const ENTRIES = {
  index: 'src/index.ts',
  define: 'src/define.ts',
  'peer-support-provider': 'src/elements/peer-support-provider/define.ts',
  'peer-crisis-resources': 'src/elements/peer-crisis-resources/define.ts',
  'peer-help-link': 'src/elements/peer-help-link/define.ts',
  'peer-check-in': 'src/elements/peer-check-in/define.ts',
  'peer-group-finder': 'src/elements/peer-group-finder/define.ts',
  'peer-request-button': 'src/elements/peer-request-button/define.ts',
  'peer-supporter-inbox': 'src/elements/peer-supporter-inbox/define.ts',
};

/** The single-file CDN bundle: built from this module, written to dist/cdn/<CDN_FILE>. */
export const CDN_ENTRY = 'src/define.ts';
export const CDN_FILE = 'peer-support-widgets.js';
