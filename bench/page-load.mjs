#!/usr/bin/env node
// Layout shift and long tasks on the demo page (issue 7, §3.2): what loading the widgets does to a campus page.
//
//   node bench/page-load.mjs [--runs 5] [--profiles a,b] [--cdn-file path]   (after `npm run build`; bench/run.mjs
//   calls it too). --cdn-file serves another build of the CDN file in its place, to measure a build before a change
//   under the same conditions (pages with an SRI hash, such as the demo, refuse a file that is not theirs).
//
// Starts the reference server (demo seed, in-memory database) on a free loopback port, pinned to core 0, and loads
// its demo page in headless Chromium pinned to core 1, on a fresh browser context (empty cache) per load:
//   desktop  1280×800, device scale 1
//   mobile   390×844, device scale 3, touch, CPU slowed 4× (CDP Emulation.setCPUThrottlingRate)
//   page alone  the mobile profile with the widget script blocked: the long tasks the demo page has of its own (its
//            first style and layout), so that the widgets' share can be told apart
//   crisis panel alone  the mobile profile on a page with nothing but <peer-crisis-resources> and its fallback (the
//            demo as it was when issue 7 measured the upgrade)
//   slow backend  the desktop profile with every API answer 600 ms late, as over a real network: the layout shifts
//            that data arriving after the first paint causes (on loopback it arrives before it)
//   page alone, then the first Intl calls  the same, plus a country name and a zoned time in a task after load: the
//            engine's start-up of locale data, a task no widget that formats anything can avoid or split
//   crisis panel first, backend late  desktop and phone: a page that opens with the crisis panel (and a pasted
//            fallback the campus services cover), the page's text after it, every API answer 600 ms late: what
//            campus services arriving after the first paint move (issue 7 measured 0.165 and 0.246 here)
// The profiles alternate, 5 loads each after one discarded warm-up load of each, and report medians of:
//   CLS          layout shifts without recent input, in session windows (gap < 1 s, window < 5 s), the largest window
//                (as web-vitals computes it)
//   CLS after the panel  the same, counting only shifts after the frame that first shows the crisis panel: what
//                data arriving moves, apart from the upgrade itself (the pasted fallback giving way to the panel,
//                which the page can reserve room for, see README "Crisis help")
//   long tasks   PerformanceObserver 'longtask': how many, the longest and the second longest (ms)
//   LCP          the last largest-contentful-paint entry (ms after navigation start)
//   emergency    ms after navigation start until the crisis panel's own emergency call link
//                (a[part~="emergency-call"] in its shadow root) is in the DOM
// Observers are installed before any page script; a load ends 2 s after the network goes quiet (bounded). The demo
// page keeps its strict CSP. The server is stopped at the end (SIGTERM, then SIGKILL after 10 s).
// A benchmark, not a test: it prints figures and asserts nothing about time.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromiumMissing,
  isMain,
  launchChromium,
  pinned,
  printTables,
  round,
  spread,
  withTimeout,
} from './browser-bench.mjs';
import { startReferenceServer } from '../scripts/start-reference-server.mjs';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));
const serverDir = join(projectRoot, 'server');
const RUNS = 5;
const LOAD_TIMEOUT_MS = 60_000;
const QUIET_TIMEOUT_MS = 30_000;
const SETTLE_MS = 2_000;

export const PROFILES = {
  desktop: {
    label: 'desktop 1280×800',
    context: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
    cpuThrottlingRate: 1,
  },
  mobile: {
    label: 'mobile 390×844 @3x, touch, CPU ÷4',
    context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    cpuThrottlingRate: 4,
  },
  pageAlone: {
    label: 'mobile, page alone (no widget script)',
    context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    cpuThrottlingRate: 4,
    blockWidgets: true,
  },
  crisisAlone: {
    label: 'mobile, a page with the crisis panel alone',
    context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    cpuThrottlingRate: 4,
    page: 'crisis-alone',
  },
  slowBackend: {
    label: 'desktop, the demo with the backend answering after 600 ms',
    context: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
    cpuThrottlingRate: 1,
    backendDelayMs: 600,
  },
  crisisFirstDesktop: {
    label: 'desktop, crisis panel first, backend 600 ms late',
    context: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
    cpuThrottlingRate: 1,
    page: 'crisis-first',
    backendDelayMs: 600,
  },
  crisisFirstPhone: {
    label: 'phone 390×844, crisis panel first, backend 600 ms late',
    context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    cpuThrottlingRate: 1,
    page: 'crisis-first',
    backendDelayMs: 600,
  },
  intlFloor: {
    label: 'mobile, page alone, then the first Intl calls',
    context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    cpuThrottlingRate: 4,
    blockWidgets: true,
    firstIntl: true,
  },
};

/** A page as a CMS makes it: the CDN file in the head, then the body given. */
const page = (title, body) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <script type="module" src="/cdn/peer-support-widgets.js"></script>
  </head>
  <body>
${body}
  </body>
</html>`;

/**
 * A page with nothing but the crisis panel and its pasted fallback, as the demo was when issue 7 measured "long
 * tasks of 155 and 96 ms" on upgrade: served by the bench itself at the reference server's origin.
 */
const CRISIS_ALONE_PAGE = page(
  'Crisis help',
  `    <h1>Need help right now?</h1>
    <peer-support-provider api-base="/api/v1" country="US" region="US-MA">
      <peer-crisis-resources>
        <ul>
          <li>Emergency: call <a href="tel:911">911</a></li>
          <li>Suicide and Crisis Lifeline: call or text <a href="tel:988">988</a></li>
        </ul>
      </peer-crisis-resources>
    </peer-support-provider>
    <p>The rest of the page.</p>`,
);

const PAGE_TEXT =
  '<p>After a crisis call, the counselling service can help you plan the next days. ' +
  'Drop in on weekdays or book a time; you do not need a referral.</p>';

/** A page that opens with crisis help, as a counselling service's "urgent help" page does; text follows it. */
const CRISIS_FIRST_PAGE = page(
  'Urgent help',
  `    <peer-support-provider api-base="/api/v1" country="US" region="US-MA">
      <peer-crisis-resources>
        <p>Campus Safety, 24 hours: <a href="tel:+15555550100">555-555-0100</a></p>
      </peer-crisis-resources>
    </peer-support-provider>
    ${PAGE_TEXT.repeat(12)}`,
);

/** The pages the bench serves itself, at the reference server's origin. */
const BENCH_PAGES = { 'crisis-alone': CRISIS_ALONE_PAGE, 'crisis-first': CRISIS_FIRST_PAGE };

/**
 * The floor no widget can go under: a page's first use of Intl starts the engine's locale data, one task that no
 * yielding can split. This runs, in a task of its own after load, the two calls the crisis panel needs first (a
 * country's name, a time in the service's zone).
 */
function firstIntlCalls() {
  addEventListener('load', () =>
    setTimeout(() => {
      new Intl.DisplayNames('en', { type: 'region' }).of('US');
      new Intl.DateTimeFormat('en', { timeZone: 'America/New_York', weekday: 'long', hour: 'numeric' }).format(0);
    }, 100),
  );
}

/** Runs in the page before its own scripts: collects shifts, long tasks, LCP and when the emergency link appears. */
function observePageLoad() {
  const state = {
    shifts: [],
    longTasks: [],
    lcp: null,
    lcpElement: null,
    emergencyLinkMs: null,
    panelPaintedMs: null,
  };
  window.__pageLoad = state;
  const describe = (node) =>
    node?.nodeType === 1
      ? `${node.localName}${node.id ? `#${node.id}` : ''}${node.classList.length ? `.${[...node.classList].join('.')}` : ''}`
      : (node?.nodeName ?? null);
  const observe = (type, onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
    } catch {
      // An entry type this browser does not know: its figure stays empty.
    }
  };
  observe('layout-shift', (entry) => {
    if (entry.hadRecentInput) return;
    state.shifts.push({
      startTime: entry.startTime,
      value: entry.value,
      sources: (entry.sources ?? []).map((source) => describe(source.node)),
    });
  });
  observe('longtask', (entry) => state.longTasks.push({ startTime: entry.startTime, duration: entry.duration }));
  observe('largest-contentful-paint', (entry) => {
    state.lcp = entry.startTime;
    state.lcpElement = describe(entry.element);
  });

  const check = () => {
    if (state.emergencyLinkMs !== null) return;
    const link = document.querySelector('peer-crisis-resources')?.shadowRoot?.querySelector('[part~="emergency-call"]');
    if (!link) return;
    state.emergencyLinkMs = performance.now();
    // The frame that shows the upgraded panel: its shifts are the upgrade's; later ones are data arriving.
    requestAnimationFrame(() => setTimeout(() => (state.panelPaintedMs = performance.now())));
  };
  // Every shadow root gets an observer, so the link is seen in the microtask after it is inserted. The observers are
  // kept referenced: without that, one load in ten or so never saw the link.
  const observers = [];
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    const observer = new MutationObserver(check);
    observer.observe(root, { childList: true, subtree: true });
    observers.push(observer);
    return root;
  };
}

/** The largest session window of layout shifts: shifts less than 1 s apart, a window at most 5 s long. */
export function cumulativeLayoutShift(shifts) {
  let largest = 0;
  let window = [];
  let sum = 0;
  for (const shift of [...shifts].sort((a, b) => a.startTime - b.startTime)) {
    const first = window[0];
    const last = window.at(-1);
    if (last && shift.startTime - last.startTime < 1000 && shift.startTime - first.startTime < 5000) {
      window.push(shift);
      sum += shift.value;
    } else {
      window = [shift];
      sum = shift.value;
    }
    largest = Math.max(largest, sum);
  }
  return largest;
}

/** One cold load of the demo page in a fresh context; resolves with the figures once the page has settled. */
async function loadOnce(browser, url, profileName, cdnFile) {
  const profile = PROFILES[profileName];
  const context = await browser.newContext(profile.context);
  try {
    await context.addInitScript(observePageLoad);
    if (profile.firstIntl) await context.addInitScript(firstIntlCalls);
    const tab = await context.newPage();
    if (profile.blockWidgets) await tab.route('**/cdn/**', (route) => route.abort());
    if (profile.cpuThrottlingRate !== 1) {
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuThrottlingRate });
    }
    if (cdnFile) {
      const body = readFileSync(cdnFile);
      await tab.route('**/cdn/peer-support-widgets.js', (route) =>
        route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body }),
      );
    }
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    let address = `${url}/`;
    if (profile.page) {
      address = `${url}/__bench/${profile.page}.html`;
      await tab.route(address, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: BENCH_PAGES[profile.page] }),
      );
    }
    if (profile.backendDelayMs) {
      // A campus backend on a real network: every API answer comes this much later (the page and script do not).
      await tab.route('**/api/v1/**', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, profile.backendDelayMs));
        await route.continue();
      });
    }
    await tab.goto(address, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    if (!profile.blockWidgets) {
      await tab
        .waitForFunction(() => window.__pageLoad.emergencyLinkMs !== null, null, { timeout: LOAD_TIMEOUT_MS })
        .catch(() => {});
    }
    await tab.waitForLoadState('networkidle', { timeout: QUIET_TIMEOUT_MS }).catch(() => {});
    await tab.waitForTimeout(SETTLE_MS);
    const state = await withTimeout(
      tab.evaluate(() => window.__pageLoad),
      LOAD_TIMEOUT_MS,
      'reading the figures',
    );
    const byLength = state.longTasks.map((task) => task.duration).sort((a, b) => b - a);
    const afterPanel =
      state.panelPaintedMs === null ? [] : state.shifts.filter((shift) => shift.startTime > state.panelPaintedMs);
    return {
      profile: profileName,
      cls: cumulativeLayoutShift(state.shifts),
      clsAfterPanel: cumulativeLayoutShift(afterPanel),
      longTasks: state.longTasks.length,
      longestTaskMs: byLength[0] ?? 0,
      secondLongestTaskMs: byLength[1] ?? 0,
      longTaskMs: state.longTasks.map((task) => round(task.duration, 0)),
      longTaskStartMs: state.longTasks.map((task) => round(task.startTime, 0)),
      lcpMs: state.lcp,
      lcpElement: state.lcpElement,
      emergencyLinkMs: state.emergencyLinkMs,
      shifts: state.shifts.map((shift) => ({
        atMs: round(shift.startTime, 0),
        value: round(shift.value, 4),
        sources: shift.sources,
      })),
      errors,
    };
  } finally {
    await context.close();
  }
}

/** Runs the benchmark; returns the figures, or `{ skipped }` when there is no build or no server. */
export async function benchPageLoad({ runs = RUNS, log = () => {}, profiles, cdnFile } = {}) {
  if (!existsSync(join(projectRoot, 'dist/cdn/peer-support-widgets.js'))) {
    return { skipped: 'dist/cdn/peer-support-widgets.js does not exist: run npm run build' };
  }
  if (!existsSync(join(serverDir, 'src/main.ts'))) return { skipped: 'server/src/main.ts does not exist' };
  const noBrowser = chromiumMissing();
  if (noBrowser) return { skipped: noBrowser };

  let pinnedTo = null;
  const server = await startReferenceServer({
    env: { SEED: 'demo', DATABASE_URL: undefined },
    timeoutMs: 120_000,
    wrap: (command, args) => {
      const [wrapped, wrappedArgs, core] = pinned(0, command, args);
      pinnedTo = core;
      return [wrapped, wrappedArgs];
    },
  });
  let chromium;
  try {
    const { url } = server;
    log(`reference server at ${url}`);
    chromium = await launchChromium({ core: 1 });
    const names = profiles ?? Object.keys(PROFILES);
    for (const name of names) await loadOnce(chromium.browser, url, name, cdnFile); // warm-up, discarded
    const loads = Object.fromEntries(names.map((name) => [name, []]));
    for (let run = 0; run < runs; run++) {
      for (const name of run % 2 ? [...names].reverse() : names) {
        const load = await loadOnce(chromium.browser, url, name, cdnFile);
        loads[name].push(load);
        log(
          `${name} ${run + 1}/${runs}: CLS ${round(load.cls, 4)}, long tasks ${load.longTasks} ` +
            `(longest ${round(load.longestTaskMs, 0)} ms), LCP ${round(load.lcpMs, 0)} ms, ` +
            `emergency link ${round(load.emergencyLinkMs, 0)} ms`,
        );
      }
    }
    return {
      runs,
      browser: `Chromium ${chromium.version}`,
      pinnedToCore: { browser: chromium.pinnedTo, server: pinnedTo },
      profiles: Object.fromEntries(
        names.map((name) => [name, { label: PROFILES[name].label, ...summarise(loads[name]), loads: loads[name] }]),
      ),
    };
  } finally {
    await chromium?.close();
    await server.stop();
  }
}

function summarise(loads) {
  const of = (key, digits) => {
    const s = spread(loads.map((load) => load[key]));
    return s && { min: round(s.min, digits), median: round(s.median, digits), max: round(s.max, digits) };
  };
  return {
    cls: of('cls', 4),
    clsAfterPanel: of('clsAfterPanel', 4),
    longTasks: of('longTasks', 1),
    longestTaskMs: of('longestTaskMs', 0),
    secondLongestTaskMs: of('secondLongestTaskMs', 0),
    lcpMs: of('lcpMs', 0),
    emergencyLinkMs: of('emergencyLinkMs', 0),
  };
}

/** Tables for bench/run.mjs and for running this file alone. */
export function pageLoadTables(result) {
  if (result.skipped) return [];
  const cell = (s) => (s ? `${s.median} (${s.min}–${s.max})` : 'n/a');
  const profiles = Object.values(result.profiles);
  const pinning =
    result.pinnedToCore.browser === null
      ? 'not pinned'
      : `browser on core ${result.pinnedToCore.browser}, server on core ${result.pinnedToCore.server}`;
  return [
    {
      title:
        `Demo page load (reference server, demo seed; ${result.runs} cold loads per profile, ${result.browser}, ` +
        `${pinning}): median (min–max)`,
      headers: [
        'profile',
        'CLS',
        'CLS after the panel',
        'long tasks',
        'longest task ms',
        'second longest ms',
        'LCP ms',
        'emergency link in DOM ms',
      ],
      rows: profiles.map((p) => [
        p.label,
        cell(p.cls),
        cell(p.clsAfterPanel),
        cell(p.longTasks),
        cell(p.longestTaskMs),
        cell(p.secondLongestTaskMs),
        cell(p.lcpMs),
        cell(p.emergencyLinkMs),
      ]),
    },
  ];
}

if (isMain(import.meta.url)) {
  const option = (name) => {
    const index = process.argv.indexOf(name);
    return index > 0 ? process.argv[index + 1] : undefined;
  };
  const profiles = option('--profiles')?.split(',');
  const unknown = profiles?.filter((name) => !(name in PROFILES)) ?? [];
  if (unknown.length) throw new Error(`unknown profile ${unknown.join(', ')}: ${Object.keys(PROFILES).join(', ')}`);
  const result = await benchPageLoad({
    runs: Number(option('--runs') ?? RUNS),
    profiles,
    cdnFile: option('--cdn-file'),
    log: (line) => console.error(line),
  });
  if (result.skipped) console.log(`Page load: skipped (${result.skipped})`);
  printTables(pageLoadTables(result));
  console.log(`\n${JSON.stringify({ pageLoad: result })}`);
}
