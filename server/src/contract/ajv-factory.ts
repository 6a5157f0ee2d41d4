import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { Logger } from '../logging/logger.ts';
import type { JsonSchema, OpenApiDocument } from './openapi-types.ts';

/** The id under which the contract's components.schemas are registered, as `$defs`. */
export const CONTRACT_SCHEMA_ID = 'urn:peer-support-widgets:contract';
const COMPONENT_SCHEMA_PREFIX = '#/components/schemas/';

/**
 * Annotation keywords OpenAPI 3.1 adds to JSON Schema; they never affect validation. `discriminator` is not one of
 * them here: Ajv uses it to check a `oneOf` against the one branch its tag names, so that a mood check-in with a bad
 * level is told about its level, not also that it is no WHO-5 or PHQ-4 check-in.
 */
const OPENAPI_ANNOTATIONS = ['example', 'xml', 'externalDocs'];

export type ContractAjv = Ajv2020;
export type AjvError = ErrorObject;

function isDiscriminator(value: unknown): value is { propertyName: string; mapping?: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { propertyName?: unknown }).propertyName === 'string'
  );
}

/**
 * Deep copy of a schema with `#/components/schemas/X` references pointed at the registered contract schema, and
 * without a discriminator's `mapping`: Ajv refuses it, and it adds nothing, since every branch names its own tag
 * value with `const` (test/contract-discriminators.test.ts checks that the two agree). A schema with a
 * discriminator also gets `type: object` if it has no type: Ajv then skips the `oneOf`, and its discriminator only
 * looks at objects, so without it an array or a string would pass.
 */
export function rewriteSchemaRefs<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => rewriteSchemaRefs(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === '$ref' && typeof item === 'string' && item.startsWith(COMPONENT_SCHEMA_PREFIX)) {
      copy[key] = `${CONTRACT_SCHEMA_ID}#/$defs/${item.slice(COMPONENT_SCHEMA_PREFIX.length)}`;
    } else if (key === 'discriminator' && isDiscriminator(item)) {
      copy[key] = { propertyName: item.propertyName };
    } else {
      copy[key] = rewriteSchemaRefs(item);
    }
  }
  if (isDiscriminator(copy.discriminator) && copy.type === undefined) copy.type = 'object';
  return copy as T;
}

/** Keys whose values are data, not schemas: a `format` field inside an example is not a schema format. */
const DATA_KEYS = new Set(['example', 'examples', 'enum', 'const', 'default']);

function collect(value: unknown, found: { extensions: Set<string>; formats: Set<string> }): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, found);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, item] of Object.entries(value)) {
    if (DATA_KEYS.has(key)) continue;
    if (key.startsWith('x-')) found.extensions.add(key);
    if (key === 'format' && typeof item === 'string') found.formats.add(item);
    collect(item, found);
  }
}

export interface AjvOptions {
  /**
   * For parameters, which arrive as strings: coerce them to the schema's types ('array' also wraps single
   * values) and fill in documented defaults.
   */
  coerce: boolean;
  logger: Logger;
  /** Log formats the server cannot check (one of the instances does it, so each gap is logged once). */
  reportGaps: boolean;
}

/**
 * An Ajv (JSON Schema 2020-12) that knows the contract's component schemas. Unknown keywords are logged and
 * ignored; formats Ajv does not know are accepted with a warning, so an unusual contract cannot stop the server,
 * but every such gap shows up in the log at start.
 */
export function createContractAjv(document: OpenApiDocument, options: AjvOptions): ContractAjv {
  const { logger } = options;
  const ajv = new Ajv2020({
    allErrors: true,
    strictSchema: 'log',
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    discriminator: true,
    coerceTypes: options.coerce ? 'array' : false,
    // Parameters get their documented defaults (e.g. limit: 20); bodies stay exactly as sent.
    useDefaults: options.coerce,
    logger: {
      log: (...args: unknown[]) => logger.debug(args.map(String).join(' ')),
      warn: (...args: unknown[]) => logger.warn(`contract schema: ${args.map(String).join(' ')}`),
      error: (...args: unknown[]) => logger.error(`contract schema: ${args.map(String).join(' ')}`),
    },
  });
  formats.default(ajv);
  ajv.addVocabulary(OPENAPI_ANNOTATIONS);

  const found = { extensions: new Set<string>(), formats: new Set<string>() };
  collect(document, found);
  for (const keyword of found.extensions) ajv.addKeyword({ keyword });
  for (const format of found.formats) {
    if (!ajv.formats[format]) {
      if (options.reportGaps)
        logger.warn('contract uses a format the server cannot check; accepting any value', { format });
      ajv.addFormat(format, true);
    }
  }

  const schemas = (document.components?.schemas ?? {}) as Record<string, JsonSchema>;
  ajv.addSchema({ $id: CONTRACT_SCHEMA_ID, $defs: rewriteSchemaRefs(schemas) });
  return ajv;
}
