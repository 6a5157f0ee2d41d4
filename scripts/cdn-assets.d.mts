import type { Plugin } from 'vite';

export declare function integrityOf(bytes: Uint8Array): string;
export declare function compress(bytes: Uint8Array): { br: Buffer; gz: Buffer };
export declare function writeCdnAssets(
  dir: string,
  pkg: { name: string; version: string },
): { name: string; version: string; integrity: Record<string, string> };
export declare function cdnAssets(pkg: { name: string; version: string }): Plugin;
