export declare const ENTRIES: Record<string, string>;
/** One CDN file: the vite mode that builds it, its name in dist/cdn/, and the module it is built from. */
export interface CdnBundle {
  mode: string;
  file: string;
  entry: string;
}
export declare const CDN_BUNDLES: readonly CdnBundle[];
export declare const CDN_ENTRY: string;
export declare const CDN_FILE: string;
