import { randomUUID } from 'node:crypto';
import { OperationTable, type ContractOperation } from '../../src/contract/operation-table.ts';
import type {
  JsonSchema,
  OpenApiDocument,
  ParameterObject,
  RequestBodyObject,
} from '../../src/contract/openapi-types.ts';
import { isReference, resolveRef } from '../../src/contract/resolve-ref.ts';

/**
 * Requests with text the database cannot store, generated from the contract: for every operation that takes text
 * (a path or query parameter that can be a string, or a JSON body), one request per kind of bad text in each such
 * place, the rest of the request filled in from the contract's examples. A new endpoint gets its cases without
 * anyone listing it.
 */
export interface TextCase {
  label: string;
  method: string;
  /** Below the base path, already percent-encoded. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The field the 400 must name. */
  field: string;
  message: RegExp;
}

export interface TextOperation {
  operation: ContractOperation;
  cases: TextCase[];
}

type Schema = Record<string, unknown>;

const NUL = '\u0000';
const HIGH_SURROGATE = '\ud800';
const LOW_SURROGATE = '\udc00';
/** In a URL, a lone surrogate can only be written as its (invalid) UTF-8 bytes. */
const ENCODED_SURROGATES = { high: '%ED%A0%80', low: '%ED%B0%80' };

const NUL_MESSAGE = /NUL character/;
const SURROGATE_MESSAGE = /unpaired UTF-16 surrogate/;
const NOT_ENCODED_MESSAGE = /not correctly percent-encoded/;

function schemaOf(document: OpenApiDocument, schema: JsonSchema | undefined): Schema {
  if (typeof schema !== 'object') return {};
  return isReference(schema) ? resolveRef<Schema>(document, schema) : schema;
}

function typesOf(schema: Schema): string[] {
  const type = schema.type;
  return Array.isArray(type) ? (type as string[]) : typeof type === 'string' ? [type] : [];
}

/** Whether a value of this schema can be (or contain) a string: string types, arrays of them, untyped schemas. */
function acceptsText(document: OpenApiDocument, schema: Schema): boolean {
  const branches = [schema.allOf, schema.anyOf, schema.oneOf].flatMap((list) => (Array.isArray(list) ? list : []));
  if (branches.some((branch) => acceptsText(document, schemaOf(document, branch as JsonSchema)))) return true;
  const types = typesOf(schema);
  if (types.length === 0) return branches.length === 0 && schema.enum === undefined && schema.const === undefined;
  if (types.includes('string')) return true;
  return types.includes('array') && acceptsText(document, schemaOf(document, schema.items as JsonSchema));
}

/** A plausible value: the contract's example if it has one, else something of the right type. */
function sample(document: OpenApiDocument, schema: Schema, example?: unknown): unknown {
  if (example !== undefined) return example;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const first = (schema[key] as JsonSchema[] | undefined)?.[0];
    if (first !== undefined) return sample(document, schemaOf(document, first));
  }
  const types = typesOf(schema);
  if (types.includes('array')) return [sample(document, schemaOf(document, schema.items as JsonSchema))];
  if (types.includes('integer') || types.includes('number')) return (schema.minimum as number | undefined) ?? 1;
  if (types.includes('boolean')) return true;
  return 'x'.repeat(Math.max((schema.minLength as number | undefined) ?? 1, 1));
}

function parameterExample(parameter: ParameterObject & { example?: unknown; examples?: Record<string, unknown> }) {
  if (parameter.example !== undefined) return parameter.example;
  const first = Object.values(parameter.examples ?? {})[0] as { value?: unknown } | undefined;
  return first?.value;
}

function asText(value: unknown): string {
  return Array.isArray(value) ? String(value[0]) : String(value);
}

function bodyExample(document: OpenApiDocument, operation: ContractOperation): { type: string; value: unknown } | null {
  if (!operation.definition.requestBody) return null;
  const requestBody = resolveRef<RequestBodyObject>(document, operation.definition.requestBody);
  const [type, media] = Object.entries(requestBody.content ?? {}).find(([name]) => /json/i.test(name)) ?? [];
  if (!type || !media) return null;
  const mediaExamples = (media as { example?: unknown; examples?: Record<string, { value?: unknown }> }).examples;
  const value =
    (media as { example?: unknown }).example ??
    Object.values(mediaExamples ?? {})[0]?.value ??
    sample(document, schemaOf(document, media.schema));
  return { type, value };
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Every string in a JSON value, as [JSON Pointer, value]. */
function stringLeaves(value: unknown, pointer = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[pointer, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringLeaves(item, `${pointer}/${index}`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, `${pointer}/${escapeToken(key)}`));
  }
  return [];
}

/** A copy of `value` with the string at `pointer` replaced. */
function replaceAt(value: unknown, pointer: string, replacement: string): unknown {
  const copy = structuredClone(value);
  const tokens = pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  let parent = copy as Record<string, unknown>;
  for (const token of tokens.slice(0, -1)) parent = parent[token] as Record<string, unknown>;
  parent[tokens.at(-1)!] = replacement;
  return copy;
}

export function textOperations(document: OpenApiDocument): TextOperation[] {
  const table = new OperationTable(document);
  const result: TextOperation[] = [];
  for (const operation of table.operations) {
    const params = operation.parameters.filter((parameter) => parameter.in === 'path' || parameter.in === 'query');
    const values = new Map<ParameterObject, string>(
      params.map((parameter) => [
        parameter,
        asText(sample(document, schemaOf(document, parameter.schema), parameterExample(parameter))),
      ]),
    );

    /** The request with every path parameter and every required query parameter set to a sample value. */
    const build = (override?: { parameter: ParameterObject; encoded: string }) => {
      const encodedOf = (parameter: ParameterObject) =>
        override?.parameter === parameter ? override.encoded : encodeURIComponent(values.get(parameter)!);
      let path = operation.pathTemplate;
      for (const parameter of params.filter((item) => item.in === 'path')) {
        path = path.replace(`{${parameter.name}}`, encodedOf(parameter));
      }
      const query = params
        .filter((item) => item.in === 'query' && (item.required || item === override?.parameter))
        .map((parameter) => `${encodeURIComponent(parameter.name)}=${encodedOf(parameter)}`);
      const headers: Record<string, string> = {};
      for (const parameter of operation.parameters.filter((item) => item.in === 'header' && item.required)) {
        headers[parameter.name] = /^idempotency-key$/i.test(parameter.name)
          ? randomUUID()
          : asText(sample(document, schemaOf(document, parameter.schema), parameterExample(parameter)));
      }
      return { path: query.length > 0 ? `${path}?${query.join('&')}` : path, headers };
    };

    const cases: TextCase[] = [];
    for (const parameter of params) {
      if (!acceptsText(document, schemaOf(document, parameter.schema))) continue;
      const field = `/${parameter.in}/${parameter.name}`;
      const good = encodeURIComponent(values.get(parameter)!);
      const variants = [
        { kind: 'NUL', encoded: `${good}%00`, message: NUL_MESSAGE },
        { kind: 'lone high surrogate', encoded: `${good}${ENCODED_SURROGATES.high}`, message: NOT_ENCODED_MESSAGE },
        { kind: 'lone low surrogate', encoded: `${ENCODED_SURROGATES.low}${good}`, message: NOT_ENCODED_MESSAGE },
      ];
      for (const variant of variants) {
        const request = build({ parameter, encoded: variant.encoded });
        cases.push({
          label: `${variant.kind} in ${field}`,
          method: operation.method,
          ...request,
          field,
          message: variant.message,
        });
      }
    }

    const example = bodyExample(document, operation);
    if (example) {
      const send = (label: string, body: unknown, field: string, message: RegExp) => {
        const request = build();
        cases.push({
          label,
          method: operation.method,
          path: request.path,
          headers: { ...request.headers, 'Content-Type': example.type },
          // JSON.stringify writes a lone surrogate as a \ud800 escape, which JSON.parse turns back into one.
          body: JSON.stringify(body),
          field,
          message,
        });
      };
      const leaves = stringLeaves(example.value);
      for (const [pointer, text] of leaves) {
        const field = `/body${pointer}`;
        send(`NUL in ${field}`, replaceAt(example.value, pointer, `${text}${NUL}`), field, NUL_MESSAGE);
        send(
          `lone high surrogate in ${field}`,
          replaceAt(example.value, pointer, `${text}${HIGH_SURROGATE}`),
          field,
          SURROGATE_MESSAGE,
        );
        send(
          `lone low surrogate in ${field}`,
          replaceAt(example.value, pointer, `${LOW_SURROGATE}${text}`),
          field,
          SURROGATE_MESSAGE,
        );
      }
      // Keys are text too (and the only text of a body whose example has no strings).
      if (typeof example.value === 'object' && example.value !== null && !Array.isArray(example.value)) {
        for (const [kind, bad, message] of [
          ['NUL', NUL, NUL_MESSAGE],
          ['lone surrogate', HIGH_SURROGATE, SURROGATE_MESSAGE],
        ] as const) {
          send(`${kind} in a field name`, { ...example.value, [`note${bad}`]: 'x' }, '/body/note\uFFFD', message);
        }
      } else if (leaves.length === 0) {
        send('NUL as the whole body', `x${NUL}`, '/body', NUL_MESSAGE);
        send('lone surrogate as the whole body', `x${HIGH_SURROGATE}`, '/body', SURROGATE_MESSAGE);
      }
    }
    if (cases.length > 0) result.push({ operation, cases });
  }
  return result;
}

/** A check that lets every request through, for each security scheme the contract declares. */
export function passAllSecuritySchemes(document: OpenApiDocument) {
  const schemes = Object.keys((document.components?.securitySchemes as Record<string, unknown> | undefined) ?? {});
  return Object.fromEntries(schemes.map((scheme) => [scheme, () => ({ kind: 'ok' as const })]));
}
