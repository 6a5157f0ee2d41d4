// End to end, as `npm start` runs it: the reference server with the demo seed (its demo supporter's sign-in read from
// what it prints), the demo campus page and the supporter page it serves, in real headless Chromium under the
// server's strict CSP. A student asks for a peer supporter on the campus page; a trained supporter signs in on the
// supporter page, claims the request and closes it; the student's page shows each change without a reload, by the
// element's own polling (every 15 s, conditional). Requires `npm run build` first.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, resolveChromium } from '../../scripts/chromium.mjs';
import { startReferenceServer } from '../../scripts/start-reference-server.mjs';

let server;
let browser;

before(async () => {
  server = await startReferenceServer({ env: { SEED: 'demo' } });
  browser = await chromium.launch({ executablePath: resolveChromium(), args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A page in its own browser context (as on two devices), collecting errors and every request's origin. */
async function open(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  const origins = new Set();
  page.on('request', (request) => origins.add(new URL(request.url()).origin));
  await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  return { page, context, problems, origins };
}

const statusOf = (button) => button.locator('[part="state"]').textContent();

test('a student asks for a peer supporter; a supporter claims and closes it; the student sees each change', async () => {
  const signIn = server.demoSignIns.find((account) => account.login === 'demo.supporter');
  assert.ok(signIn, `npm start prints the demo supporter's sign-in: ${JSON.stringify(server.demoSignIns)}`);

  // The student, on the campus page: the button, then the dialog's steps, danger first.
  const student = await open('/');
  const button = student.page.locator('peer-request-button');
  await button.locator('[part="availability"]').filter({ hasText: /\S/ }).waitFor();
  await student.page.evaluate(() =>
    document
      .querySelector('peer-request-button')
      .addEventListener('peer-request-status', (event) => (window.statuses ??= []).push(event.detail.status)),
  );
  await button.locator('#open').click();
  await button.locator('dialog[open]').waitFor();
  await button.locator('input[name="safety"][value="no"]').check();
  await button.locator('[part="next"]').click();
  await button.locator('#topic').selectOption('loneliness');
  await button.locator('#note').fill('I have not really talked to anyone since moving here.');
  // Kind of support, channel, when, language and how to be reached keep their defaults (an anonymous code).
  for (let step = 0; step < 6; step++) await button.locator('[part="next"]').click();
  await button.locator('#consent').check();
  const posted = student.page.waitForResponse(
    (response) => response.url().endsWith('/api/v1/peer-requests') && response.request().method() === 'POST',
  );
  await button.locator('[part="send"]').click();
  const response = await posted;
  assert.equal(response.status(), 201, 'the reference server queued the request');
  assert.match((await response.request().allHeaders())['idempotency-key'] ?? '', /\S{16,}/);
  await button.locator('[part="code-value"]').waitFor();
  assert.match(await statusOf(button), /Status: Waiting/);
  const code = (await button.locator('[part="code-value"]').textContent()).trim();
  const requestId = code.split('.')[0];
  assert.match(requestId, /^\w[\w-]*$/, `the code starts with the request's id: ${code}`);

  // The supporter, on another device: signs in with what npm start printed, finds the request, claims it.
  const supporter = await open('/demo/supporters.html');
  const inbox = supporter.page.locator('peer-supporter-inbox');
  await inbox.locator('#login').fill(signIn.login);
  await inbox.locator('#password').fill(signIn.password);
  await inbox.locator('[part="sign-in-submit"]').click();
  const card = inbox.locator(`[data-request="${requestId}"]`);
  // The queue is oldest first: page through Show more until the new request is listed.
  await inbox.locator('[part="request"]').first().waitFor();
  for (let page = 0; (await card.count()) === 0 && page < 20; page++) {
    await inbox.locator('[part="more"]').click({ timeout: 10_000 });
    await supporter.page.waitForTimeout(300);
  }
  await card.locator('[part="toggle"]').click();
  await card.locator('[part="claim"]').click();
  // Claimed: the student's own words are shown to the supporter holding the request.
  await card.getByText('I have not really talked to anyone since moving here.').waitFor();

  // The student's page catches up by itself (a poll every 15 s, 304 while nothing changed).
  await student.page.waitForFunction(
    () =>
      document
        .querySelector('peer-request-button')
        .shadowRoot.querySelector('[part="state"]')
        ?.textContent.includes('A supporter has picked this up'),
    undefined,
    { timeout: 45_000 },
  );

  // The supporter closes it with an outcome.
  await card.locator('[part="close"]').click();
  await card.locator(`[id="close-first-${requestId}"]`).selectOption({ index: 1 });
  await card.locator('[part="close-form"] button[type="submit"]').click();
  await card.locator('[part="status"]').filter({ hasText: 'Closed' }).waitFor();

  await student.page.waitForFunction(
    () =>
      document
        .querySelector('peer-request-button')
        .shadowRoot.querySelector('[part="state"]')
        ?.textContent.includes('Closed'),
    undefined,
    { timeout: 45_000 },
  );
  const statuses = await student.page.evaluate(() => window.statuses);
  assert.deepEqual(statuses.slice(-2), ['claimed', 'closed'], `status events in order: ${statuses}`);
  // The change is announced to screen readers too (the live region is filled a moment after the change).
  await button.locator('[part="live-region"]').filter({ hasText: 'Closed' }).waitFor({ timeout: 5000 });

  // Nothing of it was kept in either browser, nothing went to a third party, and nothing failed on the way.
  for (const side of [student, supporter]) {
    const kept = await side.page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }));
    assert.deepEqual(kept, { local: 0, session: 0 });
    assert.deepEqual(await side.context.cookies(), []);
    assert.deepEqual([...side.origins], [new URL(server.url).origin]);
    assert.deepEqual(side.problems, []);
  }
  await student.context.close();
  await supporter.context.close();
});
