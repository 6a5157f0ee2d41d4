// End to end: the demo campus page served by the real reference server (as `npm start` does), in real headless
// Chromium, under the server's strict CSP with Trusted Types. Requires `npm run build` first.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, resolveChromium } from '../../scripts/chromium.mjs';
import { startReferenceServer } from '../../scripts/start-reference-server.mjs';

let server;
let browser;

before(async () => {
  server = await startReferenceServer({ env: { SEED: 'demo' } });
  browser = await chromium.launch({
    executablePath: resolveChromium(),
    args: CHROMIUM_ARGS,
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

test('crisis help is on the page at once, even when the API is down', async () => {
  const page = await browser.newPage();
  const uncaught = [];
  page.on('pageerror', (error) => uncaught.push(error.message));
  await page.route('**/api/v1/**', (route) => route.abort());
  await page.goto(`${server.url}/`);
  const call = page.locator('peer-crisis-resources [part~="emergency-call"]').first();
  await call.waitFor({ timeout: 5000 });
  assert.equal(await call.getAttribute('href'), 'tel:911');
  assert.match(await page.locator('peer-crisis-resources').textContent(), /Campus Safety, 24 hours/); // fallback kept
  await page.locator('peer-crisis-resources [part~="stale-note"]').waitFor({ timeout: 15000 });
  assert.deepEqual(uncaught, []);
  await page.close();
});

test('campus services from the reference server appear in the crisis panel', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
  const names = await page.locator('peer-crisis-resources [part~="resource-name"]').allTextContents();
  assert.ok(
    names.some((name) => /Counsel/i.test(name)),
    `campus services listed: ${names.join(', ')}`,
  );
  await page.close();
});

test('quick exit: Shift pressed three times blanks the page and replaces the location', async () => {
  const page = await browser.newPage();
  // The exit page is a third-party site: answer it locally so the test never leaves this machine.
  await page.route('https://www.bbc.co.uk/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title>' }),
  );
  await page.goto(`${server.url}/`);
  await page.locator('peer-crisis-resources [part~="quick-exit"]').waitFor();
  const historyLength = await page.evaluate(() => history.length);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
  await page.waitForURL('https://www.bbc.co.uk/weather');
  assert.equal(await page.title(), 'Weather');
  assert.equal(await page.evaluate(() => history.length), historyLength, 'the demo page was replaced, not added to');
  await page.close();
});

test('the help link opens crisis help by keyboard alone', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);
  // The page's own link (the check-in carries one too).
  const link = page.locator('section[aria-labelledby="peer-heading"] peer-help-link');
  await link.waitFor();
  await link.locator('[part~="link"]').focus();
  await page.keyboard.press('Enter');
  const dialog = link.locator('dialog');
  await dialog.waitFor({ state: 'visible' });
  // Playwright's CSS locators pierce shadow roots: the call button inside the dialog's crisis panel.
  assert.equal(await dialog.locator('[part~="emergency-call"]').first().textContent(), 'Call 911');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await page.close();
});

test('in forced colours the crisis buttons keep visible borders', async () => {
  const page = await browser.newPage();
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(`${server.url}/`);
  const call = page.locator('peer-crisis-resources [part~="emergency-call"]').first();
  await call.waitFor();
  const border = await call.evaluate((element) => getComputedStyle(element).borderTopStyle);
  assert.equal(border, 'solid');
  await page.close();
});

test('the check-in is on the demo page, in words, with the campus settings from the reference server', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
  const checkIn = page.locator('peer-check-in');
  assert.equal(
    await checkIn
      .locator('[part="heading"]')
      .textContent()
      .then((text) => text.trim()),
    'How are you doing?',
  );
  // retentionDays from GET /config (the demo seed keeps check-ins 30 days)
  assert.match(await checkIn.locator('[part="privacy"]').textContent(), /kept for 30 days/);
  assert.equal(await checkIn.evaluate((element) => element.config.apiBase), '/api/v1', "the provider's backend");
  assert.equal(await checkIn.getAttribute('remember'), null, 'nothing kept in the browser');
  assert.equal(await checkIn.locator('[part="history-choice"]').count(), 0);
  await page.close();
});

test('a student completes a mood check-in against the reference server', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
  const checkIn = page.locator('peer-check-in');
  await checkIn.evaluate((element) =>
    element.addEventListener('peer-check-in-complete', (event) => (window.completed = event.detail)),
  );
  // By keyboard, as a student would: the "Good" answer, "No" to the safety question, then the send button.
  await checkIn.getByRole('radio', { name: 'Good', exact: true }).focus();
  await page.keyboard.press('Space');
  await checkIn.getByRole('radio', { name: 'No', exact: true }).focus();
  await page.keyboard.press('Space');
  const posted = page.waitForResponse(
    (response) => response.url().endsWith('/api/v1/check-ins') && response.request().method() === 'POST',
  );
  await checkIn.getByRole('button', { name: 'Send check-in' }).focus();
  await page.keyboard.press('Enter');
  const response = await posted;
  assert.equal(response.status(), 201, 'the reference server recorded it');
  const request = response.request();
  assert.match((await request.allHeaders())['idempotency-key'] ?? '', /\S{16,}/, 'sent with an idempotency key');
  assert.equal((await request.allHeaders()).cookie, undefined, 'anonymous: no cookies');
  assert.deepEqual(JSON.parse(request.postData()), {
    instrument: 'mood',
    answers: { level: 4 },
    safetyConcern: false,
    locale: 'en',
  });
  const completed = await page.waitForFunction(() => window.completed);
  assert.deepEqual(await completed.jsonValue(), { instrument: 'mood', level: 4, sent: true });
  await checkIn.locator('[part="result"]').waitFor();
  assert.match(await checkIn.locator('[part="message"]').textContent(), /good to hear/);
  // Next steps only where they lead somewhere: the group finder and the request button further down this page, or
  // https pages.
  const links = await checkIn.locator('[part~="next-step"] a').evaluateAll((anchors) => anchors.map((a) => a.href));
  assert.ok(
    links.every(
      (href) => href.startsWith('https://') || [`${server.url}/#groups`, `${server.url}/#talk`].includes(href),
    ),
    `next steps lead to https pages or this page's sections: ${links.join(', ')}`,
  );
  const peerLinks = await checkIn
    .locator('[part~="next-step-peer"] a')
    .evaluateAll((anchors) => anchors.map((a) => a.href));
  assert.ok(
    peerLinks.every((href) => href === `${server.url}/#talk`),
    `a peer step leads to this page's request button: ${peerLinks.join(', ')}`,
  );
  assert.deepEqual(problems, []);
  await page.close();
});

// The group finder, against the demo campus's seeded groups.

/** The finder's focused element, described: its part, id and what it describes (a card button names its group). */
const finderFocus = (page) =>
  page.evaluate(() => {
    const focused = document.querySelector('peer-group-finder')?.shadowRoot?.activeElement;
    return focused
      ? {
          part: focused.getAttribute('part'),
          id: focused.id,
          describedBy: focused.getAttribute('aria-describedby'),
        }
      : null;
  });

/** Presses Tab until `wanted` holds for the finder's focused element, as a keyboard user would. */
async function tabTo(page, wanted, what, max = 200) {
  for (let presses = 0; presses < max; presses++) {
    if (wanted((await finderFocus(page)) ?? {})) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}`);
}

const api = async (path) => (await fetch(`${server.url}/api/v1${path}`)).json();

test('the group finder lists the seeded demo groups from the reference server, a page at a time', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
  const finder = page.locator('peer-group-finder');
  assert.equal(await finder.evaluate((element) => element.config.apiBase), '/api/v1', "the provider's backend");
  await finder.locator('[part="card"]').first().waitFor();
  const expected = await api('/groups?limit=20');
  assert.equal(expected.items.length, 20);
  assert.ok(expected.nextCursor, 'the demo campus has more than one page of groups');
  const names = (await finder.locator('[part="card-name"]').allTextContents()).map((name) => name.trim());
  assert.deepEqual(
    names,
    expected.items.map((group) => group.name),
    'the first page, in the server order',
  );
  assert.equal((await finder.locator('[part="status"]').textContent()).trim(), 'Showing 20 groups. There are more.');
  assert.equal(await finder.locator('[part="more"]').count(), 1, 'Show more groups');
  // Every card in words, never a string key; a sensitive group's room is in neither the list nor the page.
  const text = await finder.evaluate((element) => element.shadowRoot.textContent);
  assert.ok(!/\bgroups\.[a-z]+\.[\w.]+/.test(text), 'a string key is shown instead of words');
  const hidden = expected.items.find((group) => group.locationHidden);
  assert.ok(hidden, 'the first page has a group whose room is given only on joining');
  assert.equal(hidden.location, undefined);
  const card = finder.locator('[part="card"]', { has: page.locator(`#name-${hidden.id}`) });
  assert.match(await card.locator('[part="card-location"]').textContent(), /Location given when you join/);
  await page.close();
});

test('a student joins a group by keyboard alone, and its room is revealed only then', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  // Keep a copy of each registration answer in the page: Chromium may let go of a response body before the test
  // asks for it (the finder's URL sync counts as a navigation to the protocol), so the body is read as the page reads it.
  await page.addInitScript(() => {
    const send = window.fetch.bind(window);
    window.fetch = async (...args) => {
      const response = await send(...args);
      if (/\/registrations$/.test(response.url)) {
        response
          .clone()
          .json()
          .then(
            (body) => (window.registrationAnswer = body),
            () => {},
          );
      }
      return response;
    };
  });
  await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
  const finder = page.locator('peer-group-finder');
  await finder.locator('[part="card"]').first().waitFor();
  await finder.evaluate((element) =>
    element.addEventListener('peer-group-registered', (event) => (window.registered = event.detail)),
  );
  const { items } = await api('/groups?limit=20');
  const group = items.find((item) => item.locationHidden && item.registrationStatus === 'open');
  assert.ok(group, 'a sensitive group with places on the first page');
  assert.equal((await api(`/groups/${group.id}`)).location, undefined, 'no room in its details either');

  // From the search box, Tab to the group's "Details and joining" and open it with Enter.
  await finder.locator('#search-input').focus();
  await tabTo(page, (f) => f.part === 'card-details' && f.describedBy === `name-${group.id}`, 'the group');
  await page.keyboard.press('Enter');
  const dialog = finder.locator('dialog[aria-labelledby="dialog-name"]');
  await dialog.waitFor({ state: 'visible' });
  await page.waitForFunction(
    () => document.querySelector('peer-group-finder').shadowRoot.activeElement?.id === 'dialog-name',
  );
  assert.equal((await dialog.locator('[part="dialog-name"]').textContent()).trim(), group.name);
  await dialog.locator('[part~="detail-agreements"]').waitFor();
  assert.match(await dialog.locator('[part="location-hidden"]').textContent(), /Location given when you join/);

  // A nickname, then "Join this group".
  await tabTo(page, (f) => f.id === 'join-name', 'the name field');
  await page.keyboard.type('Robin');
  await tabTo(page, (f) => f.part === 'join-submit', 'Join this group');
  const posted = page.waitForResponse(
    (response) =>
      response.url().endsWith(`/api/v1/groups/${group.id}/registrations`) && response.request().method() === 'POST',
  );
  await page.keyboard.press('Enter');
  const response = await posted;
  await page.waitForFunction(() => window.registrationAnswer !== undefined);
  const answer = await page.evaluate(() => window.registrationAnswer);
  assert.equal(response.status(), 201, 'the reference server registered it');
  const headers = await response.request().allHeaders();
  assert.match(headers['idempotency-key'] ?? '', /\S{16,}/, 'sent with an idempotency key');
  assert.equal(headers.cookie, undefined, 'no account, no cookies');
  assert.deepEqual(JSON.parse(response.request().postData()), { name: 'Robin' });
  assert.equal(answer.status, 'registered');

  // The answer has focus and says so; the room is shown now; the cancel code once.
  await page.waitForFunction(
    () => document.querySelector('peer-group-finder').shadowRoot.activeElement?.id === 'outcome-heading',
  );
  assert.match(await dialog.locator('[part="outcome"]').textContent(), /You're in/);
  assert.ok(answer.location?.venue?.name, 'the registration answers the room');
  assert.ok(
    (await dialog.locator('[part="where"]').textContent()).includes(answer.location.venue.name),
    'the revealed room is on screen',
  );
  assert.equal(
    (await dialog.locator('[part="code-value"]').textContent()).trim(),
    `${group.id}.${answer.registrationId}.${answer.cancelToken}`,
  );
  assert.deepEqual(await page.evaluate(() => window.registered), { groupId: group.id, status: 'registered' });
  // Nothing kept in the browser: not the name, not the code.
  const kept = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }));
  assert.deepEqual(kept, { local: 0, session: 0 });
  assert.deepEqual(await page.context().cookies(), []);

  // Escape closes the dialog and focus returns to the button that opened it.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  const back = await finderFocus(page);
  assert.deepEqual([back.part, back.describedBy], ['card-details', `name-${group.id}`]);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the check-in's group step opens the finder on this page, filtered by the student's topic", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
  const checkIn = page.locator('peer-check-in');
  await checkIn.getByRole('radio', { name: 'Okay', exact: true }).focus();
  await page.keyboard.press('Space');
  await checkIn.getByRole('checkbox', { name: /loneliness/i }).focus();
  await page.keyboard.press('Space');
  await checkIn.getByRole('button', { name: 'Send check-in' }).focus();
  await page.keyboard.press('Enter');
  const step = checkIn.locator('[part~="next-step-group"] a');
  await step.waitFor();
  assert.equal(await step.getAttribute('href'), `${server.url}/?topic=loneliness#groups`);
  await step.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(`${server.url}/?topic=loneliness#groups`);
  const finder = page.locator('peer-group-finder');
  await finder.locator('[part="card"]').first().waitFor();
  const expected = await api('/groups?topic=loneliness&limit=20');
  assert.ok(expected.items.length > 0 && expected.items.length < 20, 'the demo has a few groups about loneliness');
  await page.waitForFunction(
    (count) =>
      document.querySelector('peer-group-finder').shadowRoot.querySelectorAll('[part="card"]').length === count,
    expected.items.length,
  );
  const names = (await finder.locator('[part="card-name"]').allTextContents()).map((name) => name.trim());
  assert.deepEqual(
    names,
    expected.items.map((group) => group.name),
  );
  assert.equal(
    await finder.locator('input[name="topic"][value="loneliness"]').isChecked(),
    true,
    'the filter shows it',
  );
  await page.close();
});
