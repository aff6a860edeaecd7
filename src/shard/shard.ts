import { InputError } from '../errors.js';
import { countOf } from '../text/wording.js';

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

/** What a run covered: its shard, and every item's key before sharding, in the order found (what the n shards share out). */
export interface Partition {
  shard: Shard | undefined;
  keys: string[];
}

/** This shard's items, and the partition they came from (for the report file merge-reports checks). */
export function takeShard<T>(items: readonly T[], keyOf: (item: T) => string, shard: Shard | undefined): { items: T[]; partition: Partition } {
  return { items: itemsOfShard(items, keyOf, shard), partition: { shard, keys: items.map(keyOf) } };
}

/** `shard 2/4`. */
export function shardName(shard: Shard): string {
  return `shard ${shard.index}/${shard.count}`;
}

/** `shard 2/4: 150 of 600 overlays`, for the log and the job summary. */
export function describeShard(shard: Shard, taken: number, total: number, noun: string): string {
  return `${shardName(shard)}: ${taken} of ${countOf(total, noun)}`;
}
