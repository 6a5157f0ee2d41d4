import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Locations the server needs, resolved from this file so they do not depend on the working directory. */
export const serverRoot = fileURLToPath(new URL('..', import.meta.url));
export const repoRoot = path.resolve(serverRoot, '..');

export const defaultPaths = {
  contract: path.join(repoRoot, 'src', 'api', 'openapi.yaml'),
  migrations: path.join(serverRoot, 'migrations'),
  dataDir: path.join(repoRoot, '.data', 'pglite'),
  /** Prepared empty PGlite databases that new ones are copied from (db/pglite-template.ts). */
  pgliteTemplates: path.join(repoRoot, '.data', 'pglite-templates'),
  demoDir: path.join(repoRoot, 'demo'),
  cdnDir: path.join(repoRoot, 'dist', 'cdn'),
  rootPackageJson: path.join(repoRoot, 'package.json'),
} as const;
