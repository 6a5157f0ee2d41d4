import { readFile } from 'node:fs/promises';
import { defaultPaths } from './paths.ts';

/** The product version, from the root package.json (the server package is private and versioned with it). */
export async function readVersion(file: string = defaultPaths.rootPackageJson): Promise<string> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : '0.0.0';
}
