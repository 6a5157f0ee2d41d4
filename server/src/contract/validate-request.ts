import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { HttpProblem, type FieldError } from '../http/problem.ts';
import { readBodyText } from '../http/read-body.ts';
import type { CompiledContract } from './compiled-contract.ts';
import { toFieldErrors } from './field-errors.ts';
import { isJsonMediaType, type BodySpec, type CompiledOperation } from './compile-operation.ts';
import type { RequestInput } from './request-input.ts';
import { unstorableTextErrors } from './unstorable-text.ts';

export interface ValidationOptions {
  bodyLimitBytes: number;
}

function hasBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  if (length !== null) return Number(length) > 0;
  return request.headers.has('transfer-encoding');
}

function mediaTypeOf(request: Request): string | undefined {
  const header = request.headers.get('content-type');
  if (!header) return undefined;
  return header.split(';', 1)[0]!.trim().toLowerCase();
}

function accepts(spec: BodySpec, mediaType: string): boolean {
  return spec.mediaTypes.some(
    (declared) =>
      declared === mediaType ||
      declared === '*/*' ||
      (declared.endsWith('/*') && mediaType.startsWith(declared.slice(0, -1))),
  );
}

async function readJsonBody(
  request: Request,
  spec: BodySpec | undefined,
  limitBytes: number,
  errors: FieldError[],
): Promise<unknown> {
  if (!spec || !hasBody(request)) {
    if (spec?.required) errors.push({ field: '/body', message: 'is required' });
    return undefined;
  }
  const mediaType = mediaTypeOf(request);
  if (!mediaType || !accepts(spec, mediaType) || !isJsonMediaType(mediaType)) {
    // RFC 9110 15.5.16: say which media types would work (Accept-Post / Accept-Patch by method).
    const acceptHeader = request.method === 'PATCH' ? 'Accept-Patch' : 'Accept-Post';
    throw new HttpProblem(415, {
      detail: `Send the body as ${spec.mediaTypes.join(' or ') || 'application/json'}.`,
      headers: { [acceptHeader]: spec.mediaTypes.join(', ') },
    });
  }
  const encoding = request.headers.get('content-encoding')?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    throw new HttpProblem(415, { detail: 'Send the body uncompressed (no Content-Encoding).' });
  }
  const read = await readBodyText(request, limitBytes);
  if (read.kind === 'too-large') {
    // The rest of the body was never read, so this connection cannot carry another request.
    throw new HttpProblem(413, {
      detail: `The body must not exceed ${limitBytes} bytes.`,
      headers: { Connection: 'close' },
    });
  }
  if (read.kind === 'not-utf8') {
    errors.push({ field: '/body', message: 'must be UTF-8 text' });
    return undefined;
  }
  if (read.text.trim() === '') {
    if (spec.required) errors.push({ field: '/body', message: 'is required' });
    return undefined;
  }
  let body: unknown;
  try {
    body = JSON.parse(read.text);
  } catch {
    errors.push({ field: '/body', message: 'must be valid JSON' });
    return undefined;
  }
  if (spec.validate && !spec.validate(body)) {
    errors.push(...toFieldErrors('body', spec.validate.errors));
  }
  return body;
}

const NOT_PERCENT_ENCODED = 'is not correctly percent-encoded';

function collectPathParams(raw: Record<string, string>, errors: FieldError[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, encoded] of Object.entries(raw)) {
    try {
      values[name] = decodeURIComponent(encoded);
    } catch {
      errors.push({ field: `/path/${name}`, message: NOT_PERCENT_ENCODED });
    }
  }
  return values;
}

function decodeQueryComponent(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

interface ParsedQuery {
  values: Map<string, string[]>;
  /** Names with a value that is not correctly percent-encoded UTF-8. */
  malformed: Set<string>;
}

/**
 * The query string as application/x-www-form-urlencoded, but strict: URLSearchParams would quietly turn bytes
 * that are not UTF-8 (such as an encoded lone surrogate, %ED%A0%80) into U+FFFD; here such a value is marked, so
 * that a declared parameter is named as an error, like a path parameter. Its value is then decoded leniently, so
 * that the schema check still says what else is wrong with it.
 */
function parseQuery(search: string): ParsedQuery {
  const values = new Map<string, string[]>();
  const malformed = new Set<string>();
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const rawName = equals === -1 ? pair : pair.slice(0, equals);
    const rawValue = equals === -1 ? '' : pair.slice(equals + 1);
    // A name that does not decode cannot be a declared parameter, and undeclared parameters are ignored.
    const name = decodeQueryComponent(rawName);
    if (name === undefined) continue;
    let value = decodeQueryComponent(rawValue);
    if (value === undefined) {
      malformed.add(name);
      value = new URLSearchParams(`v=${rawValue}`).get('v') ?? '';
    }
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  return { values, malformed };
}

function collectQuery(compiled: CompiledOperation, search: string, errors: FieldError[]): Record<string, unknown> {
  const { values: parsed, malformed } = parseQuery(search);
  const values: Record<string, unknown> = {};
  for (const parameter of compiled.query.parameters) {
    const all = parsed.get(parameter.name) ?? [];
    if (malformed.has(parameter.name)) errors.push({ field: `/query/${parameter.name}`, message: NOT_PERCENT_ENCODED });
    if (all.length === 0) continue;
    if (compiled.arrayParameters.has(parameter.name)) {
      // form style: explode (the default) repeats the name; explode: false joins values with commas.
      values[parameter.name] = parameter.explode === false ? all.flatMap((value) => value.split(',')) : all;
    } else {
      // More than one value for a scalar stays an array, which then fails the type check with a clear field.
      values[parameter.name] = all.length === 1 ? all[0] : all;
    }
  }
  return values;
}

function collectHeaders(compiled: CompiledOperation, request: Request): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const parameter of compiled.header.parameters) {
    const value = request.headers.get(parameter.name);
    if (value !== null) values[parameter.name.toLowerCase()] = value;
  }
  return values;
}

/** The contract's spelling of a header parameter held in lower case. */
function headerName(compiled: CompiledOperation, lowerCase: string): string {
  return compiled.header.parameters.find((parameter) => parameter.name.toLowerCase() === lowerCase)?.name ?? lowerCase;
}

/**
 * Routes a request under the base path to its contract operation and validates it: 404 / 405 when the contract
 * has no such route, 415 / 413 for unusable bodies, 400 naming every invalid field. Handlers then read the
 * coerced values from `c.var.input`; nothing reaches them (or the database) unless the request is valid.
 */
export function validateRequest(contract: CompiledContract, options: ValidationOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const below = url.pathname.slice(contract.basePath.length) || '/';
    const match = contract.table.match(c.req.method, below);
    if (match.kind === 'not-found') {
      throw new HttpProblem(404, { detail: 'No such endpoint in this API.' });
    }
    if (match.kind === 'method-not-allowed') {
      if (c.req.method === 'OPTIONS') {
        return c.body(null, 204, { Allow: match.allow.join(', ') });
      }
      throw new HttpProblem(405, {
        detail: `This endpoint accepts ${match.allow.join(', ')}.`,
        headers: { Allow: match.allow.join(', ') },
      });
    }

    const compiled = contract.operations.get(match.operation.key)!;
    c.set('route', `${contract.basePath}${match.operation.pathTemplate}`);
    c.set('operation', compiled);

    const errors: FieldError[] = [];
    const body = await readJsonBody(c.req.raw, compiled.body, options.bodyLimitBytes, errors);
    const input: RequestInput = {
      path: collectPathParams(match.rawPathParams, errors),
      query: collectQuery(compiled, url.search, errors),
      headers: collectHeaders(compiled, c.req.raw),
      body,
    };
    // Text the database cannot store (NUL, unpaired surrogates), in every string and key of every part, on every
    // operation: for free text the schema has nothing against it, and it would fail in the database instead.
    // Checked before the schemas coerce the parameters, and named first.
    const textErrors = [
      ...unstorableTextErrors('path', input.path),
      ...unstorableTextErrors('query', input.query),
      ...unstorableTextErrors('header', input.headers, (name) => headerName(compiled, name)),
      ...unstorableTextErrors('body', body),
    ];
    errors.unshift(
      ...textErrors,
      ...compiled.path.validate(input.path),
      ...compiled.query.validate(input.query),
      ...compiled.header.validate(input.headers),
    );
    if (errors.length > 0) {
      throw new HttpProblem(400, {
        detail: errors.length === 1 ? 'One field is not valid.' : `${errors.length} fields are not valid.`,
        errors,
      });
    }
    c.set('input', input);
    await next();
    return undefined;
  };
}
