import { stat } from 'node:fs/promises';
import type { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { serveFile } from './static-files.ts';

export interface StaticRoots {
  /** The demo pages (repo demo/): "/" is its index.html, "/demo/*" the rest. */
  demoDir: string;
  /** The built CDN bundle (repo dist/cdn/), served at "/cdn/*". */
  cdnDir: string;
}

function notFound(message = 'Not found.'): Response {
  return new Response(`${message}\n`, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

async function isDirectory(directory: string): Promise<boolean> {
  try {
    return (await stat(directory)).isDirectory();
  } catch {
    return false;
  }
}

function encodedPathAfter(url: string, prefix: string): string {
  return new URL(url).pathname.slice(prefix.length);
}

/** The demo and the widget bundle, so that `npm start` is one process. */
export function registerStaticRoutes(app: Hono<AppEnv>, roots: StaticRoots): void {
  app.get('/', async (c) => {
    c.set('route', '/');
    const result = await serveFile(c, roots.demoDir, '/index.html');
    return result.kind === 'file' ? result.response : notFound('The demo page (demo/index.html) is missing.');
  });

  app.get('/demo', (c) => {
    c.set('route', '/demo');
    return c.redirect('/demo/', 301);
  });

  app.get('/demo/*', async (c) => {
    c.set('route', '/demo/*');
    const result = await serveFile(c, roots.demoDir, encodedPathAfter(c.req.url, '/demo'));
    return result.kind === 'file' ? result.response : notFound();
  });

  app.get('/cdn/*', async (c) => {
    c.set('route', '/cdn/*');
    if (!(await isDirectory(roots.cdnDir))) {
      return notFound('The widget bundle has not been built yet. Run `npm run build` at the repository root.');
    }
    const result = await serveFile(c, roots.cdnDir, encodedPathAfter(c.req.url, '/cdn'));
    return result.kind === 'file' ? result.response : notFound();
  });
}
