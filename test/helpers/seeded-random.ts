/**
 * A small seeded generator (a linear congruential one), so that a generated case that fails can be replayed from its
 * seed. Not for anything but tests.
 */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    /** A number in [0, 1). */
    next,
    /** True with probability `p`. */
    chance: (p: number) => next() < p,
    /** An integer in [0, max). */
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

export type SeededRandom = ReturnType<typeof seededRandom>;
