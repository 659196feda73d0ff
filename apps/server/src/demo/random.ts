// The demo's deterministic randomness: one seeded generator (xoroshiro128+ from pure-rand), so the
// same --seed always gives the same data.
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

export interface DemoRandom {
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** A number in [0, 1), for id generation. */
  unit(): number;
}

export function demoRandom(seed: number): DemoRandom {
  const rng = xoroshiro128plus(seed);
  const int = (min: number, max: number) => uniformInt(rng, min, max);
  return {
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[int(0, items.length - 1)] as T;
    },
    chance: (p) => int(0, 999_999) < p * 1_000_000,
    unit: () => int(0, 0x7fffffff) / 0x80000000,
  };
}
