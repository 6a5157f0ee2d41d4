#!/usr/bin/env node
// The render ratio (issue 7, §3.1): how much longer 100 <peer-crisis-resources country="US"> take to reach the screen
// than the same markup as static HTML.
//
//   node bench/render.mjs [--runs 20]   (after `npm run build`; bench/run.mjs calls it too)
//
// 1. Capture, once per run of this script: a page loads the CDN bundle (no backend, lang="en"), inserts the 100
//    elements and lets them settle; each element's shadow root is serialised (its HTML plus the CSS text of its
//    adopted stylesheets) as declarative shadow DOM, <template shadowrootmode="open"><style>…</style>…</template>,
//    so the static page has the same DOM, the same styles, and the same layout and paint work, with no script.
// 2. Measure: on a fresh page (new browser context) per run, the time from inserting the markup (setHTMLUnsafe on a
//    container: the 100 elements, or the captured static markup) to the next frame (double requestAnimationFrame),
//    and the CDP Performance.getMetrics deltas (ScriptDuration, LayoutDuration, RecalcStyleDuration, TaskDuration)
//    over that window. ScriptDuration leaves out microtasks, where Lit renders, so script time is also read from a
//    trace of the same window (DevTools' "Scripting" self time on the page's main thread). 20 runs of each, in
//    pairs whose order alternates, after one discarded pair to warm the browser up. The bundle is loaded and the
//    elements defined before the clock starts. The static page's script is only the harness (a few ms), so script
//    ratios divide by almost nothing: read the widgets' script ms next to the static frame ms.
// Files come from a loopback static server; Chromium runs headless, pinned to core 1 with taskset when it can be.
// A benchmark, not a test: it prints figures and asserts nothing about time.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumMissing, isMain, launchChromium, printTables, round, spread, withTimeout } from './browser-bench.mjs';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));
const CDN_FILE = join(projectRoot, 'dist/cdn/peer-support-widgets.js');
const TAG = 'peer-crisis-resources';
const COUNT = 100;
const RUNS = 20;
const WARMUP_PAIRS = 1;
const VIEWPORT = { width: 1280, height: 800 };
const STEP_TIMEOUT_MS = 60_000;
const WIDGET_MARKUP = `<${TAG} country="US"></${TAG}>`.repeat(COUNT);
/** CDP Performance.getMetrics durations (seconds, cumulative per page), read before and after each insertion. */
const METRICS = {
  cdpScript: 'ScriptDuration',
  layout: 'LayoutDuration',
  recalcStyle: 'RecalcStyleDuration',
  task: 'TaskDuration',
};
/**
 * ScriptDuration counts script run from tasks (timers, event and element callbacks) but not microtask checkpoints,
 * where Lit renders, so script time is also taken from a trace of the same window: the self time of the page's
 * main-thread events that DevTools files under "Scripting" (function calls, microtasks, compilation, V8 and GC).
 */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8'];
const SCRIPT_EVENTS = new Set([
  'FunctionCall',
  'EvaluateScript',
  'RunMicrotasks',
  'TimerFire',
  'FireAnimationFrame',
  'FireIdleCallback',
  'EventDispatch',
  'MajorGC',
  'MinorGC',
  'CppGC',
]);
const RENDERING_EVENTS = new Set([
  'Layout',
  'UpdateLayoutTree',
  'RecalculateStyles',
  'ParseAuthorStyleSheet',
  'PrePaint',
  'Paint',
  'Layerize',
  'UpdateLayer',
  'Commit',
  'HitTest',
]);

/** The harness both pages share: the markup to insert, a ready signal, and the timed insertion. */
const HARNESS = `
const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
window.__markup = JSON.parse(document.getElementById('markup').textContent);
window.__ready = (async () => {
  if (document.querySelector('script[type="module"]')) await customElements.whenDefined('${TAG}');
  await frames();
  await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
})();
window.__measure = () =>
  new Promise((resolve) => {
    const root = document.getElementById('root');
    const markup = window.__markup;
    const start = performance.now();
    root.setHTMLUnsafe(markup);
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
  });
window.__shape = () => {
  const hosts = [...document.getElementById('root').children];
  return {
    hosts: hosts.length,
    shadowRoots: hosts.filter((host) => host.shadowRoot).length,
    elements: hosts.reduce((n, host) => n + (host.shadowRoot?.querySelectorAll(':not(style)').length ?? 0), 0),
    height: document.documentElement.scrollHeight,
  };
};
`;

function page({ title, markup, withBundle, headCss = '' }) {
  const json = JSON.stringify(markup).replaceAll('<', '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body { margin: 0; font-family: system-ui, sans-serif; } main { max-width: 48rem; margin: 0 auto; }${headCss}</style>
${withBundle ? '<script type="module" src="/cdn/peer-support-widgets.js"></script>' : ''}
</head>
<body>
<main id="root"></main>
<script id="markup" type="application/json">${json}</script>
<script>${HARNESS}</script>
</body>
</html>`;
}

/** A loopback static server for the bench pages and the CDN file; `routes` may change while it runs. */
async function startStaticServer(routes) {
  const server = createServer((request, response) => {
    const route = routes.get(new URL(request.url, 'http://127.0.0.1').pathname);
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store' }).end(route.body());
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** In the capture page, after the elements settled: each host as declarative shadow DOM with its styles inlined. */
function serialiseHosts(tag) {
  const escapeAttribute = (value) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  const cssOf = (sheets) =>
    [...sheets].map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')).join('\n');
  const hosts = [...document.getElementById('root').children];
  const nestedShadowRoots = hosts.reduce(
    (n, host) => n + [...host.shadowRoot.querySelectorAll('*')].filter((element) => element.shadowRoot).length,
    0,
  );
  const markup = hosts
    .map((host) => {
      const attributes = [...host.attributes].map((a) => ` ${a.name}="${escapeAttribute(a.value)}"`).join('');
      const root = host.shadowRoot;
      const focus = root.delegatesFocus ? ' shadowrootdelegatesfocus' : '';
      return (
        `<${tag}${attributes}><template shadowrootmode="open"${focus}>` +
        `<style>${cssOf(root.adoptedStyleSheets)}</style>${root.innerHTML}</template>${host.innerHTML}</${tag}>`
      );
    })
    .join('');
  return { markup, nestedShadowRoots, documentCss: cssOf(document.adoptedStyleSheets) };
}

async function settleElements(page) {
  await page.evaluate(async (tag) => {
    const hosts = [...document.querySelectorAll(tag)];
    for (let round = 0; round < 5; round++) {
      await Promise.all(hosts.map((host) => host.updateComplete));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, TAG);
}

async function metricsOf(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
}

/** One fresh page: load, wait until idle, insert the markup, wait for the next frame. */
async function measureOnce(browser, baseUrl, kind) {
  let run;
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    await tab.goto(`${baseUrl}/${kind}.html`, { waitUntil: 'load', timeout: STEP_TIMEOUT_MS });
    await withTimeout(
      tab.evaluate(() => window.__ready),
      STEP_TIMEOUT_MS,
      `${kind} page ready`,
    );
    await browser.startTracing(tab, { categories: TRACE_CATEGORIES });
    let trace;
    try {
      const before = await metricsOf(cdp);
      const frameMs = await withTimeout(
        tab.evaluate(() => window.__measure()),
        STEP_TIMEOUT_MS,
        `${kind} insertion`,
      );
      const after = await metricsOf(cdp);
      run = { kind, frameMs };
      for (const [key, name] of Object.entries(METRICS)) run[`${key}Ms`] = (after[name] - before[name]) * 1000;
    } finally {
      trace = await browser.stopTracing();
    }
    Object.assign(run, mainThreadTimes(trace));
    run.shape = await tab.evaluate(() => window.__shape());
    return run;
  } finally {
    await context.close();
  }
}

/**
 * Self time, in ms, of the events on the page's main thread in a Chromium trace, by DevTools category: an event's
 * time minus its children's goes to its own category, or to its nearest categorised ancestor's.
 */
function mainThreadTimes(traceBuffer) {
  const { traceEvents } = JSON.parse(traceBuffer.toString('utf8'));
  const started = traceEvents.find((event) => event.name === 'TracingStartedInBrowser');
  const frames = started?.args?.data?.frames ?? [];
  const pid = (frames.find((frame) => frame.isOutermostMainFrame) ?? frames.find((frame) => !frame.parent))?.processId;
  const tid = traceEvents.find(
    (event) =>
      event.ph === 'M' && event.name === 'thread_name' && event.pid === pid && event.args?.name === 'CrRendererMain',
  )?.tid;
  if (pid === undefined || tid === undefined) return { scriptMs: null, renderingMs: null, parseHtmlMs: null };

  const events = [];
  const open = [];
  for (const event of traceEvents) {
    if (event.pid !== pid || event.tid !== tid) continue;
    if (event.ph === 'X') events.push({ name: event.name, start: event.ts, end: event.ts + (event.dur ?? 0) });
    else if (event.ph === 'B') open.push({ name: event.name, start: event.ts });
    else if (event.ph === 'E' && open.length) events.push({ ...open.pop(), end: event.ts });
  }
  events.sort((a, b) => a.start - b.start || b.end - a.end);

  const categoryOf = (name) => {
    if (SCRIPT_EVENTS.has(name) || /^v8\./i.test(name)) return 'script';
    if (RENDERING_EVENTS.has(name)) return 'rendering';
    if (name === 'ParseHTML') return 'parseHtml';
    return undefined;
  };
  const totals = { script: 0, rendering: 0, parseHtml: 0, other: 0 };
  const stack = [];
  const close = (node) => (totals[node.category] += node.end - node.start - node.children);
  for (const event of events) {
    while (stack.length && stack.at(-1).end <= event.start) close(stack.pop());
    const parent = stack.at(-1);
    const end = parent ? Math.min(event.end, parent.end) : event.end;
    if (parent) parent.children += end - event.start;
    stack.push({
      start: event.start,
      end,
      category: categoryOf(event.name) ?? parent?.category ?? 'other',
      children: 0,
    });
  }
  while (stack.length) close(stack.pop());
  return { scriptMs: totals.script / 1000, renderingMs: totals.rendering / 1000, parseHtmlMs: totals.parseHtml / 1000 };
}

/** Runs the benchmark; returns the figures, or `{ skipped }` when there is no build. */
export async function benchRender({ runs = RUNS, log = () => {} } = {}) {
  if (!existsSync(CDN_FILE)) return { skipped: 'dist/cdn/peer-support-widgets.js does not exist: run npm run build' };
  const noBrowser = chromiumMissing();
  if (noBrowser) return { skipped: noBrowser };
  const bundle = readFileSync(CDN_FILE);
  const routes = new Map([
    ['/cdn/peer-support-widgets.js', { type: 'text/javascript; charset=utf-8', body: () => bundle }],
  ]);
  const widgetsPage = page({ title: 'widgets', markup: WIDGET_MARKUP, withBundle: true });
  routes.set('/widgets.html', { type: 'text/html; charset=utf-8', body: () => widgetsPage });

  const server = await startStaticServer(routes);
  const chromium = await launchChromium({ core: 1 });
  try {
    // Capture the rendered shadow DOM once.
    log('capturing the rendered shadow DOM');
    const context = await chromium.browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    let capture;
    try {
      const tab = await context.newPage();
      await tab.goto(`${server.url}/widgets.html`, { waitUntil: 'load', timeout: STEP_TIMEOUT_MS });
      await withTimeout(
        tab.evaluate(() => window.__ready),
        STEP_TIMEOUT_MS,
        'capture page ready',
      );
      await tab.evaluate(() => window.__measure());
      await settleElements(tab);
      capture = await tab.evaluate(serialiseHosts, TAG);
    } finally {
      await context.close();
    }
    const staticPage = page({
      title: 'static',
      markup: capture.markup,
      withBundle: false,
      headCss: capture.documentCss ? `\n${capture.documentCss}` : '',
    });
    routes.set('/static.html', { type: 'text/html; charset=utf-8', body: () => staticPage });

    const order = (pair) => (pair % 2 === 0 ? ['widgets', 'static'] : ['static', 'widgets']);
    for (let pair = 0; pair < WARMUP_PAIRS; pair++) {
      for (const kind of order(pair)) await measureOnce(chromium.browser, server.url, kind);
    }
    const results = { widgets: [], static: [] };
    for (let pair = 0; pair < runs; pair++) {
      for (const kind of order(pair)) results[kind].push(await measureOnce(chromium.browser, server.url, kind));
      log(
        `pair ${pair + 1}/${runs}: widgets ${round(results.widgets.at(-1).frameMs)} ms, ` +
          `static ${round(results.static.at(-1).frameMs)} ms`,
      );
    }
    return summarise(results, capture, chromium);
  } finally {
    await chromium.close();
    await server.close();
  }
}

function summarise(results, capture, chromium) {
  const keys = ['frameMs', 'scriptMs', 'renderingMs', 'parseHtmlMs', ...Object.keys(METRICS).map((key) => `${key}Ms`)];
  const of = (kind) =>
    Object.fromEntries(keys.map((key) => [key, roundSpread(spread(results[kind].map((run) => run[key])))]));
  const widgets = of('widgets');
  const staticFigures = of('static');
  const median = (kind, key) => spread(results[kind].map((run) => run[key]))?.median;
  const ratio = (key) => {
    const [w, s] = [median('widgets', key), median('static', key)];
    return w !== undefined && s ? round(w / s, 2) : null;
  };
  // Per pair (run i of each), to show how much the ratio itself moves from run to run.
  const pairRatios = (key) =>
    roundSpread(spread(results.widgets.map((run, index) => run[key] / results.static[index][key])), 2);
  const [widgetShape, staticShape] = [results.widgets[0].shape, results.static[0].shape];
  return {
    elements: COUNT,
    runs: results.widgets.length,
    browser: `Chromium ${chromium.version}`,
    pinnedToCore: chromium.pinnedTo,
    widgets,
    static: staticFigures,
    ratio: Object.fromEntries(keys.map((key) => [key.replace(/Ms$/, ''), ratio(key)])),
    pairRatio: { frame: pairRatios('frameMs'), script: pairRatios('scriptMs'), cdpScript: pairRatios('cdpScriptMs') },
    baseline: {
      markupBytes: Buffer.byteLength(capture.markup),
      nestedShadowRoots: capture.nestedShadowRoots,
      sameShape:
        widgetShape.shadowRoots === staticShape.shadowRoots &&
        widgetShape.elements === staticShape.elements &&
        widgetShape.height === staticShape.height,
      widgetsShape: widgetShape,
      staticShape,
    },
  };
}

function roundSpread(value, digits = 1) {
  if (!value) return null;
  return { min: round(value.min, digits), median: round(value.median, digits), max: round(value.max, digits) };
}

/** Tables for bench/run.mjs and for running this file alone. */
export function renderTables(result) {
  if (result.skipped) return [];
  const cell = (s) => (s ? `${s.min} / ${s.median} / ${s.max}` : 'n/a');
  const rows = [
    ['insertion → next frame (double rAF)', 'frameMs', 'frame'],
    ['script (CDP ScriptDuration: no microtasks)', 'cdpScriptMs', 'cdpScript'],
    ['script (trace: scripting self time)', 'scriptMs', 'script'],
    ['layout (CDP LayoutDuration)', 'layoutMs', 'layout'],
    ['style (CDP RecalcStyleDuration)', 'recalcStyleMs', 'recalcStyle'],
    ['all main-thread tasks (CDP TaskDuration)', 'taskMs', 'task'],
    ['rendering (trace: style, layout, paint)', 'renderingMs', 'rendering'],
    ['HTML parsing (trace: ParseHTML)', 'parseHtmlMs', 'parseHtml'],
  ].map(([label, key, ratioKey]) => [
    label,
    cell(result.widgets[key]),
    cell(result.static[key]),
    result.ratio[ratioKey] === null ? 'n/a' : `${result.ratio[ratioKey]}×`,
  ]);
  const { baseline } = result;
  return [
    {
      title:
        `Render: ${result.elements} <peer-crisis-resources country="US"> (CDN bundle, no backend) vs the same ` +
        `markup as static HTML (declarative shadow DOM); ${result.runs} fresh pages each, order alternated, ` +
        `${result.browser}${result.pinnedToCore === null ? ', not pinned' : `, pinned to core ${result.pinnedToCore}`}; ms min / median / max`,
      headers: ['measure', 'widgets', 'static', 'ratio of medians'],
      rows: [
        ...rows,
        ['per-pair frame ratio', cell(result.pairRatio.frame), '', ''],
        ['per-pair script ratio (trace)', cell(result.pairRatio.script), '', ''],
        ['per-pair script ratio (CDP ScriptDuration)', cell(result.pairRatio.cdpScript), '', ''],
      ],
    },
    {
      title: 'Render: the static baseline',
      headers: [
        'markup bytes',
        'nested shadow roots',
        'same DOM size and page height',
        'elements w / s',
        'height w / s',
      ],
      rows: [
        [
          baseline.markupBytes,
          baseline.nestedShadowRoots,
          baseline.sameShape ? 'yes' : 'no',
          `${baseline.widgetsShape.elements} / ${baseline.staticShape.elements}`,
          `${baseline.widgetsShape.height} / ${baseline.staticShape.height}`,
        ],
      ],
    },
  ];
}

if (isMain(import.meta.url)) {
  const runsIndex = process.argv.indexOf('--runs');
  const runs = runsIndex > 0 ? Number(process.argv[runsIndex + 1]) : RUNS;
  const result = await benchRender({ runs, log: (line) => console.error(line) });
  if (result.skipped) console.log(`Render: skipped (${result.skipped})`);
  printTables(renderTables(result));
  console.log(`\n${JSON.stringify({ render: result })}`);
}
