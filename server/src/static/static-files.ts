import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { pageHeaders } from '../http/security-headers.ts';
import { type Coding, negotiateEncoding } from './accept-encoding.ts';
import { contentTypeFor } from './content-types.ts';

export type StaticResult = { kind: 'file'; response: Response } | { kind: 'missing' };

export interface ServeOptions {
  /**
   * The URL names one version of the file that never changes (the CDN bundle under its version): browsers and
   * proxies may keep it for a year without asking again. Otherwise every use revalidates (ETag, 304).
   */
  immutable?: boolean;
}

/** A year, the longest max-age that caches honour; with `immutable`, browsers skip revalidation on reload too. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** Cached, but checked with the server (If-None-Match) before each use, so a rebuilt file shows up on reload. */
export const REVALIDATE_CACHE_CONTROL = 'no-cache';

/** Precompressed copies the build leaves next to a file (scripts/cdn-assets.mjs), by coding. */
const PRECOMPRESSED: ReadonlyArray<readonly [Exclude<Coding, 'identity'>, string]> = [
  ['br', '.br'],
  ['gzip', '.gz'],
];

/** The real path of `candidate` if it is a regular file inside `realRoot` (no symlink out of it), else undefined. */
async function fileInside(realRoot: string, candidate: string): Promise<string | undefined> {
  try {
    const real = await realpath(candidate);
    if (!real.startsWith(realRoot + path.sep)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Maps the URL path below a mount point to a file under `root`, refusing anything that could step outside it:
 * empty, "." or ".." segments, encoded slashes or backslashes, NUL bytes, hidden (dot) files, and symlinks
 * that resolve elsewhere. Returns undefined for any of those.
 */
async function resolveInside(
  root: string,
  encodedPath: string,
): Promise<{ file: string; realRoot: string } | undefined> {
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
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return undefined;
  }
  const file = await fileInside(realRoot, path.join(realRoot, ...decoded));
  return file ? { file, realRoot } : undefined;
}

/** Whether an If-None-Match header matches `etag` (weak comparison, as RFC 9110 §13.1.2 asks for GET and HEAD). */
function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/**
 * Serves a file from `root` for the encoded path below the mount point ("/app.js", "/" for index.html).
 * When the build left brotli or gzip copies beside the file, the one the client prefers is sent as it is
 * (Content-Encoding, Vary: Accept-Encoding), so nothing is compressed per request.
 */
export async function serveFile(
  c: Context<AppEnv>,
  root: string,
  encodedPath: string,
  options: ServeOptions = {},
): Promise<StaticResult> {
  const resolved = await resolveInside(root, encodedPath);
  if (!resolved) return { kind: 'missing' };
  const { file, realRoot } = resolved;

  const variants = new Map<Coding, string>([['identity', file]]);
  for (const [coding, suffix] of PRECOMPRESSED) {
    const copy = await fileInside(realRoot, `${file}${suffix}`);
    if (copy) variants.set(coding, copy);
  }
  const coding = negotiateEncoding(c.req.header('accept-encoding'), [...variants.keys()]);
  const sent = variants.get(coding) ?? file;
  const info = await stat(sent);
  // Size and modification time of the bytes sent, and their coding: a rebuild or another coding is another tag.
  const etag = `"${info.size.toString(16)}-${Math.trunc(info.mtimeMs).toString(16)}${coding === 'identity' ? '' : `-${coding}`}"`;

  const headers: Record<string, string> = {
    'Content-Type': contentTypeFor(file),
    'Cache-Control': options.immutable ? IMMUTABLE_CACHE_CONTROL : REVALIDATE_CACHE_CONTROL,
    ETag: etag,
    ...pageHeaders(),
  };
  if (variants.size > 1) headers['Vary'] = 'Accept-Encoding';
  if (coding !== 'identity') headers['Content-Encoding'] = coding;

  if (matchesEtag(c.req.header('if-none-match'), etag)) {
    // A 304 repeats what a cache must update (RFC 9110 §15.4.5), not the description of a body it does not carry.
    const { 'Content-Type': _type, 'Content-Encoding': _encoding, ...unchanged } = headers;
    return { kind: 'file', response: new Response(null, { status: 304, headers: unchanged }) };
  }
  headers['Content-Length'] = String(info.size);
  const body = c.req.method === 'HEAD' ? null : await readFile(sent);
  return { kind: 'file', response: new Response(body, { status: 200, headers }) };
}
