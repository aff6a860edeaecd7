import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DriftReport } from '../drift/drift-types.js';
import { InputError } from '../errors.js';
import type { Partition, Shard } from '../shard/shard.js';
import type { ValidationReport } from '../validate/findings.js';

/**
 * The JSON report file validate and drift-check write (`report-file`), and
 * merge-reports reads: the command, the shard, the keys every shard shares
 * out (so a merge can tell that shards ran over the same overlays or apps),
 * and the report itself.
 */

/** The format's version: a merge reads files of this version only. */
export const REPORT_FILE_FORMAT = 1;

interface ReportFileCommon {
  /** Marks the file as gitops-promote's, and says its format's version. */
  gitopsPromoteReport: typeof REPORT_FILE_FORMAT;
  /** null when the run was not sharded (the one shard of one). */
  shard: Shard | null;
  /** The key of every item the shards share out, in the order found: overlay paths (validate), app names (drift-check). */
  keys: string[];
}

export interface ValidateReportFile extends ReportFileCommon {
  command: 'validate';
  /** The config repo's folder relative to the workspace, for annotation paths in the merge job. */
  annotationPrefix: string;
  report: ValidationReport;
}

export interface DriftReportFile extends ReportFileCommon {
  command: 'drift-check';
  report: DriftReport;
}

export type ReportFile = ValidateReportFile | DriftReportFile;

export function validateReportFile(report: ValidationReport, partition: Partition, annotationPrefix: string): ValidateReportFile {
  return { gitopsPromoteReport: REPORT_FILE_FORMAT, command: 'validate', shard: partition.shard ?? null, keys: partition.keys, annotationPrefix, report };
}

export function driftReportFile(report: DriftReport, partition: Partition): DriftReportFile {
  return { gitopsPromoteReport: REPORT_FILE_FORMAT, command: 'drift-check', shard: partition.shard ?? null, keys: partition.keys, report };
}

export async function writeReportFile(path: string, file: ReportFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(file)}\n`);
}

/** A report file's text, checked as far as a merge relies on it; `name` is how the refusal names the file. */
export function parseReportFile(text: string, name: string): ReportFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError('reports', `${name} does not parse as JSON (${(error as Error).message}).`);
  }
  const file = (value ?? {}) as Record<string, unknown>;
  if (typeof file !== 'object' || !('gitopsPromoteReport' in file)) {
    throw new InputError('reports', `${name} is not a gitops-promote report file (validate and drift-check write one to report-file).`);
  }
  if (file.gitopsPromoteReport !== REPORT_FILE_FORMAT) {
    throw new InputError('reports', `${name} is in report format ${String(file.gitopsPromoteReport)}; this gitops-promote reads format ${REPORT_FILE_FORMAT}.`);
  }
  const command = file.command;
  if (command !== 'validate' && command !== 'drift-check') throw new InputError('reports', `${name} is a report of an unknown command '${String(command)}'.`);
  const malformed = problemOf(file, command);
  if (malformed) throw new InputError('reports', `${name} is not a whole ${command} report file: ${malformed}.`);
  return file as unknown as ReportFile;
}

function problemOf(file: Record<string, unknown>, command: ReportFile['command']): string | undefined {
  const shard = file.shard as Record<string, unknown> | null | undefined;
  if (shard !== null && !(shard && isShard(shard.index, shard.count))) return 'shard is neither null nor {index, count} with 1 ≤ index ≤ count';
  if (!Array.isArray(file.keys) || !file.keys.every((key) => typeof key === 'string')) return 'keys is not a list of strings';
  const report = (file.report ?? {}) as Record<string, unknown>;
  if (command === 'validate') {
    if (typeof file.annotationPrefix !== 'string') return 'annotationPrefix is not a string';
    if (typeof report.valid !== 'boolean' || !Array.isArray(report.overlays)) return 'report has no valid and overlays';
  } else if (!Array.isArray(report.environments) || !Array.isArray(report.items) || !Array.isArray(report.notes) || typeof report.head !== 'object') {
    return 'report has no head, environments, items and notes';
  }
  return undefined;
}

function isShard(index: unknown, count: unknown): boolean {
  return Number.isInteger(index) && Number.isInteger(count) && (index as number) >= 1 && (index as number) <= (count as number);
}
