import type { AjvError } from './ajv-factory.ts';
import { MAX_FIELD_ERRORS, type FieldError } from '../http/problem.ts';

export type RequestLocation = 'path' | 'query' | 'header' | 'body';

/** The contract caps `field` and `message` at 300 characters each. */
const MAX_TEXT = 300;

/** Shortens a field or message to the contract's limit. */
export function clipFieldText(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** RFC 6901: "~" and "/" inside a token are written "~0" and "~1". */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function describe(error: AjvError): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'dependentRequired':
      return `is required when ${String(params.property)} is given`;
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'is not an allowed field';
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'discriminator':
      return 'is missing or not one of the values the contract lists';
    default:
      return error.message ?? 'is not valid';
  }
}

/** The pointer to the offending value: for a missing or unexpected property, the property itself. */
function instancePointer(error: AjvError): string {
  const params = error.params as Record<string, unknown>;
  const child =
    error.keyword === 'required' || error.keyword === 'dependentRequired'
      ? params.missingProperty
      : error.keyword === 'additionalProperties'
        ? params.additionalProperty
        : error.keyword === 'unevaluatedProperties'
          ? params.unevaluatedProperty
          : // A oneOf's tag (e.g. `instrument`) that names no branch: the tag is the field to fix.
            error.keyword === 'discriminator'
            ? params.tag
            : undefined;
  return typeof child === 'string' ? `${error.instancePath}/${escapePointerToken(child)}` : error.instancePath;
}

/**
 * Turns Ajv errors into the contract's `errors` entries ({ field: "/body/name", message }). For parameters the
 * validated object is keyed by parameter name, so its first pointer token is the name; `displayName` restores
 * the contract's spelling of header names (validated in lower case).
 */
export function toFieldErrors(
  location: RequestLocation,
  errors: readonly AjvError[] | null | undefined,
  displayName: (token: string) => string = (token) => token,
): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors ?? []) {
    // An `if` error only says that its then/else branch failed; that branch's own errors follow it.
    if (error.keyword === 'if') continue;
    const pointer = instancePointer(error);
    let field: string;
    if (location === 'body') {
      field = `/body${pointer}`;
    } else {
      const [, first = '', ...rest] = pointer.split('/');
      field = [`/${location}`, displayName(first), ...rest].join('/');
    }
    const message = clipFieldText(describe(error));
    field = clipFieldText(field);
    const signature = `${field}\u0000${message}`;
    if (seen.has(signature)) continue;
    seen.add(signature);
    result.push({ field, message });
    if (result.length >= MAX_FIELD_ERRORS) break;
  }
  return result;
}
