import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { OpenApiDocument } from './openapi-types.ts';

export async function loadContractFile(file: string): Promise<OpenApiDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the API contract at ${file}: ${(error as Error).message}`);
  }
  const document = parse(text) as unknown;
  assertOpenApi31(document, file);
  return document;
}

function assertOpenApi31(document: unknown, source: string): asserts document is OpenApiDocument {
  if (typeof document !== 'object' || document === null) throw new Error(`${source} is not an OpenAPI document`);
  const version = (document as { openapi?: unknown }).openapi;
  if (typeof version !== 'string' || !version.startsWith('3.1')) {
    throw new Error(`${source} must be OpenAPI 3.1.x (found openapi: ${String(version)})`);
  }
}

/**
 * The path prefix every contract path is served under, from servers[0].url ("/api/v1", or an absolute URL whose
 * path is used). No servers entry means the root.
 */
export function basePathOf(document: OpenApiDocument): string {
  const url = document.servers?.[0]?.url ?? '/';
  const pathname = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? new URL(url).pathname : url;
  const trimmed = pathname.replace(/\/+$/, '');
  if (trimmed !== '' && !trimmed.startsWith('/')) throw new Error(`servers[0].url "${url}" must start with "/"`);
  return trimmed;
}
