/**
 * A tiny runtime checker for what a backend sends. Every response is checked before a widget sees it, so a
 * misbehaving or hostile backend yields an error state instead of broken or surprising UI. No dependency: this code
 * ships to campus pages, so each combinator is a few lines.
 *
 * A check returns a clean copy of what it accepts: objects keep only the keys they declare (a newer backend may add
 * fields without breaking older widgets), and the type of that copy follows from the check through `Infer`.
 *
 * @example
 * const group = obj({ id: str({ max: 64 }), name: str({ max: 120 }), seats: opt(int({ min: 0 })) });
 * type Group = Infer<typeof group>; // { id: string; name: string; seats?: number }
 * const result = group(JSON.parse(text)); // { ok: true, value } or { ok: false, path: "/name", expected: "string…" }
 */

export interface CheckSuccess<T> {
  ok: true;
  value: T;
}

export interface CheckFailure {
  ok: false;
  /** JSON Pointer (RFC 6901) to the first value that failed, "" for the whole value, e.g. "/items/3/name". */
  path: string;
  /** What was expected there, for developers, e.g. "string of at most 120 characters". */
  expected: string;
}

export type CheckResult<T> = CheckSuccess<T> | CheckFailure;

/** Checks an unknown value; on success `value` is the accepted value (objects without undeclared keys). */
export type Check<T> = (value: unknown) => CheckResult<T>;

/** A check that also accepts a missing value; as an object member it makes the key optional. */
export type OptionalCheck<T> = Check<T | undefined> & { readonly optional: true };

/** The type a check accepts: `type Group = Infer<typeof group>`. */
export type Infer<C> = C extends Check<infer T> ? T : never;

type Shape = Record<string, Check<unknown>>;
type OptionalKeys<S> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];
type Flatten<T> = { [K in keyof T]: T[K] } & {};

/** The object type an `obj` shape accepts: optional checks become optional keys. */
export type ObjectOf<S extends Shape> = Flatten<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & {
    [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined>;
  }
>;

const ok = <T>(value: T): CheckSuccess<T> => ({ ok: true, value });
const no = (expected: string, path = ''): CheckFailure => ({ ok: false, path, expected });
/** Prefixes a child's failure with its key, escaped as JSON Pointer requires. */
const under = (key: string | number, failure: CheckFailure): CheckFailure =>
  no(failure.expected, `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}${failure.path}`);

export interface StringLimits {
  /** Required: every string from a backend is bounded, so no field can swamp a layout or the page's memory. */
  max: number;
  min?: number;
  /** Tested with `search`, so a `g` or `y` flag cannot make results depend on earlier calls. */
  pattern?: RegExp;
}

/** A string whose length, counted in code points as JSON Schema counts `maxLength`, is within the limits. */
export const str =
  ({ max, min = 0, pattern }: StringLimits): Check<string> =>
  (value) => {
    if (typeof value != 'string') return no('string');
    // Code points lie between half the UTF-16 length and the full length; count them only when that matters.
    const length = value.length <= max && value.length >= 2 * min ? value.length : [...value].length;
    if (length > max || length < min) return no(`string of ${min} to ${max} characters`);
    if (pattern && value.search(pattern) < 0) return no(`string matching ${pattern}`);
    return ok(value);
  };

export interface NumberLimits {
  min?: number;
  max?: number;
}

const numeric =
  (name: string, accepts: (value: number) => boolean) =>
  ({ min = -Infinity, max = Infinity }: NumberLimits = {}): Check<number> =>
  (value) =>
    typeof value == 'number' && accepts(value) && value >= min && value <= max
      ? ok(value)
      : no(name + (min > -Infinity ? `, min ${min}` : '') + (max < Infinity ? `, max ${max}` : ''));

/** A safe integer (counts, ids, minutes) within optional limits. */
export const int = numeric('integer', Number.isSafeInteger);

/** A finite number within optional limits. */
export const num = numeric('number', Number.isFinite);

export const bool: Check<boolean> = (value) => (typeof value == 'boolean' ? ok(value) : no('boolean'));

type Primitive = string | number | boolean | null;

/** One of the given values, e.g. `literal('open', 'full', 'closed')`. */
export const literal =
  <const V extends readonly Primitive[]>(...values: V): Check<V[number]> =>
  (value) =>
    values.includes(value as Primitive)
      ? ok(value as V[number])
      : no(values.map((item) => JSON.stringify(item)).join(' or '));

export interface ArrayLimits {
  /** Required, like a string's: a list from a backend is bounded. */
  max: number;
  min?: number;
}

/** An array of at most `max` items that each pass `of`. */
export const arr =
  <T>(of: Check<T>, { max, min = 0 }: ArrayLimits): Check<T[]> =>
  (value) => {
    if (!Array.isArray(value)) return no('array');
    if (value.length > max || value.length < min) return no(`array of ${min} to ${max} items`);
    const items: T[] = [];
    for (let index = 0; index < value.length; index++) {
      const result = of(value[index]);
      if (!result.ok) return under(index, result);
      items.push(result.value);
    }
    return ok(items);
  };

/** An object with the declared keys (wrap a check in `opt` to make its key optional); other keys are dropped. */
export const obj =
  <S extends Shape>(shape: S): Check<ObjectOf<S>> =>
  (value) => {
    if (typeof value != 'object' || value === null || Array.isArray(value)) return no('object');
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      // Own keys only: an inherited `constructor` or `toString` must not pass for a missing member.
      const result = shape[key]!(Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined);
      if (!result.ok) return under(key, result);
      if (result.value !== undefined) copy[key] = result.value;
    }
    return ok(copy as ObjectOf<S>);
  };

/** Accepts a missing value (undefined) too; inside `obj` the key becomes optional. */
export const opt = <T>(check: Check<T>): OptionalCheck<T> =>
  Object.assign((value: unknown) => (value === undefined ? ok(undefined) : check(value)), { optional: true as const });

/** Accepts `null` too. */
export const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (value) => {
    if (value === null) return ok(null);
    const result = check(value);
    return result.ok || result.path ? result : no(`${result.expected} or null`);
  };

/**
 * The first check that accepts the value. On failure it reports the failure that got deepest (the most useful one
 * for a tagged union whose tag matched), or all expectations when none got past the top.
 */
export const union =
  <C extends readonly Check<unknown>[]>(...checks: C): Check<Infer<C[number]>> =>
  (value) => {
    const failures: CheckFailure[] = [];
    for (const check of checks) {
      const result = check(value);
      if (result.ok) return result as CheckSuccess<Infer<C[number]>>;
      failures.push(result);
    }
    const deepest = failures.reduce(
      (best, failure) => (failure.path.length > best.path.length ? failure : best),
      no(''),
    );
    return deepest.path ? deepest : no(failures.map((failure) => failure.expected).join(' or '));
  };

/** No content at all, as for a 204 response. */
export const empty: Check<undefined> = (value) => (value === undefined ? ok(undefined) : no('no content'));

/** An object used as a map (e.g. translations by language): keys must match `key`, values pass `of`. */
export const record =
  <T>(key: RegExp, of: Check<T>, { max }: { max: number }): Check<Record<string, T>> =>
  (value) => {
    if (typeof value != 'object' || value === null || Array.isArray(value)) return no('object');
    const entries = Object.entries(value);
    if (entries.length > max) return no(`object of at most ${max} keys`);
    const copy: Record<string, T> = {};
    for (const [name, member] of entries) {
      if (name.search(key) < 0) return no(`key matching ${key}`, `/${name}`);
      const result = of(member);
      if (!result.ok) return under(name, result);
      copy[name] = result.value;
    }
    return ok(copy);
  };

/**
 * An array whose invalid items are dropped rather than failing the whole list, for data where one bad record must
 * not hide the good ones (crisis lines). `dropped` tells the widget that something was left out.
 */
export const lenientArr =
  <T>(of: Check<T>, { max }: { max: number }): Check<{ items: T[]; dropped: number }> =>
  (value) => {
    if (!Array.isArray(value)) return no('array');
    const items: T[] = [];
    for (const item of value.slice(0, max)) {
      const result = of(item);
      if (result.ok) items.push(result.value);
    }
    return ok({ items, dropped: value.length - items.length });
  };
