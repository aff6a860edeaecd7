import type { DriftReport } from '../drift/drift-types.js';
import { countOf } from '../text/wording.js';
import type { ValidationReport } from '../validate/findings.js';
import { mergeDriftReports } from './merge-drift.js';
import { mergeValidationReports } from './merge-validation.js';
import { shardOf, type NamedReportFile } from './shard-coverage.js';

/** The shards' reports as one, with the line the summary and the log say it with. */
export type MergedReports =
  { command: 'validate'; report: ValidationReport; annotationPrefix: string; scope: string } | { command: 'drift-check'; report: DriftReport; scope: string };

/** Merges report files that checkShardCoverage let through (one command, every shard once). No I/O. */
export function mergeReportFiles(files: readonly NamedReportFile[]): MergedReports {
  const sorted = [...files].sort((a, b) => shardOf(a.file).index - shardOf(b.file).index).map(({ file }) => file);
  const first = sorted[0];
  const noun = first.command === 'validate' ? 'overlay' : 'app';
  const scope = `Merged from ${countOf(sorted.length, 'shard')}: ${countOf(first.keys.length, noun)}.`;
  if (first.command === 'validate') {
    const reports = sorted.flatMap((file) => (file.command === 'validate' ? [file.report] : []));
    return { command: 'validate', report: mergeValidationReports(reports, first.keys), annotationPrefix: first.annotationPrefix, scope };
  }
  const parts = sorted.flatMap((file) =>
    file.command === 'drift-check' ? [{ shard: `${shardOf(file).index}/${shardOf(file).count}`, report: file.report }] : [],
  );
  return { command: 'drift-check', report: mergeDriftReports(parts, first.keys), scope };
}
