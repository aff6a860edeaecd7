import { driftItemsOf, type DriftReport, type EnvironmentReport } from '../drift/drift-types.js';
import { wordList } from '../text/wording.js';
import { orderOf } from './key-order.js';

/** One shard's drift report, and how a note names the shard (`1/4`). */
export interface DriftPart {
  shard: string;
  report: DriftReport;
}

/**
 * The shards' drift reports as the one report an unsharded run would have
 * made: each environment with every app in the config's order (`keys`), the
 * items in the order drift-check gives them, drifted when any item is drift.
 * Every app's environments came from one shard, so its skew is whole. Shards
 * that read different heads (a push between their starts) are merged, with a
 * note naming the heads. No I/O.
 */
export function mergeDriftReports(parts: readonly DriftPart[], keys: readonly string[]): DriftReport {
  const order = orderOf(keys);
  const names = [...new Set(parts.flatMap(({ report }) => report.environments.map((env) => env.name)))];
  const environments = names.map((name): EnvironmentReport => {
    const same = parts.flatMap(({ report }) => report.environments.filter((env) => env.name === name));
    return { ...same[0], apps: same.flatMap((env) => env.apps).sort((a, b) => order(a.app) - order(b.app)) };
  });
  const items = driftItemsOf(environments);
  const head = parts[0].report.head;
  const notes = [...new Set(parts.flatMap(({ report }) => report.notes))];
  const heads = new Map<string, string[]>();
  for (const { shard, report } of parts) heads.set(report.head.sha, [...(heads.get(report.head.sha) ?? []), shard]);
  if (heads.size > 1) {
    const described = [...heads].map(([sha, shards]) => `${sha.slice(0, 7)} (${wordList(shards)})`);
    notes.push(
      `The shards read different heads of ${head.branch}: ${wordList(described)}; the report names the first. ` +
        'Check out one commit in every shard to compare like with like.',
    );
  }
  return {
    generatedAt: parts.map(({ report }) => report.generatedAt).sort()[0],
    head,
    drifted: items.some((item) => item.drift),
    environments,
    items,
    notes,
  };
}
