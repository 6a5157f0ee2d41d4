// The types of each subpath, as a TypeScript project that installed the package sees them: the packed package
// (npm pack) resolved by name through package.json "exports", one small project per subpath under
// test/node/fixtures/subpath-types/, checked with `tsc --noEmit`. Importing only an element's subpath must bring
// its tag (HTMLElementTagNameMap) and the events it fires (HTMLElementEventMap, and DocumentEventMap and
// WindowEventMap, since they bubble out to a page listening on document or window) with typed `detail`. Each fixture
// also holds `@ts-expect-error` lines, so a `detail` typed `any` or a missing tag fails too. Needs `npm run build`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copyFixture, typeCheck } from './helpers/packed-package.mjs';

const projects = {
  'tsconfig.crisis-resources.json':
    'peer-support-widgets/peer-crisis-resources alone brings <peer-crisis-resources> and peer-crisis-contact',
  'tsconfig.nodenext.json': 'the same under moduleResolution NodeNext',
  'tsconfig.help-link.json': 'peer-support-widgets/peer-help-link brings the panel it renders and its event',
  'tsconfig.check-in.json':
    'peer-support-widgets/peer-check-in alone brings <peer-check-in>, its typed events and the panel it renders',
  'tsconfig.group-finder.json':
    'peer-support-widgets/peer-group-finder alone brings <peer-group-finder>, its typed events and the panel it renders',
  'tsconfig.support-provider.json': 'peer-support-widgets/peer-support-provider brings its tag and no other',
  'tsconfig.cdn.json': 'peer-support-widgets/cdn brings every tag and event',
  'tsconfig.document-events.json':
    'each element subpath types its events on document and window too (DocumentEventMap, WindowEventMap)',
};

let fixture;
for (const [tsconfig, title] of Object.entries(projects)) {
  test(title, () => {
    fixture ??= copyFixture('subpath-types');
    const { ok, output } = typeCheck(fixture, tsconfig);
    assert.ok(ok, `tsc -p ${tsconfig} failed:\n${output}`);
  });
}
