import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadContractFile } from '../src/contract/load-contract.ts';
import { defaultPaths } from '../src/paths.ts';

type Schema = {
  oneOf?: Array<{ $ref?: string }>;
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
  properties?: Record<string, { const?: unknown }>;
  required?: string[];
};

const contract = await loadContractFile(defaultPaths.contract);
const schemas = (contract.components?.schemas ?? {}) as Record<string, Schema>;
const PREFIX = '#/components/schemas/';

/**
 * The server drops each discriminator's `mapping` before Ajv sees it (Ajv refuses mappings) and lets Ajv pick the
 * branch by the `const` each branch gives its tag. That is only right while the two say the same.
 */
describe('contract discriminators', () => {
  const withDiscriminator = Object.entries(schemas).filter(([, schema]) => schema.discriminator);

  it('exist (so the check below checks something)', () => {
    assert.ok(withDiscriminator.length >= 3, withDiscriminator.map(([name]) => name).join(', '));
  });

  for (const [name, schema] of withDiscriminator) {
    it(`${name}: the mapping names each oneOf branch by the const its tag has, and the tag is required`, () => {
      const tag = schema.discriminator!.propertyName;
      const byConst: Record<string, string> = {};
      for (const branch of schema.oneOf ?? []) {
        assert.ok(branch.$ref?.startsWith(PREFIX), `${name}: every branch is a $ref`);
        const branchName = branch.$ref!.slice(PREFIX.length);
        const target = schemas[branchName]!;
        const value = target.properties?.[tag]?.const;
        assert.equal(typeof value, 'string', `${branchName}.${tag} has a string const`);
        assert.ok(target.required?.includes(tag), `${branchName} requires ${tag}`);
        byConst[value as string] = branch.$ref!;
      }
      assert.deepEqual(schema.discriminator!.mapping ?? byConst, byConst);
    });
  }
});
