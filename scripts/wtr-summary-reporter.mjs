// web-test-runner prints its totals on a progress-bar line; CI needs "N passed, N failed, N skipped" alone on a
// line. This reporter prints that line and writes the counts for scripts/test-all.mjs to add up.
import { mkdirSync, writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function summaryReporter({ outFile = 'test-results/browser.json' } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, totals);
        // A file that failed to load or threw outside a test has no test results but is still a failure.
        const loadErrors = (session.errors ?? []).length;
        if (!session.passed && loadErrors > 0) totals.failed += loadErrors;
      }
      mkdirSync('test-results', { recursive: true });
      writeFileSync(outFile, JSON.stringify(totals));
      this.totals = totals;
    },
    stop() {
      const t = this.totals ?? { passed: 0, failed: 0, skipped: 0 };
      console.log(`\n${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
    },
  };
}
