import type { ValidateFunction } from 'ajv/dist/2020.js';
import { CONTRACT_SCHEMA_ID } from './ajv-factory.ts';
import type { CompiledContract } from './compiled-contract.ts';

const compiled = new WeakMap<CompiledContract, Map<string, ValidateFunction>>();

/**
 * A validator for one of the contract's component schemas (e.g. "CrisisResource"), for documents that do not
 * arrive as a request body: merged patches, bundled data files. Compiled once per contract; throws if the
 * contract has no such schema, so a renamed schema fails at start rather than on a request.
 */
export function componentSchemaValidator(contract: CompiledContract, name: string): ValidateFunction {
  let byName = compiled.get(contract);
  if (!byName) {
    byName = new Map();
    compiled.set(contract, byName);
  }
  let validate = byName.get(name);
  if (!validate) {
    if (!contract.document.components?.schemas?.[name]) {
      throw new Error(`The contract has no component schema "${name}"`);
    }
    validate = contract.bodyAjv.compile({ $ref: `${CONTRACT_SCHEMA_ID}#/$defs/${name}` });
    byName.set(name, validate);
  }
  return validate;
}
