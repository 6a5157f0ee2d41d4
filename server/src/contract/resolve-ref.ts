import type { OpenApiDocument, Reference } from './openapi-types.ts';

export function isReference(value: unknown): value is Reference {
  return typeof value === 'object' && value !== null && typeof (value as Reference).$ref === 'string';
}

function unescapePointerToken(token: string): string {
  return decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Follows local `#/...` references (parameters, request bodies, responses) until it reaches the real object. */
export function resolveRef<T>(document: OpenApiDocument, value: T | Reference): T {
  let current: unknown = value;
  const seen = new Set<string>();
  while (isReference(current)) {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`Only local references are supported in the contract, got "${ref}"`);
    if (seen.has(ref)) throw new Error(`Circular reference "${ref}" in the contract`);
    seen.add(ref);
    let target: unknown = document;
    for (const token of ref.slice(2).split('/').map(unescapePointerToken)) {
      if (typeof target !== 'object' || target === null || !(token in target)) {
        throw new Error(`The contract reference "${ref}" points nowhere`);
      }
      target = (target as Record<string, unknown>)[token];
    }
    current = target;
  }
  return current as T;
}
