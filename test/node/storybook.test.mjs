// The static Storybook (storybook-static/, from `npm run build-storybook`, which npm test runs before this) has a
// docs page per element generated from custom-elements.json, stories for every element, a docs table of the public
// API only, and controls that reach the element. Checked in headless Chromium over loopback.
// Without storybook-static/ the checks are skipped, except on CI, where that is a failure.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, resolveChromium } from '../../scripts/chromium.mjs';
import { repoRoot } from './helpers/packed-package.mjs';

const staticDir = join(repoRoot, 'storybook-static');
const built = existsSync(join(staticDir, 'index.json'));
const skip = built || process.env.CI ? false : 'storybook-static/ is missing: run "npm run build-storybook" first';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'custom-elements.json'), 'utf8'));
const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean)).sort();
const index = () => JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8')).entries;

test('every element has a docs page and stories', { skip }, () => {
  const entries = Object.values(index());
  for (const tag of tags) {
    const title = `Elements/${tag}`;
    assert.ok(
      entries.some((e) => e.type === 'docs' && e.title === title),
      `no docs page (autodocs) for ${title}`,
    );
    assert.ok(
      entries.some((e) => e.type === 'story' && e.title === title),
      `no stories for ${title}`,
    );
  }
});

async function withStorybook(run) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const file = join(staticDir, path === '/' ? 'index.html' : path);
    const inside = relative(staticDir, file);
    if (inside.startsWith(`..${sep}`) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: resolveChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await run(page, `http://127.0.0.1:${server.address().port}`);
    assert.deepEqual(errors, [], 'errors in the Storybook page');
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

test('each docs page shows the manifest description and the public API, no internals', { skip }, async () => {
  await withStorybook(async (page, url) => {
    for (const declaration of manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName)) {
      const tag = declaration.tagName;
      await page.goto(`${url}/iframe.html?id=elements-${tag}--docs&viewMode=docs`);
      const table = page.locator('table.docblock-argstable').first();
      await table.waitFor({ timeout: 30_000 });
      const rows = await table.locator('tbody tr td:first-child').allInnerTexts();
      const names = rows.map((text) => text.split('\n')[0].trim());
      for (const attribute of declaration.attributes ?? []) {
        assert.ok(names.includes(attribute.name), `<${tag}> docs list ${attribute.name} (rows: ${names.join(', ')})`);
      }
      // Statics, read-only and protected members. (A stories file may declare args of its own, such as the
      // provider's `apiBase`, which its render uses.)
      const internals = ['tagName', 'version', 'define', 'config', 'needsBackend', 'open', 'activeCountry'];
      for (const internal of internals) {
        assert.ok(!names.includes(internal), `<${tag}> docs list ${internal}`);
      }
      const docs = await page.locator('.sbdocs-content').innerText();
      for (const text of [declaration.summary, declaration.description]) {
        const start = text.split('\n')[0].replace(/`/g, '').slice(0, 40);
        assert.ok(docs.includes(start), `<${tag}> docs show "${start}…"`);
      }
    }
    // The help link's page in particular: its attributes and a custom property, with their controls.
    await page.goto(`${url}/iframe.html?id=elements-peer-help-link--docs&viewMode=docs`);
    const table = page.locator('table.docblock-argstable').first();
    await table.waitFor({ timeout: 30_000 });
    const names = (await table.locator('tbody tr td:first-child').allInnerTexts()).map((t) => t.split('\n')[0]);
    for (const name of ['exit-url', 'country', 'api-base', 'region', 'timeout', 'strings', '--peer-color-accent']) {
      assert.ok(names.includes(name), `the help link's args table lists ${name}`);
    }
    for (const name of ['apiBase', 'exitUrl']) {
      assert.ok(!names.includes(name), `the help link's args table lists ${name} next to its attribute`);
    }
  });
});

test('each control reaches the element: attributes, properties and custom properties', { skip }, async () => {
  await withStorybook(async (page, url) => {
    const storyId = 'elements-peer-help-link--default';
    await page.goto(`${url}/iframe.html?id=${storyId}&viewMode=story`);
    await page.locator('peer-help-link').waitFor({ state: 'attached', timeout: 30_000 });
    const strings = { en: { 'help.needHelpNow': 'Talk to someone now' } };
    // What the controls panel sends when a control changes.
    await page.evaluate(
      ({ storyId, strings }) =>
        window.__STORYBOOK_ADDONS_CHANNEL__.emit('updateStoryArgs', {
          storyId,
          updatedArgs: {
            country: 'GB',
            'exit-url': 'https://weather.example',
            timeout: 5000,
            strings,
            '--peer-target-size': '48px',
          },
        }),
      { storyId, strings },
    );
    await page.waitForFunction(() => document.querySelector('peer-help-link')?.country === 'GB', null, {
      timeout: 10_000,
    });
    const state = await page.locator('peer-help-link').evaluate(async (element) => {
      await element.updateComplete;
      return {
        country: element.country,
        exitUrl: element.exitUrl,
        timeout: element.timeout,
        strings: element.strings,
        targetSize: element.style.getPropertyValue('--peer-target-size'),
        text: element.shadowRoot.querySelector('[part="link"]').textContent.trim(),
      };
    });
    assert.deepEqual(state, {
      country: 'GB',
      exitUrl: 'https://weather.example',
      timeout: 5000,
      strings,
      targetSize: '48px',
      text: 'Talk to someone now',
    });
  });
});

test('controls follow the manifest types: text, number, object, none for functions and parts', { skip }, async () => {
  await withStorybook(async (page, url) => {
    await page.goto(`${url}/iframe.html?id=elements-peer-help-link--docs&viewMode=docs`);
    const table = page.locator('table.docblock-argstable').first();
    await table.waitFor({ timeout: 30_000 });
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      Object.fromEntries(
        trs
          .filter((tr) => tr.children.length >= 4)
          .map((tr) => {
            const control = tr.children[3];
            const input = control.querySelector('textarea, input, select');
            // An unset arg shows a "Set string" / "Set number" / "Set object" button instead of its input.
            const text = control.innerText.replace(/Setup controls/, '').trim();
            return [tr.children[0].innerText.trim(), input ? input.tagName.toLowerCase() : text];
          }),
      ),
    );
    assert.equal(rows['country'], 'textarea', 'country (set by the story) has a text control');
    assert.equal(rows['region'], 'Set string');
    assert.equal(rows['timeout'], 'Set number');
    assert.equal(rows['strings'], 'Set object');
    assert.equal(rows['--peer-color-accent'], 'Set string');
    assert.equal(rows['fetch'], '-', 'fetch (a function) has no control');
    assert.equal(rows['link'], '-', 'a CSS part has no control');
  });
});

test('every <peer-help-link> story renders, and the opened ones show the dialog', { skip }, async () => {
  const stories = Object.values(index()).filter((e) => e.type === 'story' && e.title === 'Elements/peer-help-link');
  assert.ok(stories.length >= 5, `only ${stories.length} stories for <peer-help-link>`);
  await withStorybook(async (page, url) => {
    for (const story of stories) {
      await page.goto(`${url}/iframe.html?id=${story.id}&viewMode=story`);
      const link = page.locator('peer-help-link').first();
      await link.waitFor({ state: 'attached', timeout: 30_000 });
      await page.waitForFunction(() =>
        document.querySelector('peer-help-link')?.shadowRoot?.querySelector('[part="link"]'),
      );
      if (story.tags.includes('play-fn')) {
        await page.waitForFunction(
          () => document.querySelector('peer-help-link')?.shadowRoot?.querySelector('dialog')?.open === true,
          null,
          { timeout: 10_000 },
        );
      }
    }
  });
});

/** What each <peer-check-in> story shows once rendered (and played): a selector inside the element's shadow root. */
const CHECK_IN_STATES = {
  Mood: '[part="mood"]',
  Who5: '[part="instrument"] [part="attribution"]',
  Phq4: '[part="instrument"] [part="attribution"]',
  NoBackend: '[part="mood"]',
  SafetyYes: '[part="safety-help"] peer-crisis-resources',
  NoteHelpIsHere: '[part="help-is-here"]',
  ValidationErrors: '[part="error-summary"]',
  Sending: 'form[aria-busy="true"] [part="status"]',
  Offline: '[part="status"] [part~="next-step"]',
  FailedWithRetry: '[part="status"] [part="retry"]',
  // Its words ("could not confirm", never "sent") are checked in test/elements/peer-check-in/stories.test.ts.
  CouldNotConfirm: '[part="status"] [part="retry"]',
  ResultMood: '[part="result"] [part~="next-step"]',
  ResultWho5Low: '[part="result"] [part="not-a-diagnosis"]',
  ResultPhq4: '[part="result"] [part="not-a-diagnosis"]',
  FollowUpOffered: '[part="follow-up"] [part="consent"]',
  History: '[part="history"] [part="history-table"]',
  Spanish: '[part="panel"][lang="es"] [part="mood"]',
  SpanishWho5: '[part="panel"][lang="es"] [part="attribution"]',
  RightToLeft: '[part="panel"][dir="rtl"] [part="safety-help"]',
};

/** The key the element keeps a real student's history under (src/elements/peer-check-in/history/). */
const REAL_HISTORY_KEY = 'peer-support-widgets:check-in-history:v1';

test(
  'every <peer-check-in> story renders its state in words, and none touches the real history key',
  { skip },
  async () => {
    const stories = Object.values(index()).filter((e) => e.type === 'story' && e.title === 'Elements/peer-check-in');
    assert.deepEqual(
      stories.map((story) => story.exportName).sort(),
      Object.keys(CHECK_IN_STATES).sort(),
      'a state to check for every check-in story',
    );
    await withStorybook(async (page, url) => {
      for (const story of stories) {
        await page.goto(`${url}/iframe.html?id=${story.id}&viewMode=story`);
        await page.locator('peer-check-in').first().waitFor({ state: 'attached', timeout: 30_000 });
        const selector = CHECK_IN_STATES[story.exportName];
        const shown = await page
          .waitForFunction(
            (selector) => document.querySelector('peer-check-in')?.shadowRoot?.querySelector(selector) !== null,
            selector,
            { timeout: 20_000 },
          )
          .then(
            () => true,
            () => false,
          );
        assert.ok(shown, `${story.id} shows ${selector}`);
        const text = await page.evaluate(() => document.querySelector('peer-check-in').shadowRoot.textContent);
        assert.ok(!/\bcheckIn\.[\w.]+/.test(text), `${story.id} shows a string key instead of words`);
        // From the browser itself: the history story puts a storage of its own in front of the page's.
        const { origins } = await page.context().storageState();
        const keys = origins.flatMap((origin) => origin.localStorage.map((item) => item.name));
        assert.ok(
          !keys.some((key) => key.startsWith(REAL_HISTORY_KEY)),
          `${story.id} wrote the real history key: ${keys.join(', ')}`,
        );
        if (story.exportName === 'History') {
          assert.ok(
            keys.some((key) => key.endsWith(REAL_HISTORY_KEY) && key !== REAL_HISTORY_KEY),
            `the history story keeps its entries under a key of its own: ${keys.join(', ')}`,
          );
        }
      }
    });
  },
);

/**
 * What each <peer-group-finder> story shows once rendered (and played): a selector inside the element's shadow root,
 * and words somewhere in it (the state in words, not only its markup).
 */
const GROUP_FINDER_STATES = {
  Default: { selector: '[part="results"] [part="card"] [part="card-details"]', words: 'Lunchtime drop-in' },
  FiltersApplied: { selector: 'details[part="filter"][open] input[value="grief"]:checked', words: '2 groups found.' },
  Loading: { selector: '[part="placeholder"]', words: 'Looking for groups' },
  Empty: { selector: '[part="empty"] [part="peer-link"]', words: 'No groups match' },
  ErrorWithRetry: { selector: '[part="problem"] [part="retry"]', words: 'We could not load the groups.' },
  Details: { selector: 'dialog[open] [part~="detail-agreements"]', words: 'Attendance is not recorded.' },
  JoinForm: { selector: 'dialog[open] [part="consent"] #join-consent', words: 'only for reminders' },
  Joined: { selector: 'dialog[open] [part="outcome"] [part="where"]', words: 'The Garden Room' },
  Waitlisted: { selector: 'dialog[open] [part="outcome"] [part="code-value"]', words: 'Your place on the waitlist' },
  CancelQuestion: { selector: 'dialog[open] [part="cancel-confirm"] [part="cancel-no"]', words: 'Cancel your place?' },
  Cancelled: { selector: 'dialog[open] [part="cancelled"]', words: 'Your place is cancelled' },
  JoinUnconfirmed: {
    selector: 'dialog[open] [part="join-form"] #join-failure',
    words: 'We could not confirm that you joined. You may already be in.',
  },
  CancelUnconfirmed: {
    selector: 'dialog[open] [part="cancel-confirm"] [part="cancel-status"]',
    words: 'We could not confirm that your place was cancelled.',
  },
  Spanish: { selector: '[part="panel"][lang="es"] [part="card"]', words: 'Encuentra un grupo de apoyo entre pares' },
  RightToLeft: { selector: '[part="panel"][dir="rtl"] [part="card"]', words: 'Find a peer support group' },
};

test('every <peer-group-finder> story renders its state in words', { skip }, async () => {
  const stories = Object.values(index()).filter((e) => e.type === 'story' && e.title === 'Elements/peer-group-finder');
  assert.deepEqual(
    stories.map((story) => story.exportName).sort(),
    Object.keys(GROUP_FINDER_STATES).sort(),
    'a state to check for every group finder story',
  );
  await withStorybook(async (page, url) => {
    for (const story of stories) {
      await page.goto(`${url}/iframe.html?id=${story.id}&viewMode=story`);
      await page.locator('peer-group-finder').first().waitFor({ state: 'attached', timeout: 30_000 });
      const { selector, words } = GROUP_FINDER_STATES[story.exportName];
      const shown = await page
        .waitForFunction(
          ({ selector, words }) => {
            const root = document.querySelector('peer-group-finder')?.shadowRoot;
            return Boolean(root?.querySelector(selector)) && root.textContent.replace(/\s+/g, ' ').includes(words);
          },
          { selector, words },
          { timeout: 20_000 },
        )
        .then(
          () => true,
          () => false,
        );
      assert.ok(shown, `${story.id} shows ${selector} with "${words}"`);
      const text = await page.evaluate(() => document.querySelector('peer-group-finder').shadowRoot.textContent);
      assert.ok(!/\bgroups\.[\w.]+/.test(text), `${story.id} shows a string key instead of words`);
    }
  });
});

/**
 * Plays every story of `tag` and checks that each shows its state: the selector inside the element's shadow root,
 * and the words somewhere in it (whitespace collapsed), then that no string key (`keys`) is shown instead of words.
 * `marked` strips strings a story marks on purpose (a made-up table for layout) before that check.
 */
async function checkStories(tag, states, keys, marked = () => null) {
  const stories = Object.values(index()).filter((e) => e.type === 'story' && e.title === `Elements/${tag}`);
  assert.deepEqual(
    stories.map((story) => story.exportName).sort(),
    Object.keys(states).sort(),
    `a state to check for every ${tag} story`,
  );
  await withStorybook(async (page, url) => {
    for (const story of stories) {
      await page.goto(`${url}/iframe.html?id=${story.id}&viewMode=story`);
      await page.locator(tag).first().waitFor({ state: 'attached', timeout: 30_000 });
      const { selector, words } = states[story.exportName];
      const shown = await page
        .waitForFunction(
          ({ tag, selector, words }) => {
            const root = document.querySelector(tag)?.shadowRoot;
            return Boolean(root?.querySelector(selector)) && root.textContent.replace(/\s+/g, ' ').includes(words);
          },
          { tag, selector, words },
          { timeout: 20_000 },
        )
        .then(
          () => true,
          () => false,
        );
      if (!shown) {
        const text = await page.evaluate((tag) => document.querySelector(tag)?.shadowRoot?.textContent ?? '', tag);
        assert.fail(`${story.id} shows ${selector} with "${words}"; it says: ${text.replace(/\s+/g, ' ').trim()}`);
      }
      const text = await page.evaluate((tag) => document.querySelector(tag).shadowRoot.textContent, tag);
      const strip = marked(story.exportName);
      const left = strip ? text.replace(strip, '') : text;
      assert.ok(!keys.test(left), `${story.id} shows a string key instead of words: ${left.match(keys)?.[0]}`);
    }
  });
}

/**
 * What each <peer-request-button> story shows once rendered (and played): a selector inside the element's shadow
 * root, and words somewhere in it (the same states as test/elements/peer-request-button/stories.test.ts, which plays
 * the stories in the browser test run).
 */
const REQUEST_BUTTON_STATES = {
  Default: {
    selector: '[part="button"] [part="availability"]',
    words: 'Supporters are on shift now. The wait is about 10 min.',
  },
  NobodyOnShift: { selector: '[part="button"] [part="availability"]', words: 'No one is on shift right now.' },
  Closed: { selector: '[part="button"] [part="availability"]', words: 'Opens tomorrow at' },
  // The button works at once; its second line waits (empty) for the availability that never comes.
  Loading: { selector: '[part="button"] [part="availability"]:empty', words: 'Talk to a peer supporter' },
  DialogOpen: { selector: 'dialog[open] [part="fieldset"] [part="legend"]', words: 'Are you in danger right now' },
  // Crisis help in the dialog, and no Next: no way into the queue.
  Danger: {
    selector: 'dialog[open] [part="form"]:not(:has([part="next"])) [part="safety-help"] [part="crisis"]',
    words: 'Please reach someone now',
  },
  NobodyDialog: {
    selector: 'dialog[open] [part="fallback"] [part="groups-link"]',
    words: 'You can still send a request',
  },
  LongWait: { selector: 'dialog[open] [part="fallback"]', words: 'The wait is longer than usual right now.' },
  Consent: { selector: 'dialog[open] [part="consent"] [part="consent-box"]', words: 'on-call professional' },
  ConsentMissing: { selector: 'dialog[open] [part="consent"] [part="field-error"]', words: 'Please tick the box' },
  SendFailed: { selector: 'dialog[open] [part="send-status"]', words: 'Your request was not sent.' },
  SendUnconfirmed: {
    selector: 'dialog[open] [part="send-status"] [part="crisis"]',
    words: 'We could not confirm that your request arrived.',
  },
  Waiting: {
    selector: 'dialog[open] [part="status"] [part="code-value"]',
    words: 'You are number 2 in line. The wait is about 10 min.',
  },
  WaitingNobody: { selector: 'dialog[open] [part="status"] [part="fallback"]', words: 'Your request stays in line' },
  PickedUp: { selector: 'dialog[open] [part="status"] [part="join"]', words: 'Your supporter: Sam' },
  Escalated: {
    selector: 'dialog[open] [part="status"] [part="escalated"]',
    words: 'A professional will be in touch',
  },
  CancelQuestion: {
    selector: 'dialog[open] [part="cancel-confirm"] [part="cancel-no"]',
    words: 'Cancel your request?',
  },
  Cancelled: { selector: 'dialog[open] [part="status"] [part="again"]', words: 'Status: Cancelled' },
  Spanish: { selector: '[part="base"][lang="es"] [part="label"]', words: 'Habla con un compañero de apoyo' },
  RightToLeft: { selector: '[part="base"][dir="rtl"] [part="label"]', words: 'Talk to a peer supporter' },
};

test('every <peer-request-button> story renders its state in words', { skip }, async () => {
  await checkStories('peer-request-button', REQUEST_BUTTON_STATES, /\brequest\.[\w.]+/);
});

/** What each <peer-supporter-inbox> story shows once rendered (and played), as for the request button. */
const SUPPORTER_INBOX_STATES = {
  SignIn: {
    selector: '[part="sign-in-form"] [part="password"][type="password"]',
    words: 'Your session is kept only in this page',
  },
  WrongDetails: { selector: '[part="sign-in"] [part="notice"]', words: 'do not match an account' },
  Queue: {
    selector: '[part="requests"] [part="request"][data-request="pr_NF1003"] [part="contact-method"]',
    words: '2 requests shown.',
  },
  Loading: { selector: '[part="queue"][aria-busy="true"]', words: 'Loading requests…' },
  Empty: { selector: '[part="queue"] [part="count"]', words: 'No requests are waiting right now.' },
  LoadFailed: { selector: '[part="problem"] [part="retry"]', words: 'We could not load the requests.' },
  // Before claiming: Claim, the guide beside it, and neither the student's note nor their contact.
  OpenRequest: {
    selector:
      '[data-request="pr_NF1002"] [part="work"]:not(:has([part="student-note"], [part="contact"], [part="notes-section"])) [part="claim"]',
    words: 'You are a peer, not a counsellor.',
  },
  Claimed: {
    selector: '[data-request="pr_NF1002"] [part="work"]:has([part="notes-section"]) [part="student-note"]',
    words: 'I moved here this term',
  },
  // The claim was saved but its answer lost: said, and the list read again shows it claimed.
  ClaimUnconfirmed: {
    selector: '[data-request="pr_NF1002"][data-status="claimed"] [part="message"]',
    words: 'This may already have been saved. Check the request and its notes before trying again.',
  },
  Escalating: { selector: '[part="work"] [part="escalate-form"] select', words: 'Alert the on-call professional' },
  // Training not recorded: said, and the open request offers no Claim.
  TrainingMissing: {
    selector: '[part="work"] [part="actions"]:not(:has([part="claim"])) [part="escalate"]',
    words: 'Your training is not recorded as complete',
  },
  TrainingExpired: { selector: '[part="training"]', words: 'Your training expired on September 1, 2026' },
  // A supervisor: the request with the on-call professional first, open with its notes.
  Supervisor: {
    selector:
      '[part="requests"] > [part="request"]:first-child[data-status="escalated-to-professional"] [part="notes-section"]',
    words: 'Signed in as Jordan, supervisor.',
  },
  Spanish: { selector: '[part="panel"][lang="es"] [part="requests"]', words: 'Se muestran 2 solicitudes.' },
  RightToLeft: { selector: '[part="panel"][dir="rtl"] [part="requests"]', words: 'עברית inbox.queue.heading' },
};

test('every <peer-supporter-inbox> story renders its state in words', { skip }, async () => {
  // The right-to-left story's made-up table marks every string with its key, on purpose; any other key is a miss.
  const marked = (name) => (name === 'RightToLeft' ? /עברית inbox\.[\w.-]+/g : null);
  await checkStories('peer-supporter-inbox', SUPPORTER_INBOX_STATES, /\binbox\.[\w.]+/, marked);
});
