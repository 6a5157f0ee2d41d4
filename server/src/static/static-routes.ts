import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { serveFile } from './static-files.ts';

export interface StaticRoots {
  /** The demo pages (repo demo/): "/" is its index.html, "/demo/*" the rest. */
  demoDir: string;
  /**
   * The built CDN bundle (repo dist/cdn/), served at "/cdn/*", revalidated on each use; and at "/cdn/<version>/*",
   * cached for a year, where <version> is the one the build recorded in integrity.json.
   */
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

/** The package version that built the CDN folder (its integrity.json, written by the build), if readable. */
async function builtVersion(cdnDir: string): Promise<string | undefined> {
  try {
    const info = JSON.parse(await readFile(path.join(cdnDir, 'integrity.json'), 'utf8')) as { version?: unknown };
    return typeof info.version === 'string' && info.version !== '' ? info.version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Splits "/0.1.0/peer-support-widgets.js" into the version and the rest when the first segment is the version that
 * was built; other paths are unversioned.
 */
function versionedPath(encodedPath: string, version: string | undefined): { rest: string } | undefined {
  if (version === undefined) return undefined;
  const prefix = `/${encodeURIComponent(version)}/`;
  return encodedPath.startsWith(prefix) ? { rest: encodedPath.slice(prefix.length - 1) } : undefined;
}

/** "/1.2.3/…" for a version this server does not have: semver-like first segment. */
const OTHER_VERSION = /^\/v?\d+\.\d+\.\d+[^/]*\//;

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
    const encodedPath = encodedPathAfter(c.req.url, '/cdn');
    const version = await builtVersion(roots.cdnDir);
    const versioned = versionedPath(encodedPath, version);
    if (!versioned && OTHER_VERSION.test(encodedPath)) {
      return notFound(`This server has the widget bundle of version ${version ?? '(unknown)'} only.`);
    }
    const result = versioned
      ? await serveFile(c, roots.cdnDir, versioned.rest, { immutable: true })
      : await serveFile(c, roots.cdnDir, encodedPath);
    return result.kind === 'file' ? result.response : notFound();
  });
}
