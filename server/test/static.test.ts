import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
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
  return { root, demoDir, cdnDir };
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
