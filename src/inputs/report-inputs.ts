import { join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { parseShard, type Shard } from '../shard/shard.js';
import type { RunContext } from '../types.js';
import { readList, readString } from './read-inputs.js';

/**
 * Inputs about a run's reports and its part in a matrix: the shard, where
 * the report files go (validate, drift-check) and come from (merge-reports),
 * the JUnit file and the tracking issue's label.
 */

/** `shard`: this matrix job's part, `i/n`; undefined when not sharded. */
export function readShard(): Shard | undefined {
  return parseShard(readString('shard'));
}

/** `report-file`: where the JSON report goes (default a file in RUNNER_TEMP named for the command). */
export function readReportFile(run: RunContext, command: 'validate' | 'drift-check'): string {
  return resolve(readString('report-file', join(run.tempDir, `gitops-promote-${command}.report.json`)));
}

/** `junit-file`: where the JUnit XML report goes (validate, merge-reports of validate shards). */
export function readJunitFile(run: RunContext): string {
  return resolve(readString('junit-file', join(run.tempDir, 'gitops-promote-validate.junit.xml')));
}

/** `reports`: the shards' report files (paths, globs or folders); required. */
export function readReportPatterns(): string[] {
  const patterns = readList('reports');
  if (patterns.length === 0) throw new InputError('reports', 'is required: the report files of the shards (for example reports/*.json).');
  return patterns;
}

/** `issue`: the tracking issue's label. GitHub passes its default (gitops-drift); only an explicit issue: '' arrives empty, and turns the issue off. */
export function readIssueLabel(): string {
  const label = readString('issue').trim();
  if (label.includes(',')) throw new InputError('issue', `'${label}' must be one label (no commas).`);
  return label;
}
