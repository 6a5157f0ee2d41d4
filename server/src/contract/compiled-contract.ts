import { createContractAjv, type ContractAjv } from './ajv-factory.ts';
import { compileOperation, type CompiledOperation } from './compile-operation.ts';
import { basePathOf } from './load-contract.ts';
import type { OpenApiDocument } from './openapi-types.ts';
import { OperationTable } from './operation-table.ts';
import type { Logger } from '../logging/logger.ts';

/** The contract, ready to route and validate: built once when the server starts. */
export interface CompiledContract {
  document: OpenApiDocument;
  /** e.g. "/api/v1" (from servers[0].url); "" when the API is served at the root. */
  basePath: string;
  table: OperationTable;
  operations: Map<string, CompiledOperation>;
  /** The non-coercing Ajv, for checking JSON documents (bodies, responses) against contract schemas. */
  bodyAjv: ContractAjv;
}

export function compileContract(document: OpenApiDocument, logger: Logger): CompiledContract {
  const table = new OperationTable(document);
  const ajv = {
    params: createContractAjv(document, { coerce: true, logger, reportGaps: true }),
    body: createContractAjv(document, { coerce: false, logger, reportGaps: false }),
  };
  const operations = new Map<string, CompiledOperation>();
  for (const operation of table.operations) {
    operations.set(operation.key, compileOperation(document, operation, ajv));
  }
  return { document, basePath: basePathOf(document), table, operations, bodyAjv: ajv.body };
}
