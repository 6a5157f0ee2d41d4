import { loadContractFile } from '../../src/contract/load-contract.ts';
import type { OpenApiDocument } from '../../src/contract/openapi-types.ts';
import { defaultPaths } from '../../src/paths.ts';

/**
 * Test-only operations added to a copy of the real contract, so the middleware can be tested on known schemas
 * whatever the real endpoints look like as later issues change them.
 */
const jsonObject = { type: 'object' };
const json = (schema: unknown) => ({ 'application/json': { schema } });
const problem = { 'application/problem+json': { schema: jsonObject } };

export const TEST_PATHS = {
  '/test-only/items/{itemId}': {
    get: {
      operationId: 'testGetItem',
      parameters: [
        { name: 'itemId', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
        { name: 'country', in: 'query', required: true, schema: { type: 'string', pattern: '^[A-Z]{2}$' } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50 } },
        { name: 'active', in: 'query', schema: { type: 'boolean' } },
        { name: 'tag', in: 'query', schema: { type: 'array', maxItems: 3, items: { type: 'string', maxLength: 10 } } },
        {
          name: 'color',
          in: 'query',
          explode: false,
          schema: { type: 'array', maxItems: 5, items: { type: 'string', enum: ['red', 'blue'] } },
        },
        { name: 'Test-Token', in: 'header', required: true, schema: { type: 'string', minLength: 4, maxLength: 40 } },
      ],
      responses: { '200': { description: 'echo', content: json(jsonObject) } },
    },
  },
  '/test-only/items': {
    post: {
      operationId: 'testCreateItem',
      parameters: [
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          schema: { type: 'string', minLength: 8, maxLength: 128, pattern: '^[A-Za-z0-9._:-]+$' },
        },
      ],
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          additionalProperties: false,
          required: ['name'],
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 40 },
            count: { type: 'integer', minimum: 0, maximum: 10 },
            note: { type: 'string', maxLength: 70000 },
            nested: { type: 'object', additionalProperties: false, properties: { flag: { type: 'boolean' } } },
          },
        }),
      },
      responses: {
        '201': {
          description: 'created',
          content: json({
            type: 'object',
            required: ['id', 'name'],
            properties: { id: { type: 'integer' }, name: { type: 'string' } },
          }),
        },
        '429': { description: 'busy', content: problem },
      },
    },
  },
  '/test-only/slow': {
    get: { operationId: 'testSlow', responses: { '200': { description: 'ok', content: json(jsonObject) } } },
  },
  '/test-only/unimplemented': {
    get: { operationId: 'testUnimplemented', responses: { '200': { description: 'ok' } } },
  },
} as const;

export async function loadTestContract(): Promise<OpenApiDocument> {
  const real = await loadContractFile(defaultPaths.contract);
  const copy = structuredClone(real);
  copy.paths = { ...copy.paths, ...(structuredClone(TEST_PATHS) as unknown as OpenApiDocument['paths']) };
  return copy;
}
