/** The library's version, replaced at build time from package.json; "development" when running from source. */
declare const __PEER_VERSION__: string | undefined;

export const VERSION: string = typeof __PEER_VERSION__ === 'string' ? __PEER_VERSION__ : 'development';
