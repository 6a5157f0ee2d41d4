import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { PAGE_CSP, PAGE_PERMISSIONS_POLICY } from '../src/http/security-headers.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import { rawGet } from './helpers/raw-http.ts';
import { startTestServer, type TestServer } from './helpers/test-server.ts';

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html peer-support-widgets";

/** Powerful features the demo never uses are off; copying a phone number (clipboard-write) stays allowed. */
const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'clipboard-read',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'interest-cohort',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

/** The header as a map from feature to allowlist (RFC 8941 dictionary of inner lists, as the policy uses it). */
function parsePermissionsPolicy(header: string | null): Map<string, string> {
  const policy = new Map<string, string>();
  for (const member of (header ?? '').split(',')) {
    const match = /^\s*([a-z][a-z0-9-]*)=(\([^()]*\))\s*$/.exec(member);
    assert.ok(match, `"${member}" is a feature=(allowlist) member`);
    assert.ok(!policy.has(match[1]!), `${match[1]} appears once`);
    policy.set(match[1]!, match[2]!);
  }
  return policy;
}

function assertPageHeaders(response: Response, what: string): void {
  const policy = parsePermissionsPolicy(response.headers.get('permissions-policy'));
  for (const feature of DENIED_FEATURES) assert.equal(policy.get(feature), '()', `${what}: ${feature}`);
  assert.equal(policy.get('clipboard-write'), '(self)', `${what}: clipboard-write`);
  assert.deepEqual([...policy.keys()].sort(), [...DENIED_FEATURES, 'clipboard-write'].sort(), what);
  assert.equal(response.headers.get('cross-origin-opener-policy'), 'same-origin', what);
  assert.equal(response.headers.get('content-security-policy'), EXPECTED_CSP, what);
}

/** demo/ and cdn/ inside a temp folder that also holds a secret file next to them. */
async function makeSite() {
  const root = await mkdtemp(path.join(tmpdir(), 'peer-static-'));
  const demoDir = path.join(root, 'demo');
  const cdnDir = path.join(root, 'cdn');
  await mkdir(path.join(demoDir, 'supporter'), { recursive: true });
  await mkdir(cdnDir);
  await writeFile(path.join(root, 'outside-secret.txt'), 'TOP-SECRET');
  await writeFile(path.join(demoDir, 'index.html'), '<!doctype html><title>Demo campus</title>');
  await writeFile(path.join(demoDir, 'demo.css'), 'body { margin: 0 }');
  await writeFile(path.join(demoDir, 'supporter', 'index.html'), '<!doctype html><title>Supporter</title>');
  await writeFile(path.join(demoDir, '.env'), 'TOP-SECRET');
  await symlink(path.join(root, 'outside-secret.txt'), path.join(demoDir, 'linked.txt'));
  await writeFile(path.join(cdnDir, 'peer-support-widgets.js'), 'export const widgets = true;');
  // A build's CDN folder: a bundle with brotli and gzip copies, and integrity.json naming the version built.
  await writeFile(path.join(cdnDir, 'integrity.json'), JSON.stringify({ version: BUILT_VERSION, integrity: {} }));
  await writeFile(path.join(cdnDir, 'compressed.js'), BUNDLE);
  await writeFile(path.join(cdnDir, 'compressed.js.br'), brotliCompressSync(BUNDLE));
  await writeFile(path.join(cdnDir, 'compressed.js.gz'), gzipSync(BUNDLE));
  // A brotli "copy" that is a symlink out of the folder must never be sent.
  await writeFile(path.join(cdnDir, 'linked.js'), BUNDLE);
  await symlink(path.join(root, 'outside-secret.txt'), path.join(cdnDir, 'linked.js.br'));
  return { root, demoDir, cdnDir };
}

const BUILT_VERSION = '3.1.4';
const BUNDLE = Buffer.from(`export const widgets = ${JSON.stringify('peer support '.repeat(200))};\n`);

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request with exactly the headers given: fetch would add its own Accept-Encoding and decode the body. */
function request(baseUrl: string, path: string, headers: Record<string, string> = {}, method = 'GET') {
  const { hostname, port } = new URL(baseUrl);
  return new Promise<RawResponse>((resolve, reject) => {
    const outgoing = http.request({ hostname, port, path, method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** The body as the client would read it after undoing the Content-Encoding it was sent with. */
function decoded(response: RawResponse): Buffer {
  switch (response.headers['content-encoding']) {
    case 'br':
      return brotliDecompressSync(response.body);
    case 'gzip':
      return gunzipSync(response.body);
    case undefined:
      return response.body;
    default:
      throw new Error(`unexpected content-encoding ${response.headers['content-encoding']}`);
  }
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The request headers a response says it varies on (the CORS layer adds Origin to the list). */
function varyOn(response: RawResponse): string[] {
  const vary = response.headers['vary'];
  return vary ? vary.split(',').map((name) => name.trim().toLowerCase()) : [];
}

describeEachDatabase('static files', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  let site: Awaited<ReturnType<typeof makeSite>>;

  before(async () => {
    db = await target.open();
    site = await makeSite();
    server = await startTestServer(db.database, {
      staticRoots: { demoDir: site.demoDir, cdnDir: site.cdnDir },
      allowedOrigins: ['https://www.campus.example'],
    });
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
    await rm(site.root, { recursive: true, force: true });
  });

  it('serves the demo index at / as HTML with the strict CSP', async () => {
    assert.equal(PAGE_CSP, EXPECTED_CSP);
    const response = await fetch(`${server.url}/`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(response.headers.get('content-security-policy'), EXPECTED_CSP);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.match(await response.text(), /Demo campus/);
  });

  it('serves /demo/* with the right content types, and folders by their index.html', async () => {
    const css = await fetch(`${server.url}/demo/demo.css`);
    assert.equal(css.status, 200);
    assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.equal(await css.text(), 'body { margin: 0 }');
    const page = await fetch(`${server.url}/demo/supporter/`);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-security-policy'), EXPECTED_CSP);
    assert.match(await page.text(), /Supporter/);
  });

  it('serves the built bundle at /cdn/* as JavaScript, with CORS only for allowed origins', async () => {
    const allowed = await fetch(`${server.url}/cdn/peer-support-widgets.js`, {
      headers: { Origin: 'https://www.campus.example' },
    });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://www.campus.example');
    assert.equal(await allowed.text(), 'export const widgets = true;');
    const other = await fetch(`${server.url}/cdn/peer-support-widgets.js`, {
      headers: { Origin: 'https://evil.example' },
    });
    await other.body?.cancel();
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });

  it('blocks directory traversal, encoded separators, dot files and symlinks out of the folder', async () => {
    const attempts = [
      '/demo/../outside-secret.txt',
      '/demo/%2e%2e/outside-secret.txt',
      '/demo/..%2foutside-secret.txt',
      '/demo/%2e%2e%2foutside-secret.txt',
      '/demo/..%5coutside-secret.txt',
      '/demo/%252e%252e%252foutside-secret.txt',
      '/demo/.env',
      '/demo/%2eenv',
      '/demo/linked.txt',
      '/demo/demo.css%00.html',
      '/demo//etc/passwd',
      '/cdn/../demo/.env',
      '/cdn/..%2f..%2foutside-secret.txt',
    ];
    for (const attempt of attempts) {
      const response = await rawGet(server.url, attempt);
      assert.ok(response.status === 404 || response.status === 400, `${attempt} -> ${response.status}`);
      assert.ok(!response.body.includes('TOP-SECRET'), attempt);
    }
  });

  it('sends the permissions policy and Cross-Origin-Opener-Policy with every page and bundle file', async () => {
    assert.equal(PAGE_PERMISSIONS_POLICY, (await fetch(`${server.url}/`)).headers.get('permissions-policy'));
    for (const file of ['/', '/demo/supporter/', '/demo/demo.css', '/cdn/peer-support-widgets.js']) {
      const response = await fetch(`${server.url}${file}`);
      assert.equal(response.status, 200, file);
      await response.body?.cancel();
      assertPageHeaders(response, file);
    }
    const head = await fetch(`${server.url}/`, { method: 'HEAD' });
    assertPageHeaders(head, 'HEAD /');
  });

  it("leaves the page policies off the API's JSON answers", async () => {
    for (const path of ['/api/v1/health', '/api/v1/crisis-resources?country=XX', '/api/v1/nope']) {
      const response = await fetch(`${server.url}${path}`);
      await response.body?.cancel();
      assert.match(response.headers.get('content-type') ?? '', /json/, path);
      assert.equal(response.headers.get('permissions-policy'), null, path);
      assert.equal(response.headers.get('cross-origin-opener-policy'), null, path);
      assert.equal(response.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'", path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
    }
  });

  it('answers unknown files and paths outside the mounts with a plain 404', async () => {
    const missing = await fetch(`${server.url}/demo/nope.html`);
    assert.equal(missing.status, 404);
    await missing.body?.cancel();
    const elsewhere = await fetch(`${server.url}/package.json`);
    assert.equal(elsewhere.status, 404);
    assert.equal(await elsewhere.text(), 'Not found.\n');
  });

  it('sends the precompressed copy the client prefers, by Accept-Encoding and its q-values', async () => {
    // Accept-Encoding → the coding sent (undefined: no Content-Encoding, the file as it is).
    const cases: Array<[string | undefined, string | undefined]> = [
      [undefined, undefined], // no header: identity
      ['', undefined], // empty: identity only
      ['identity', undefined],
      ['gzip', 'gzip'],
      ['br', 'br'],
      ['gzip, deflate, br', 'br'], // equal q: the server's preference, brotli
      ['gzip, deflate, br, zstd', 'br'],
      ['BR, GZIP', 'br'], // coding names are case-insensitive
      ['x-gzip', 'gzip'], // an alias of gzip
      ['br;q=0, gzip', 'gzip'], // q=0 refuses
      ['br;q=0.5, gzip;q=0.8', 'gzip'], // the higher q wins over the server's preference
      ['gzip;q=0.5, identity', undefined], // identity is rated higher
      ['*', 'br'],
      ['*;q=0.1, gzip;q=0.5', 'gzip'],
      ['*;q=0, gzip', 'gzip'],
      ['br;q=0, gzip;q=0', undefined], // nothing compressed is acceptable: identity
      ['br;q=0, gzip;q=0, identity;q=0', undefined], // nothing is acceptable: identity all the same
      ['*;q=0', undefined],
      ['br;q=2, gzip', 'gzip'], // an invalid q-value ignores that member
      ['deflate', undefined], // no copy in that coding
    ];
    for (const [acceptEncoding, expected] of cases) {
      const headers: Record<string, string> = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
      const response = await request(server.url, '/cdn/compressed.js', headers);
      const what = `Accept-Encoding: ${acceptEncoding ?? '(none)'}`;
      assert.equal(response.status, 200, what);
      assert.equal(response.headers['content-encoding'], expected, what);
      assert.equal(response.headers['content-type'], 'text/javascript; charset=utf-8', what);
      assert.ok(varyOn(response).includes('accept-encoding'), `${what}: Vary ${response.headers['vary']}`);
      assert.equal(Number(response.headers['content-length']), response.body.length, what);
      assert.deepEqual(decoded(response), BUNDLE, what);
    }
    // The compressed copies are really smaller: the point of sending them.
    const br = await request(server.url, '/cdn/compressed.js', { 'Accept-Encoding': 'br' });
    assert.ok(br.body.length < BUNDLE.length / 10, `${br.body.length} bytes of brotli for ${BUNDLE.length}`);
  });

  it('never sends a "compressed copy" that links out of the folder, and no Vary for files without copies', async () => {
    const response = await request(server.url, '/cdn/linked.js', { 'Accept-Encoding': 'br, gzip' });
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-encoding'], undefined);
    assert.deepEqual(response.body, BUNDLE);
    assert.ok(!response.body.toString('latin1').includes('TOP-SECRET'));
    const plain = await request(server.url, '/cdn/peer-support-widgets.js', { 'Accept-Encoding': 'br, gzip' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(!varyOn(plain).includes('accept-encoding'));
  });

  it('lets browsers keep the versioned bundle for a year, and revalidates the unversioned one', async () => {
    const unversioned = await request(server.url, '/cdn/compressed.js', { 'Accept-Encoding': 'br' });
    assert.equal(unversioned.headers['cache-control'], 'no-cache');
    const etag = unversioned.headers['etag'];
    assert.match(etag ?? '', /^"[^"]+"$/, 'a strong ETag');

    const versioned = await request(server.url, `/cdn/${BUILT_VERSION}/compressed.js`, { 'Accept-Encoding': 'br' });
    assert.equal(versioned.status, 200);
    assert.equal(versioned.headers['cache-control'], IMMUTABLE);
    assert.equal(versioned.headers['content-encoding'], 'br');
    assert.ok(varyOn(versioned).includes('accept-encoding'));
    assert.deepEqual(decoded(versioned), BUNDLE);
    const versionedPlain = await request(server.url, `/cdn/${BUILT_VERSION}/peer-support-widgets.js`);
    assert.equal(versionedPlain.headers['cache-control'], IMMUTABLE);
    assert.equal(versionedPlain.body.toString(), 'export const widgets = true;');

    // Another version is not this build: never cache its name over these bytes.
    for (const other of [
      '/cdn/3.1.5/compressed.js',
      '/cdn/v3.1.4/compressed.js',
      '/cdn/0.0.1/peer-support-widgets.js',
    ]) {
      const response = await request(server.url, other);
      assert.equal(response.status, 404, other);
      assert.equal(response.headers['cache-control'], undefined, other);
    }
    // The demo revalidates too.
    const page = await request(server.url, '/');
    assert.equal(page.headers['cache-control'], 'no-cache');
    assert.ok(page.headers['etag']);
  });

  it('answers a matching If-None-Match with 304 and no body; each coding has its own ETag', async () => {
    const identity = await request(server.url, '/cdn/compressed.js');
    const br = await request(server.url, '/cdn/compressed.js', { 'Accept-Encoding': 'br' });
    const gzip = await request(server.url, '/cdn/compressed.js', { 'Accept-Encoding': 'gzip' });
    const tags = [identity, br, gzip].map((response) => response.headers['etag']);
    assert.equal(new Set(tags).size, 3, `ETags ${tags.join(' ')}`);

    const again = await request(server.url, '/cdn/compressed.js', {
      'Accept-Encoding': 'br',
      'If-None-Match': br.headers['etag']!,
    });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers['etag'], br.headers['etag']);
    assert.equal(again.headers['cache-control'], 'no-cache');
    assert.ok(varyOn(again).includes('accept-encoding'));
    assert.equal(again.headers['content-encoding'], undefined);

    // The gzip copy's tag does not validate the brotli answer; a list and weak tags are understood.
    const other = await request(server.url, '/cdn/compressed.js', {
      'Accept-Encoding': 'br',
      'If-None-Match': gzip.headers['etag']!,
    });
    assert.equal(other.status, 200);
    const listed = await request(server.url, '/cdn/compressed.js', {
      'Accept-Encoding': 'br',
      'If-None-Match': `"nope", W/${br.headers['etag']}`,
    });
    assert.equal(listed.status, 304);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await request(server.url, '/cdn/compressed.js', { 'Accept-Encoding': 'gzip' });
    const head = await request(server.url, '/cdn/compressed.js', { 'Accept-Encoding': 'gzip' }, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    for (const name of ['content-type', 'content-encoding', 'content-length', 'etag', 'vary', 'cache-control']) {
      assert.equal(head.headers[name], get.headers[name], name);
    }
  });

  it('explains how to build the bundle when dist/cdn does not exist', async () => {
    const unbuilt = await startTestServer(db.database, {
      staticRoots: { demoDir: site.demoDir, cdnDir: path.join(site.root, 'not-built') },
    });
    try {
      const response = await fetch(`${unbuilt.url}/cdn/peer-support-widgets.js`);
      assert.equal(response.status, 404);
      assert.match(await response.text(), /npm run build/);
    } finally {
      await unbuilt.close();
    }
  });
});
