import type { ValidateFunction } from 'ajv/dist/2020.js';
import { rewriteSchemaRefs, type ContractAjv } from './ajv-factory.ts';
import { toFieldErrors, type RequestLocation } from './field-errors.ts';
import type { ContractOperation } from './operation-table.ts';
import type { JsonSchema, OpenApiDocument, ParameterObject, RequestBodyObject } from './openapi-types.ts';
import { resolveRef } from './resolve-ref.ts';
import type { FieldError } from '../http/problem.ts';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** OpenAPI says header parameters with these names are ignored (they are described elsewhere). */
const IGNORED_HEADER_PARAMETERS = new Set(['accept', 'content-type', 'authorization']);

export interface ParameterGroup {
  location: Exclude<RequestLocation, 'body'>;
  parameters: ParameterObject[];
  /** Coerces `values` in place and returns the errors, each naming its field. */
  validate(values: Record<string, unknown>): FieldError[];
}

export interface BodySpec {
  required: boolean;
  /** Media types the operation accepts (lower case), e.g. ["application/json"]. */
  mediaTypes: string[];
  validate: ValidateFunction | undefined;
}

export interface CompiledOperation {
  operation: ContractOperation;
  path: ParameterGroup;
  query: ParameterGroup;
  header: ParameterGroup;
  body: BodySpec | undefined;
  /** POST operations that declare an Idempotency-Key header get replay protection. */
  idempotent: boolean;
  /** Query parameters whose schema is an array (so repeated and comma-separated values are gathered). */
  arrayParameters: Set<string>;
}

export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(mediaType);
}

function schemaAllowsArray(document: OpenApiDocument, schema: JsonSchema | undefined): boolean {
  if (typeof schema !== 'object') return false;
  const resolved = resolveRef<Record<string, unknown>>(document, schema as Record<string, unknown>);
  const type = resolved.type;
  return type === 'array' || (Array.isArray(type) && type.includes('array'));
}

function compileGroup(
  ajv: ContractAjv,
  location: ParameterGroup['location'],
  parameters: ParameterObject[],
): ParameterGroup {
  const keyOf = (parameter: ParameterObject) => (location === 'header' ? parameter.name.toLowerCase() : parameter.name);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const displayNames = new Map<string, string>();
  for (const parameter of parameters) {
    const key = keyOf(parameter);
    properties[key] = rewriteSchemaRefs(parameter.schema ?? {});
    displayNames.set(key, parameter.name);
    if (parameter.required || location === 'path') required.push(key);
  }
  const validator = ajv.compile({ type: 'object', properties, required });
  return {
    location,
    parameters,
    validate(values) {
      if (validator(values)) return [];
      return toFieldErrors(location, validator.errors, (token) => displayNames.get(token) ?? token);
    },
  };
}

function compileBody(document: OpenApiDocument, ajv: ContractAjv, operation: ContractOperation): BodySpec | undefined {
  if (!operation.definition.requestBody) return undefined;
  const requestBody = resolveRef<RequestBodyObject>(document, operation.definition.requestBody);
  const content = requestBody.content ?? {};
  const mediaTypes = Object.keys(content).map((type) => type.toLowerCase());
  const jsonType = Object.keys(content).find((type) => isJsonMediaType(type.toLowerCase()));
  const schema = jsonType ? content[jsonType]?.schema : undefined;
  return {
    required: requestBody.required === true,
    mediaTypes,
    validate: schema === undefined ? undefined : ajv.compile(rewriteSchemaRefs(schema)),
  };
}

/** Compiles every validator an operation needs, once, at start. */
export function compileOperation(
  document: OpenApiDocument,
  operation: ContractOperation,
  ajv: { params: ContractAjv; body: ContractAjv },
): CompiledOperation {
  const byLocation = (location: ParameterObject['in']) =>
    operation.parameters.filter((parameter) => parameter.in === location);
  const headers = byLocation('header').filter(
    (parameter) => !IGNORED_HEADER_PARAMETERS.has(parameter.name.toLowerCase()),
  );
  const queryParameters = byLocation('query');
  try {
    return {
      operation,
      path: compileGroup(ajv.params, 'path', byLocation('path')),
      query: compileGroup(ajv.params, 'query', queryParameters),
      header: compileGroup(ajv.params, 'header', headers),
      body: compileBody(document, ajv.body, operation),
      idempotent:
        operation.method === 'POST' &&
        headers.some((parameter) => parameter.name.toLowerCase() === IDEMPOTENCY_KEY_HEADER),
      arrayParameters: new Set(
        queryParameters
          .filter((parameter) => schemaAllowsArray(document, parameter.schema))
          .map((parameter) => parameter.name),
      ),
    };
  } catch (error) {
    throw new Error(`Cannot compile the contract's schemas for ${operation.key}: ${(error as Error).message}`);
  }
}
