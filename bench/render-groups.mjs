#!/usr/bin/env node
// Rendering 1,000 groups in <peer-group-finder> (issue 9, Performance), against the same markup as static HTML in
// the same run.
//
//   node bench/render-groups.mjs [--runs 5]
//
// The finder is bundled here from src (vite, minified, lit inlined), so the figure does not wait on the packaging.
// Its backend is a `fetch` inside the page that answers at once with made-up groups (20 per page, the contract's
// default, 1,000 in all), so the time is the widget's own: checking each answer, working out each card's words and
// dates, rendering, and layout.
// 1. Capture, once: a page loads the finder, presses "Show more" until the 1,000 groups are listed, and serialises
//    its shadow root (HTML plus the CSS of its adopted stylesheets) as declarative shadow DOM.
// 2. Measure, on a fresh page per run (new browser context), in pairs whose order alternates after one discarded
//    pair:
//    - widget, all 1,000: from inserting the finder to the frame after the 50th page is on screen, pressing "Show
//      more" as soon as each page lands (what a student never does, but the sum of every page's cost);
//    - widget, each page: from a press of "Show more" to the frame that shows its 20 groups, for the 2nd page and
//      the 50th (with 980 groups already listed: a page must cost the same late as early);
//    - static: inserting the captured markup (1,000 cards, same DOM and styles, no script) to the next frame.
// Chromium headless, pinned to core 1 when taskset can. A benchmark, not a test: it prints figures, asserts nothing.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromiumMissing, isMain, launchChromium, printTables, round, spread, withTimeout } from './browser-bench.mjs';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));
const TOTAL = 1000;
const PAGE = 20;
const RUNS = 5;
const WARMUP_PAIRS = 1;
const VIEWPORT = { width: 1280, height: 800 };
const STEP_TIMEOUT_MS = 120_000;

/** The finder alone, as one minified ES module with lit inlined (the calendar writer it loads on click too). */
async function bundleFinder() {
  const { version } = (await import('../package.json', { with: { type: 'json' } })).default;
  const output = await build({
    configFile: false,
    root: projectRoot,
    logLevel: 'silent',
    define: { __PEER_VERSION__: JSON.stringify(version), __PEER_DEV__: 'false' },
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry: 'src/elements/peer-group-finder/define.ts', formats: ['es'], fileName: () => 'finder.js' },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
  const chunk = [output].flat()[0].output.find((item) => item.type === 'chunk');
  return chunk.code;
}

/** Made-up groups, served in pages as `GET /groups` would: built in the page, so no answer waits on the network. */
const FAKE_BACKEND = `
const TOTAL = ${TOTAL};
const topics = ['stress', 'grief', 'sleep', 'loneliness', 'studies', 'identity', 'money'];
const days = ['MO', 'TU', 'WE', 'TH', 'FR'];
function group(i) {
  const day = days[i % days.length];
  const first = Date.UTC(2027, 0, 4 + (i % 5), 23, 0);
  return {
    id: 'grp_' + i,
    name: 'Peer support group number ' + i,
    summary: 'A friendly, peer-led group for students who want to talk about how things are going.',
    topics: [topics[i % topics.length], topics[(i + 3) % topics.length]],
    audiences: ['students'],
    format: ['in-person', 'online', 'hybrid'][i % 3],
    languages: i % 4 ? ['en'] : ['en', 'es'],
    facilitator: { type: ['trained-peer', 'lived-experience', 'clinician'][i % 3] },
    dropIn: i % 5 === 0,
    accessibility: ['step-free', 'captions', 'quiet-room'].slice(0, 1 + (i % 3)),
    schedule: { timeZone: 'America/New_York', startLocal: '2027-01-0' + (4 + (i % 5)) + 'T18:00', durationMinutes: 90, rrule: 'FREQ=WEEKLY;BYDAY=' + day },
    nextOccurrences: [0, 1, 2].map((week) => ({
      startsAt: new Date(first + week * 7 * 864e5).toISOString(),
      endsAt: new Date(first + week * 7 * 864e5 + 90 * 6e4).toISOString(),
    })),
    capacity: i % 5 === 0 ? null : 12,
    spotsLeft: i % 5 === 0 ? null : i % 12,
    waitlistEnabled: true,
    registrationStatus: i % 12 === 0 ? 'waitlist' : 'open',
    locationHidden: i % 7 === 0,
    ...(i % 7 === 0 ? { areaHint: 'Main campus' } : { location: { venue: { name: 'Wellbeing Centre', room: 'Room ' + (i % 40) } } }),
  };
}
window.__fetch = async (input) => {
  const url = new URL(typeof input === 'string' ? input : input.url);
  const from = Number(url.searchParams.get('cursor') ?? 0);
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const items = [];
  for (let i = from; i < Math.min(TOTAL, from + limit); i++) items.push(group(i));
  const next = from + limit < TOTAL ? String(from + limit) : null;
  return new Response(JSON.stringify({ items, nextCursor: next }), { headers: { 'Content-Type': 'application/json' } });
};
`;

/** The harness both pages share. */
const HARNESS = `
const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
const root = () => document.getElementById('root');
window.__ready = (async () => {
  if (document.querySelector('script[type="module"]')) await customElements.whenDefined('peer-group-finder');
  await frames();
  await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
})();
const cards = (el) => el.shadowRoot.querySelectorAll('[part="card"]').length;
/** Resolves once the finder's list holds more than \`count\` cards. */
const moreThan = (el, count) =>
  new Promise((resolve) => {
    const check = () => {
      if (cards(el) > count) {
        observer.disconnect();
        resolve();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(el.shadowRoot, { childList: true, subtree: true });
    check();
  });
/** Inserts a finder and presses "Show more" until every group is listed; times the whole and two pages. */
window.__measureWidget = async () => {
  const start = performance.now();
  const el = document.createElement('peer-group-finder');
  el.setAttribute('api-base', 'https://bench.invalid/v1');
  el.setAttribute('time-zone', 'America/New_York');
  el.fetch = window.__fetch;
  root().append(el);
  await moreThan(el, 0);
  const pages = [];
  for (;;) {
    await el.updateComplete;
    const more = el.shadowRoot.querySelector('[part="more"]');
    if (!more) break;
    const before = cards(el);
    const pressed = performance.now();
    more.click();
    await moreThan(el, before);
    await el.updateComplete;
    if (before === ${PAGE} || before === ${TOTAL - PAGE}) {
      await frames();
      pages.push({ before, ms: performance.now() - pressed });
    }
  }
  await frames();
  return { totalMs: performance.now() - start, pages, cards: cards(el) };
};
window.__measureStatic = () =>
  new Promise((resolve) => {
    const markup = JSON.parse(document.getElementById('markup').textContent);
    const start = performance.now();
    root().setHTMLUnsafe(markup);
    requestAnimationFrame(() => requestAnimationFrame(() => resolve({ totalMs: performance.now() - start })));
  });
window.__shape = () => {
  const host = root().firstElementChild;
  return {
    cards: host?.shadowRoot?.querySelectorAll('[part="card"]').length ?? 0,
    elements: host?.shadowRoot?.querySelectorAll(':not(style)').length ?? 0,
    height: document.documentElement.scrollHeight,
  };
};
`;

function page({ title, markup = '', withBundle }) {
  const json = JSON.stringify(markup).replaceAll('<', '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body { margin: 0; font-family: system-ui, sans-serif; } main { max-width: 48rem; margin: 0 auto; }</style>
${withBundle ? '<script type="module" src="/finder.js"></script>' : ''}
</head>
<body>
<main id="root"></main>
<script id="markup" type="application/json">${json}</script>
<script>${FAKE_BACKEND}${HARNESS}</script>
</body>
</html>`;
}

/** In the capture page: the finished finder as declarative shadow DOM with its styles inlined (the dialog closed). */
function serialiseFinder() {
  const host = document.getElementById('root').firstElementChild;
  const root = host.shadowRoot;
  const css = [...root.adoptedStyleSheets]
    .map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n'))
    .join('\n');
  const attributes = [...host.attributes].map((a) => ` ${a.name}="${a.value.replaceAll('"', '&quot;')}"`).join('');
  const focus = root.delegatesFocus ? ' shadowrootdelegatesfocus' : '';
  return `<peer-group-finder${attributes}><template shadowrootmode="open"${focus}><style>${css}</style>${root.innerHTML}</template></peer-group-finder>`;
}

async function startStaticServer(routes) {
  const server = createServer((request, response) => {
    const route = routes.get(new URL(request.url, 'http://127.0.0.1').pathname);
    if (!route) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store' }).end(route.body);
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

async function measureOnce(browser, baseUrl, kind) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const tab = await context.newPage();
    await tab.goto(`${baseUrl}/${kind}.html`, { waitUntil: 'load', timeout: STEP_TIMEOUT_MS });
    await withTimeout(
      tab.evaluate(() => window.__ready),
      STEP_TIMEOUT_MS,
      `${kind} page ready`,
    );
    const result = await withTimeout(
      tab.evaluate(kind === 'widget' ? () => window.__measureWidget() : () => window.__measureStatic()),
      STEP_TIMEOUT_MS,
      `${kind} rendering`,
    );
    return { ...result, shape: await tab.evaluate(() => window.__shape()) };
  } finally {
    await context.close();
  }
}

/** Runs the benchmark; returns the figures, or `{ skipped }` when no browser can run. */
export async function benchRenderGroups({ runs = RUNS, log = () => {} } = {}) {
  const noBrowser = chromiumMissing();
  if (noBrowser) return { skipped: noBrowser };
  log('bundling <peer-group-finder>');
  const bundle = await bundleFinder();
  const routes = new Map([
    ['/finder.js', { type: 'text/javascript; charset=utf-8', body: bundle }],
    ['/widget.html', { type: 'text/html; charset=utf-8', body: page({ title: 'widget', withBundle: true }) }],
  ]);
  const server = await startStaticServer(routes);
  const chromium = await launchChromium({ core: 1 });
  try {
    log('capturing the rendered finder');
    const context = await chromium.browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    let markup;
    try {
      const tab = await context.newPage();
      await tab.goto(`${server.url}/widget.html`, { waitUntil: 'load', timeout: STEP_TIMEOUT_MS });
      await withTimeout(
        tab.evaluate(() => window.__ready),
        STEP_TIMEOUT_MS,
        'capture page ready',
      );
      await tab.evaluate(() => window.__measureWidget());
      markup = await tab.evaluate(serialiseFinder);
    } finally {
      await context.close();
    }
    routes.set('/static.html', { type: 'text/html; charset=utf-8', body: page({ title: 'static', markup }) });

    const order = (pair) => (pair % 2 === 0 ? ['widget', 'static'] : ['static', 'widget']);
    for (let pair = 0; pair < WARMUP_PAIRS; pair++) {
      for (const kind of order(pair)) await measureOnce(chromium.browser, server.url, kind);
    }
    const results = { widget: [], static: [] };
    for (let pair = 0; pair < runs; pair++) {
      for (const kind of order(pair)) results[kind].push(await measureOnce(chromium.browser, server.url, kind));
      log(
        `pair ${pair + 1}/${runs}: widget ${round(results.widget.at(-1).totalMs)} ms, ` +
          `static ${round(results.static.at(-1).totalMs)} ms`,
      );
    }
    const figures = (values) => {
      const s = spread(values);
      return s && { min: round(s.min), median: round(s.median), max: round(s.max) };
    };
    const pageMs = (before) =>
      figures(results.widget.map((run) => run.pages.find((entry) => entry.before === before)?.ms));
    const widget = figures(results.widget.map((run) => run.totalMs));
    const staticFigures = figures(results.static.map((run) => run.totalMs));
    return {
      groups: TOTAL,
      pageSize: PAGE,
      runs,
      browser: `Chromium ${chromium.version}`,
      pinnedToCore: chromium.pinnedTo,
      bundleBytes: Buffer.byteLength(bundle),
      widget,
      static: staticFigures,
      ratio: widget && staticFigures ? round(widget.median / staticFigures.median, 2) : null,
      secondPage: pageMs(PAGE),
      lastPage: pageMs(TOTAL - PAGE),
      shape: { widget: results.widget[0].shape, static: results.static[0].shape },
    };
  } finally {
    await chromium.close();
    await server.close();
  }
}

/** Tables for bench/run.mjs and for running this file alone. */
export function renderGroupsTables(result) {
  if (result.skipped) return [];
  const cell = (s) => (s ? `${s.min} / ${s.median} / ${s.max}` : 'n/a');
  const { shape } = result;
  return [
    {
      title:
        `Render: ${result.groups} groups in <peer-group-finder> (pages of ${result.pageSize}, a made-up backend in ` +
        `the page) vs the same markup as static HTML (declarative shadow DOM); ${result.runs} fresh pages each, ` +
        `${result.browser}${result.pinnedToCore === null ? ', not pinned' : `, pinned to core ${result.pinnedToCore}`}; ms min / median / max`,
      headers: ['measure', 'ms'],
      rows: [
        [`widget: insert, then every "Show more" to ${result.groups} groups on screen`, cell(result.widget)],
        [`static: insert the same ${result.groups} cards, to the next frame`, cell(result.static)],
        ['ratio of medians', result.ratio === null ? 'n/a' : `${result.ratio}×`],
        [`widget: one "Show more" with ${result.pageSize} groups listed, to the frame`, cell(result.secondPage)],
        [`widget: one "Show more" with ${result.groups - result.pageSize} listed, to the frame`, cell(result.lastPage)],
      ],
    },
    {
      title: 'Render groups: the static baseline',
      headers: ['bundle bytes (min, lit inlined)', 'cards w / s', 'elements w / s', 'height w / s'],
      rows: [
        [
          result.bundleBytes,
          `${shape.widget.cards} / ${shape.static.cards}`,
          `${shape.widget.elements} / ${shape.static.elements}`,
          `${shape.widget.height} / ${shape.static.height}`,
        ],
      ],
    },
  ];
}

if (isMain(import.meta.url)) {
  const runsIndex = process.argv.indexOf('--runs');
  const runs = runsIndex > 0 ? Number(process.argv[runsIndex + 1]) : RUNS;
  const result = await benchRenderGroups({ runs, log: (line) => console.error(line) });
  if (result.skipped) console.log(`Render groups: skipped (${result.skipped})`);
  printTables(renderGroupsTables(result));
  console.log(`\n${JSON.stringify({ renderGroups: result })}`);
}
