import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so that two bodies that differ only in key order count as the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Headers that identify who is asking; a key replayed under other credentials must not return their response. */
const CREDENTIAL_HEADERS = ['authorization', 'request-secret', 'registration-token'];

export interface FingerprintInput {
  method: string;
  path: string;
  search: string;
  body: unknown;
  headers: Headers;
}

/** What makes a retry "the same request": method, path, query, body and the credentials presented. */
export function requestFingerprint(input: FingerprintInput): string {
  const credentials = CREDENTIAL_HEADERS.map((name) => input.headers.get(name) ?? '');
  return createHash('sha256')
    .update(canonicalJson([input.method, input.path, input.search, input.body ?? null, credentials]))
    .digest('hex');
}
