// Every published entry stays within its gzip and brotli budgets (bench/size-budget.json), so a dependency or a
// feature that makes the widgets heavier for campus pages (and for students on slow phones) is a conscious decision.
// The CDN file must ship minified: its size as shipped is checked against the same file minified again.
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
  }
});
