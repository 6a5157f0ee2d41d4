import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { pageHeaders } from '../http/security-headers.ts';
import { contentTypeFor } from './content-types.ts';

export type StaticResult = { kind: 'file'; response: Response } | { kind: 'missing' };

/**
 * Maps the URL path below a mount point to a file under `root`, refusing anything that could step outside it:
 * empty, "." or ".." segments, encoded slashes or backslashes, NUL bytes, hidden (dot) files, and symlinks
 * that resolve elsewhere. Returns undefined for any of those.
 */
async function resolveInside(root: string, encodedPath: string): Promise<string | undefined> {
  let target = encodedPath.startsWith('/') ? encodedPath : `/${encodedPath}`;
  if (target.endsWith('/')) target += 'index.html';
  const decoded: string[] = [];
  for (const segment of target.slice(1).split('/')) {
    let name: string;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
    if (name === '' || name.startsWith('.') || /[/\\\0]/.test(name)) return undefined;
    decoded.push(name);
  }
  if (decoded.length === 0) return undefined;
  try {
    const realRoot = await realpath(root);
    const real = await realpath(path.join(realRoot, ...decoded));
    if (!real.startsWith(realRoot + path.sep)) return undefined;
    const info = await stat(real);
    return info.isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/** Serves a file from `root` for the encoded path below the mount point ("/app.js", "/" for index.html). */
export async function serveFile(c: Context<AppEnv>, root: string, encodedPath: string): Promise<StaticResult> {
  const file = await resolveInside(root, encodedPath);
  if (!file) return { kind: 'missing' };
  const content = await readFile(file);
  const headers: Record<string, string> = {
    'Content-Type': contentTypeFor(file),
    // Development server: always revalidate, so a rebuilt bundle shows up on reload.
    'Cache-Control': 'no-cache',
    ...pageHeaders(),
  };
  const body = c.req.method === 'HEAD' ? null : content;
  return { kind: 'file', response: new Response(body, { status: 200, headers }) };
}
