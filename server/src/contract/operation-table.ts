import { HTTP_METHODS, type OpenApiDocument, type OperationObject, type ParameterObject } from './openapi-types.ts';
import { resolveRef } from './resolve-ref.ts';

/** One contract operation, with path-level and operation-level parameters merged and references resolved. */
export interface ContractOperation {
  /** "METHOD /template", e.g. "GET /groups/{groupId}": the name handlers are registered under. */
  key: string;
  method: string;
  pathTemplate: string;
  operationId: string | undefined;
  parameters: ParameterObject[];
  definition: OperationObject;
}

export type RouteMatch =
  | { kind: 'found'; operation: ContractOperation; rawPathParams: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

interface PathEntry {
  template: string;
  pattern: RegExp;
  paramNames: string[];
  literalSegments: number;
  operations: Map<string, ContractOperation>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileTemplate(template: string): Pick<PathEntry, 'pattern' | 'paramNames' | 'literalSegments'> {
  const paramNames: string[] = [];
  let literalSegments = 0;
  const source = template
    .split('/')
    .map((segment) => {
      const param = /^\{([^{}]+)\}$/.exec(segment);
      if (param) {
        paramNames.push(param[1]!);
        return '([^/]+)';
      }
      if (segment.includes('{'))
        throw new Error(`Path template "${template}": only whole-segment parameters are supported`);
      if (segment !== '') literalSegments += 1;
      return escapeRegExp(segment);
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), paramNames, literalSegments };
}

function mergeParameters(
  document: OpenApiDocument,
  pathLevel: OperationObject['parameters'],
  operationLevel: OperationObject['parameters'],
): ParameterObject[] {
  const merged = new Map<string, ParameterObject>();
  for (const item of [...(pathLevel ?? []), ...(operationLevel ?? [])]) {
    const parameter = resolveRef<ParameterObject>(document, item);
    merged.set(`${parameter.in}:${parameter.name.toLowerCase()}`, parameter);
  }
  return [...merged.values()];
}

/** Finds the contract operation for a method and a path below the base path. */
export class OperationTable {
  readonly operations: ContractOperation[] = [];
  private readonly entries: PathEntry[] = [];

  constructor(document: OpenApiDocument) {
    for (const [template, pathItem] of Object.entries(document.paths ?? {})) {
      const entry: PathEntry = { template, ...compileTemplate(template), operations: new Map() };
      for (const method of HTTP_METHODS) {
        const definition = pathItem[method];
        if (!definition) continue;
        const upper = method.toUpperCase();
        const operation: ContractOperation = {
          key: `${upper} ${template}`,
          method: upper,
          pathTemplate: template,
          operationId: definition.operationId,
          parameters: mergeParameters(document, pathItem.parameters, definition.parameters),
          definition,
        };
        entry.operations.set(upper, operation);
        this.operations.push(operation);
      }
      this.entries.push(entry);
    }
    // Most literal segments first, so /supporter/queue wins over /supporter/{requestId}.
    this.entries.sort((a, b) => b.literalSegments - a.literalSegments);
  }

  /** Every method the contract uses, for CORS preflight answers. */
  get methods(): string[] {
    return [...new Set(this.operations.map((operation) => operation.method))];
  }

  byKey(key: string): ContractOperation | undefined {
    return this.operations.find((operation) => operation.key === key);
  }

  /** `path` is the raw (still percent-encoded) path below the base path. HEAD is answered by GET. */
  match(method: string, path: string): RouteMatch {
    const allow = new Set<string>();
    for (const entry of this.entries) {
      const found = entry.pattern.exec(path);
      if (!found) continue;
      const operation = entry.operations.get(method) ?? (method === 'HEAD' ? entry.operations.get('GET') : undefined);
      if (operation) {
        const rawPathParams: Record<string, string> = {};
        entry.paramNames.forEach((name, index) => {
          rawPathParams[name] = found[index + 1]!;
        });
        return { kind: 'found', operation, rawPathParams };
      }
      for (const known of entry.operations.keys()) allow.add(known);
    }
    if (allow.size === 0) return { kind: 'not-found' };
    if (allow.has('GET')) allow.add('HEAD');
    return { kind: 'method-not-allowed', allow: [...allow] };
  }
}
