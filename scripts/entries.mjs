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

/**
 * The CDN files, each one file with lit inlined (`vite build --mode <mode>`), written to dist/cdn/<file>: every
 * element, and crisis help alone for the pages that carry nothing else.
 */
export const CDN_BUNDLES = [
  { mode: 'cdn', file: 'peer-support-widgets.js', entry: 'src/define.ts' },
  { mode: 'cdn-crisis-help', file: 'peer-crisis-help.js', entry: 'src/define-crisis-help.ts' },
];

/** The all-in-one CDN file (package.json's jsdelivr, unpkg and ./cdn) and the module it is built from. */
export const CDN_ENTRY = CDN_BUNDLES[0].entry;
export const CDN_FILE = CDN_BUNDLES[0].file;
