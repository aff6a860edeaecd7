const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  countOf
} from "./chunk-WACLQDPL.js";
import {
  InputError
} from "./chunk-KBKTDO2V.js";

// src/shard/shard.ts
function parseShard(text, input = "shard") {
  const value = text.trim();
  if (value === "") return void 0;
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new InputError(input, `'${value}' is not i/n with 1 \u2264 i \u2264 n (for example 2/4, from a matrix of shard: [1, 2, 3, 4]).`);
  }
  return { index, count };
}
function itemsOfShard(items, keyOf, shard) {
  if (!shard) return [...items];
  const sorted = [...items].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
  return sorted.filter((_, position) => position % shard.count === shard.index - 1);
}
function compareKeys(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function takeShard(items, keyOf, shard) {
  return { items: itemsOfShard(items, keyOf, shard), partition: { shard, keys: items.map(keyOf) } };
}
function shardName(shard) {
  return `shard ${shard.index}/${shard.count}`;
}
function describeShard(shard, taken, total, noun) {
  return `${shardName(shard)}: ${taken} of ${countOf(total, noun)}`;
}

export {
  parseShard,
  takeShard,
  shardName,
  describeShard
};
