import { expect } from '@open-wc/testing';
import {
  arr,
  bool,
  empty,
  int,
  literal,
  nullable,
  num,
  obj,
  opt,
  str,
  union,
  type Check,
  type Infer,
} from '../../../src/core/api/shape.js';

const fails = (check: Check<unknown>, value: unknown) => {
  const result = check(value);
  if (result.ok) throw new Error(`expected ${JSON.stringify(value)} to fail`);
  return { path: result.path, expected: result.expected };
};
const passes = <T>(check: Check<T>, value: unknown): T => {
  const result = check(value);
  if (!result.ok) throw new Error(`expected to pass, failed at "${result.path}": ${result.expected}`);
  return result.value;
};

describe('shape: str', () => {
  it('accepts strings within the limits', () => {
    expect(passes(str({ max: 5 }), 'hello')).to.equal('hello');
    expect(passes(str({ max: 5, min: 1 }), 'a')).to.equal('a');
  });

  it('rejects other types and lengths outside the limits', () => {
    expect(fails(str({ max: 5 }), 5)).to.deep.equal({ path: '', expected: 'string' });
    expect(fails(str({ max: 5 }), null).expected).to.equal('string');
    expect(fails(str({ max: 5 }), 'toolong').expected).to.equal('string of 0 to 5 characters');
    expect(fails(str({ max: 5, min: 2 }), 'a').expected).to.equal('string of 2 to 5 characters');
  });

  it('counts code points, not UTF-16 units, as JSON Schema does', () => {
    expect(passes(str({ max: 3 }), '😀😀😀')).to.equal('😀😀😀');
    expect(fails(str({ max: 3 }), '😀😀😀😀').expected).to.equal('string of 0 to 3 characters');
    expect(fails(str({ max: 5, min: 2 }), '😀').expected).to.equal('string of 2 to 5 characters');
  });

  it('tests a pattern, ignoring any global flag state', () => {
    const date = str({ max: 10, pattern: /^\d{4}-\d{2}-\d{2}$/g });
    expect(passes(date, '2025-03-01')).to.equal('2025-03-01');
    expect(passes(date, '2025-03-01')).to.equal('2025-03-01');
    expect(fails(date, '2025-3-1').expected).to.match(/^string matching/);
  });
});

describe('shape: numbers, booleans, literals', () => {
  it('int accepts safe integers within limits', () => {
    expect(passes(int(), 42)).to.equal(42);
    expect(passes(int({ min: 0, max: 10 }), 0)).to.equal(0);
    expect(fails(int(), 1.5).expected).to.equal('integer');
    expect(fails(int(), '1').expected).to.equal('integer');
    expect(fails(int(), 2 ** 60).expected).to.equal('integer');
    expect(fails(int({ min: 0, max: 10 }), 11).expected).to.equal('integer, min 0, max 10');
    expect(fails(int({ min: 1 }), 0).expected).to.equal('integer, min 1');
  });

  it('num accepts finite numbers only', () => {
    expect(passes(num({ max: 1 }), 0.5)).to.equal(0.5);
    expect(fails(num(), Number.NaN).expected).to.equal('number');
    expect(fails(num(), Infinity).expected).to.equal('number');
    expect(fails(num({ max: 1 }), 2).expected).to.equal('number, max 1');
  });

  it('bool accepts true and false only', () => {
    expect(passes(bool, false)).to.equal(false);
    expect(fails(bool, 'true').expected).to.equal('boolean');
  });

  it('literal accepts only the listed values', () => {
    const state = literal('open', 'full', 0, null);
    expect(passes(state, 'full')).to.equal('full');
    expect(passes(state, null)).to.equal(null);
    expect(fails(state, 'closed').expected).to.equal('"open" or "full" or 0 or null');
  });

  it('empty accepts only a missing value', () => {
    expect(passes(empty, undefined)).to.equal(undefined);
    expect(fails(empty, {}).expected).to.equal('no content');
  });
});

describe('shape: arr', () => {
  it('checks every item and reports the index in the path', () => {
    const names = arr(str({ max: 3 }), { max: 5 });
    expect(passes(names, ['a', 'b'])).to.deep.equal(['a', 'b']);
    expect(fails(names, ['a', 'b', 7])).to.deep.equal({ path: '/2', expected: 'string' });
    expect(fails(names, 'a').expected).to.equal('array');
  });

  it('bounds the number of items', () => {
    expect(fails(arr(bool, { max: 2 }), [true, true, true]).expected).to.equal('array of 0 to 2 items');
    expect(fails(arr(bool, { max: 2, min: 1 }), []).expected).to.equal('array of 1 to 2 items');
  });
});

describe('shape: obj', () => {
  const group = obj({
    id: str({ max: 10 }),
    name: str({ max: 50 }),
    seats: opt(int({ min: 0 })),
  });

  it('returns a copy with only the declared keys (unknown fields dropped)', () => {
    const input = { id: 'g1', name: 'Sleep', seats: 3, addedLater: { x: 1 } };
    const value = passes(group, input);
    expect(value).to.deep.equal({ id: 'g1', name: 'Sleep', seats: 3 });
    expect(value).not.to.equal(input);
  });

  it('leaves a missing optional key out rather than setting it to undefined', () => {
    const value = passes(group, { id: 'g1', name: 'Sleep' });
    expect(value).to.deep.equal({ id: 'g1', name: 'Sleep' });
    expect('seats' in value).to.equal(false);
  });

  it('reports a missing or wrong required key by its path', () => {
    expect(fails(group, { id: 'g1' })).to.deep.equal({ path: '/name', expected: 'string' });
    expect(fails(group, { id: 'g1', name: 'x', seats: -1 })).to.deep.equal({
      path: '/seats',
      expected: 'integer, min 0',
    });
  });

  it('rejects non-objects, arrays and null', () => {
    for (const value of [null, [], 'x', 1]) expect(fails(group, value).expected).to.equal('object');
  });

  it('does not accept inherited properties for missing keys', () => {
    const check = obj({ constructor: str({ max: 10 }) });
    expect(fails(check, {}).path).to.equal('/constructor');
  });

  it('reports the JSON Pointer of a deep failure, escaping ~ and /', () => {
    const list = obj({ items: arr(obj({ name: str({ max: 5 }) }), { max: 10 }) });
    const items = [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 4 }];
    expect(fails(list, { items })).to.deep.equal({ path: '/items/3/name', expected: 'string' });
    expect(fails(obj({ 'a/b~c': bool }), {}).path).to.equal('/a~1b~0c');
  });
});

describe('shape: opt, nullable, union', () => {
  it('opt accepts undefined and otherwise defers', () => {
    expect(passes(opt(bool), undefined)).to.equal(undefined);
    expect(fails(opt(bool), null).expected).to.equal('boolean');
  });

  it('nullable accepts null and names it in the expectation', () => {
    expect(passes(nullable(str({ max: 2 })), null)).to.equal(null);
    expect(fails(nullable(bool), 'x').expected).to.equal('boolean or null');
    expect(fails(nullable(obj({ a: bool })), {}).path).to.equal('/a');
  });

  it('union takes the first check that passes', () => {
    const idOrCount = union(str({ max: 5 }), int());
    expect(passes(idOrCount, 'abc')).to.equal('abc');
    expect(passes(idOrCount, 3)).to.equal(3);
    expect(fails(idOrCount, true)).to.deep.equal({ path: '', expected: 'string or integer' });
  });

  it('union reports the deepest failure for tagged objects', () => {
    const event = union(
      obj({ type: literal('text'), text: str({ max: 5 }) }),
      obj({ type: literal('link'), href: str({ max: 50 }) }),
    );
    expect(passes(event, { type: 'link', href: 'https://x', extra: 1 })).to.deep.equal({
      type: 'link',
      href: 'https://x',
    });
    expect(fails(event, { type: 'text', text: 'far too long' })).to.deep.equal({
      path: '/text',
      expected: 'string of 0 to 5 characters',
    });
  });
});

describe('shape: Infer', () => {
  it('derives the TypeScript type from a check (checked by tsc)', () => {
    const group = obj({
      id: str({ max: 10 }),
      state: literal('open', 'full'),
      seats: opt(int()),
      note: nullable(str({ max: 10 })),
      tags: arr(str({ max: 10 }), { max: 5 }),
    });
    type Group = Infer<typeof group>;
    const full: Group = { id: 'a', state: 'open', seats: 2, note: null, tags: [] };
    const minimal: Group = { id: 'a', state: 'full', note: 'x', tags: ['t'] };
    // @ts-expect-error a required key is missing
    const missing: Group = { id: 'a', state: 'open', note: null };
    // @ts-expect-error a literal outside the list
    const wrong: Group = { id: 'a', state: 'closed', note: null, tags: [] };
    // What the check returns has that type, and agrees with tsc at run time.
    const checked: Group = passes(group, full);
    expect(checked).to.deep.equal(full);
    expect(passes(group, minimal)).to.deep.equal(minimal);
    expect(fails(group, missing).path).to.equal('/tags');
    expect(fails(group, wrong).path).to.equal('/state');
  });
});
