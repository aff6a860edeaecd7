import { describe, expect, test } from '@jest/globals';
import { itemsOfShard, parseShard } from '../../src/shard/shard.js';

describe('parseShard', () => {
  test.each([
    ['', undefined],
    ['1/1', { index: 1, count: 1 }],
    ['2/4', { index: 2, count: 4 }],
    [' 4 / 4 ', { index: 4, count: 4 }],
  ])('%p', (text, shard) => expect(parseShard(text)).toEqual(shard));

  test.each(['0/4', '5/4', '1/0', '2', 'a/b', '-1/4', '1/4/2'])('%p is refused naming the input', (text) => {
    expect(() => parseShard(text)).toThrow(`Input 'shard': '${text.trim()}' is not i/n`);
  });
});

describe('itemsOfShard: a stable partition', () => {
  const overlays = Array.from(
    { length: 23 },
    (_, i) => `apps/app-${String((i * 7) % 23).padStart(2, '0')}/overlays/${['dev', 'staging', 'production'][i % 3]}`,
  );

  test.each([1, 2, 3, 4, 7, 23, 30])('%p shards together hold every item exactly once, sizes within one', (count) => {
    const parts = Array.from({ length: count }, (_, i) => itemsOfShard(overlays, (path) => path, { index: i + 1, count }));
    expect(parts.flat().sort()).toEqual([...overlays].sort());
    const sizes = parts.map((part) => part.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  test('the partition does not depend on the order the items are listed in', () => {
    const reversed = [...overlays].reverse();
    for (let index = 1; index <= 4; index++) {
      expect(itemsOfShard(reversed, (path) => path, { index, count: 4 })).toEqual(itemsOfShard(overlays, (path) => path, { index, count: 4 }));
    }
  });

  test('no shard: every item, as listed', () => expect(itemsOfShard(overlays, (path) => path, undefined)).toEqual(overlays));
});
