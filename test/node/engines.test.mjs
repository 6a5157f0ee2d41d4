// Node 20, 22 and 24 are supported for contributors and for the reference server: package.json "engines" names the
// lowest version of each line that the tools run on, and every package in package-lock.json accepts each of them,
// so `npm ci` on any supported Node prints no EBADENGINE warning. (CI also runs the server suite on Node 24.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import semver from 'semver';
import { repoRoot } from './helpers/packed-package.mjs';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const serverPkg = JSON.parse(readFileSync(join(repoRoot, 'server/package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8'));

/** The lowest version of each line the root's engines range allows ("^20.19.0 || …" → 20.19.0, …). */
const lowest = pkg.engines.node.split('||').map((part) => semver.minVersion(part.trim()).version);

test('package.json engines cover Node 20, 22 and 24, and the running Node is one of them', () => {
  assert.deepEqual(
    lowest.map((version) => semver.major(version)),
    [20, 22, 24],
  );
  assert.ok(semver.satisfies(process.version, pkg.engines.node), `${process.version} is not in ${pkg.engines.node}`);
  for (const version of lowest) {
    assert.ok(semver.satisfies(version, serverPkg.engines.node), `server/package.json engines refuse ${version}`);
  }
});

test('every locked package accepts the lowest supported version of each Node line', () => {
  const refusals = Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && entry.engines?.node)
    .flatMap(([path, entry]) =>
      lowest
        .filter((version) => !semver.satisfies(version, entry.engines.node))
        .map(
          (version) =>
            `${path.replace(/^.*node_modules\//, '')}@${entry.version} wants ${entry.engines.node}, not ${version}`,
        ),
    );
  assert.deepEqual(refusals, [], 'npm ci would warn EBADENGINE');
});
