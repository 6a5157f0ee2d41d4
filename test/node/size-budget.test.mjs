// Every published entry stays within its gzip and brotli budgets (bench/size-budget.json), so a dependency or a
// feature that makes the widgets heavier for campus pages (and for students on slow phones) is a conscious decision.
// The CDN file must ship minified: its size as shipped is checked against the same file minified again. Each
// element's own files over the shared core have budgets of their own ("own").
// Reads dist/ (npm test builds first). Sizes come from bench/sizes.mjs, the same code as `npm run bench`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { measureEntries } from '../../bench/sizes.mjs';

const budgetFile = 'bench/size-budget.json';
const budgets = JSON.parse(readFileSync(new URL(`../../${budgetFile}`, import.meta.url), 'utf8'));
const COMPRESSIONS = ['gzip', 'brotli'];

let sizes = [];
let measureError;
try {
  sizes = await measureEntries();
} catch (error) {
  measureError = error;
}

test('the published entries can be measured', () => {
  if (measureError) throw measureError;
  assert.ok(sizes.length > 0, 'package.json "exports" names no dist entry to measure');
  assert.ok(
    sizes.some((size) => size.kind === 'cdn'),
    'package.json "exports" has no "./cdn" entry to measure',
  );
});

for (const size of sizes) {
  for (const compression of COMPRESSIONS) {
    test(`${size.entry} stays within its ${compression} budget`, () => {
      const budget = budgets[compression]?.[size.entry];
      const actual = size[compression];
      assert.ok(
        Number.isInteger(budget),
        `${size.entry} has no ${compression} budget: add "${size.entry}" to "${compression}" in ${budgetFile} (it is ${actual} bytes today).`,
      );
      assert.ok(
        actual <= budget,
        `${size.entry} is ${actual} bytes ${compression}, over its budget of ${budget} bytes (${budgetFile}) by ${actual - budget} bytes.`,
      );
    });
  }
}

const size = (entry) => sizes.find((item) => item.entry === entry);

// An element's own files over the shared core (bench/sizes.mjs), so the core cannot hide what one element adds.
for (const size of sizes.filter((entry) => entry.own)) {
  for (const compression of COMPRESSIONS) {
    test(`${size.entry} alone (over the shared core) stays within its own ${compression} budget`, () => {
      const budget = budgets.own?.[compression]?.[size.entry];
      const actual = size.own[compression];
      assert.ok(
        Number.isInteger(budget),
        `${size.entry} has no own ${compression} budget: add "${size.entry}" to "own"."${compression}" in ${budgetFile} (it is ${actual} bytes today).`,
      );
      assert.ok(
        actual <= budget,
        `${size.entry} alone is ${actual} bytes ${compression}, over its own budget of ${budget} bytes (${budgetFile}) by ${actual - budget} bytes.`,
      );
    });
  }
}

test(
  'every element entry has its own files measured, and the core is not among them',
  { skip: measureError !== undefined },
  () => {
    const elements = sizes.filter((size) => size.own);
    for (const entry of [
      'peer-check-in.js',
      'peer-group-finder.js',
      'peer-request-button.js',
      'peer-supporter-inbox.js',
    ]) {
      assert.ok(
        elements.some((size) => size.entry === entry),
        `${entry} has its own size`,
      );
    }
    for (const { entry, files, own } of elements) {
      assert.ok(own.files.includes(entry), `${entry} counts its own entry file`);
      assert.ok(
        own.files.every((file) => files.includes(file)),
        `${entry}: its own files are in its graph`,
      );
      assert.ok(
        !own.files.some((file) => /^chunks\/(core-|decorate-)/.test(file)),
        `${entry}: no core chunk counted as its own`,
      );
      assert.ok(own.gzip < size(entry).gzip, `${entry}: its own cost is below its whole graph's`);
    }
    const checkIn = elements.find((size) => size.entry === 'peer-check-in.js');
    // It loads the crisis panel and the help link: they are theirs, not the check-in's.
    assert.ok(!checkIn.own.files.some((file) => /peer-crisis-resources|peer-help-link/.test(file)));
    assert.ok(checkIn.files.some((file) => /peer-crisis-resources/.test(file)));
    // The group finder likewise; and the calendar writer it loads on click is core, not its own.
    const finder = elements.find((size) => size.entry === 'peer-group-finder.js');
    assert.ok(!finder.own.files.some((file) => /peer-crisis-resources|peer-help-link|peer-check-in/.test(file)));
    assert.ok(finder.files.some((file) => /peer-crisis-resources/.test(file)));
    assert.ok(finder.files.some((file) => /core-calendar/.test(file)));
  },
);

test('the CDN file ships minified: within 2% of its size minified again', { skip: measureError !== undefined }, () => {
  for (const { entry, raw, min } of sizes.filter((size) => size.kind === 'cdn')) {
    assert.ok(
      raw <= min * 1.02,
      `${entry} is ${raw} bytes as shipped but ${min} bytes minified: the CDN build no longer minifies it fully.`,
    );
  }
});

test('every budget belongs to a published entry', { skip: measureError !== undefined }, () => {
  for (const compression of COMPRESSIONS) {
    const stale = Object.keys(budgets[compression] ?? {}).filter(
      (entry) => !sizes.some((size) => size.entry === entry),
    );
    assert.deepEqual(
      stale,
      [],
      `${budgetFile} has ${compression} budgets for entries that are no longer published: ${stale.join(', ')}`,
    );
    const staleOwn = Object.keys(budgets.own?.[compression] ?? {}).filter(
      (entry) => !sizes.some((size) => size.entry === entry && size.own),
    );
    assert.deepEqual(
      staleOwn,
      [],
      `${budgetFile} has own ${compression} budgets for entries that are not published elements: ${staleOwn.join(', ')}`,
    );
  }
});
