import { InputError } from '../errors.js';

/** One part of a stable partition: the `shard` input `i/n`, 1 ≤ i ≤ n. */
export interface Shard {
  index: number;
  count: number;
}

/** `i/n`, as a matrix job writes it (`${{ matrix.shard }}/4`); undefined for '' (no sharding). */
export function parseShard(text: string, input = 'shard'): Shard | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new InputError(input, `'${value}' is not i/n with 1 ≤ i ≤ n (for example 2/4, from a matrix of shard: [1, 2, 3, 4]).`);
  }
  return { index, count };
}

/**
 * This shard's items: the items sorted by key and dealt out in turn, so n
 * shards together hold each item exactly once, whatever order the items were
 * listed or found in, and their sizes differ by one at most.
 */
export function itemsOfShard<T>(items: readonly T[], keyOf: (item: T) => string, shard: Shard | undefined): T[] {
  if (!shard) return [...items];
  const sorted = [...items].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
  return sorted.filter((_, position) => position % shard.count === shard.index - 1);
}

/** Byte order, not the locale's: every runner sorts alike. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
