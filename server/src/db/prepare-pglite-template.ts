import path from 'node:path';
import { defaultPaths } from '../paths.ts';
import { ensurePgliteTemplate } from './pglite-template.ts';

/**
 * `npm run prepare:db -w server`: makes the prepared PGlite template now (in an image build, in CI, after
 * `npm ci`) rather than on the first start, which then only copies it. Honours PGLITE_TEMPLATE_DIR like the server.
 */
const configured = process.env.PGLITE_TEMPLATE_DIR?.trim();
if (configured === 'none') {
  process.stdout.write('PGLITE_TEMPLATE_DIR=none: the server runs initdb itself, no template is made.\n');
} else {
  const started = performance.now();
  const template = await ensurePgliteTemplate(configured ? path.resolve(configured) : defaultPaths.pgliteTemplates);
  process.stdout.write(`PGlite template ready in ${Math.round(performance.now() - started)} ms: ${template.dataDir}\n`);
}
