// Every published entry stays within its gzip budget (bench/size-budget.json), so a dependency or a feature that
// makes the widgets heavier for campus pages (and for students on slow phones) is a conscious decision.
// Reads dist/ (npm test builds first). Sizes come from bench/sizes.mjs, the same code as `npm run bench`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { measureEntries } from '../../bench/sizes.mjs';

const budgetFile = 'bench/size-budget.json';
const budgets = JSON.parse(readFileSync(new URL(`../../${budgetFile}`, import.meta.url), 'utf8')).gzip;

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
});

for (const { entry, gzip } of sizes) {
  test(`${entry} stays within its gzip budget`, () => {
    const budget = budgets[entry];
    assert.ok(
      Number.isInteger(budget),
      `${entry} has no gzip budget: add "${entry}" to ${budgetFile} (it is ${gzip} bytes gzip today).`,
    );
    assert.ok(
      gzip <= budget,
      `${entry} is ${gzip} bytes gzip, over its budget of ${budget} bytes (${budgetFile}) by ${gzip - budget} bytes.`,
    );
  });
}

test('every budget belongs to a published entry', { skip: measureError !== undefined }, () => {
  const stale = Object.keys(budgets).filter((entry) => !sizes.some((size) => size.entry === entry));
  assert.deepEqual(
    stale,
    [],
    `${budgetFile} has budgets for entries that are no longer published: ${stale.join(', ')}`,
  );
});
