import { InputError } from '../errors.js';
import type { Shard } from '../shard/shard.js';
import { wordList } from '../text/wording.js';
import type { ReportFile } from './report-file.js';

/** A report file as read, with the name a refusal gives it (its path as matched). */
export interface NamedReportFile {
  name: string;
  file: ReportFile;
}

/** An unsharded run is the one shard of one. */
export const shardOf = (file: ReportFile): Shard => file.shard ?? { index: 1, count: 1 };

const part = (shard: Shard): string => `${shard.index}/${shard.count}`;

/**
 * Refuses, in one line naming the input, reports that are not the n shards of
 * one run exactly once each: reports of different commands or of different n,
 * a shard twice or missing, shards that shared out different overlays or apps
 * (they ran on different commits or inputs). No I/O.
 */
export function checkShardCoverage(files: readonly NamedReportFile[]): void {
  const refuse = (problem: string): never => {
    throw new InputError('reports', problem);
  };
  if (files.length === 0) refuse('no report file to merge.');
  const commands = groupBy(files, ({ file }) => file.command);
  if (commands.size > 1) refuse(`the files are reports of different commands: ${describeGroups(commands)}.`);
  const counts = groupBy(files, ({ file }) => String(shardOf(file).count));
  if (counts.size > 1) refuse(`the files are shards of different n: ${describeGroups(counts, (n) => `n = ${n}`)}.`);

  const count = shardOf(files[0].file).count;
  const byIndex = groupBy(files, ({ file }) => String(shardOf(file).index));
  for (const [index, same] of byIndex) {
    if (same.length > 1) refuse(`shard ${index}/${count} is there more than once: ${wordList(same.map(({ name }) => name))}.`);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !byIndex.has(String(index)));
  if (missing.length > 0) {
    const names = missing.map((index) => `${index}/${count}`);
    const found = [...byIndex.keys()].map(Number).sort((a, b) => a - b);
    const what = missing.length === 1 ? `shard ${names[0]} is missing` : `shards ${wordList(names)} are missing`;
    refuse(`${what} (found ${wordList(found.map((index) => `${index}/${count}`))}); did its job fail before writing its report, or its upload?`);
  }

  const [first, ...rest] = [...files].sort((a, b) => shardOf(a.file).index - shardOf(b.file).index);
  const expected = new Set(first.file.keys);
  for (const other of rest) {
    const keys = new Set(other.file.keys);
    const extra = [...keys].filter((key) => !expected.has(key));
    const lacking = [...expected].filter((key) => !keys.has(key));
    if (extra.length > 0 || lacking.length > 0) {
      const noun = first.file.command === 'validate' ? 'overlays' : 'apps';
      const difference = [...extra.map((key) => `${part(shardOf(other.file))} also has ${key}`), ...lacking.map((key) => `it lacks ${key}`)];
      refuse(
        `shards ${part(shardOf(first.file))} and ${part(shardOf(other.file))} shared out different ${noun} (${difference.slice(0, 3).join('; ')}` +
          `${difference.length > 3 ? '; …' : ''}): run every shard on the same commit with the same inputs.`,
      );
    }
  }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/** `validate (a.json, b.json), drift-check (c.json)`. */
function describeGroups(groups: Map<string, NamedReportFile[]>, label = (key: string) => key): string {
  return [...groups].map(([key, same]) => `${label(key)} (${same.map(({ name }) => name).join(', ')})`).join(', ');
}
