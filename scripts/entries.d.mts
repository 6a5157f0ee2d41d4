export declare const ENTRIES: Record<string, string>;
export declare const CDN_ENTRY: string;
export declare const CDN_FILE: string;
