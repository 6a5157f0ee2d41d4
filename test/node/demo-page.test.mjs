// End to end: the demo campus page served by the real reference server (as `npm start` does), in real headless
// Chromium, under the server's strict CSP with Trusted Types. Requires `npm run build` first.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { resolveChromium } from '../../scripts/chromium.mjs';
import { startReferenceServer } from '../../scripts/start-reference-server.mjs';

let server;
let browser;

before(async () => {
  server = await startReferenceServer({ env: { SEED: 'demo' } });
  browser = await chromium.launch({
    executablePath: resolveChromium(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openDemo() {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const response = await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
  return { page, problems, requests, response };
}

test('the demo page loads under a strict CSP with no errors, warnings or third-party requests', async () => {
  const { page, problems, requests, response } = await openDemo();
  const csp = response.headers()['content-security-policy'] ?? '';
  assert.match(csp, /require-trusted-types-for 'script'/);
  assert.match(csp, /script-src 'self'/);
  assert.deepEqual(problems, []);
  const origin = new URL(server.url).origin;
  assert.deepEqual(
    requests.filter((url) => new URL(url).origin !== origin),
    [],
  );
  await page.close();
});

test('the CDN bundle defines the provider and it configures the page', async () => {
  const { page } = await openDemo();
  const state = await page.evaluate(async () => {
    await customElements.whenDefined('peer-support-provider');
    const provider = document.querySelector('peer-support-provider');
    return { apiBase: provider.config.apiBase, country: provider.config.country, version: provider.version };
  });
  assert.equal(state.apiBase, '/api/v1');
  assert.equal(state.country, 'US');
  assert.match(state.version, /^\d+\.\d+\.\d+/);
  await page.close();
});

test('the health and config endpoints answer on the same origin', async () => {
  const health = await fetch(`${server.url}/api/v1/health`);
  assert.equal(health.status, 200);
  assert.equal((await health.json()).status, 'ok');
  const config = await (await fetch(`${server.url}/api/v1/config`)).json();
  assert.equal(typeof config.campusName, 'string');
});
