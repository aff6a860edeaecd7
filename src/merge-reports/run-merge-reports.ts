import * as core from '@actions/core';
import { keepTrackingIssueIfAsked } from '../drift/run-drift-check.js';
import type { GitHubAccess } from '../github/github-connection.js';
import type { RunContext } from '../types.js';
import { mergeReportFiles, type MergedReports } from './merge-report-files.js';
import { readReportFiles } from './read-report-files.js';
import { checkShardCoverage } from './shard-coverage.js';

/** Everything merge-reports reads, resolved from its inputs. */
export interface MergeInputs {
  /** Paths, globs or folders of the shards' report files. */
  reports: string[];
  /** Of drift-check shards: the tracking issue's label ('' for none). */
  issueLabel: string;
  failOnDrift: boolean;
  /** Of validate shards: where the combined JUnit XML goes. */
  junitFile: string;
}

export interface MergeContext {
  github: GitHubAccess;
  run: RunContext;
  /** The folder the `reports` patterns are relative to. */
  cwd: string;
}

/**
 * Reads the shards' report files, refuses a set that is not every shard once,
 * merges them and, for drift-check, keeps the tracking issue as drift-check
 * would have (the shards leave it alone).
 */
export async function runMergeReports(inputs: MergeInputs, context: MergeContext): Promise<MergedReports> {
  const files = await readReportFiles(inputs.reports, context.cwd);
  checkShardCoverage(files);
  const merged = mergeReportFiles(files);
  core.info(`${merged.command}: ${merged.scope}`);
  if (merged.command === 'drift-check') {
    const github = context.github.available ? await context.github.connect() : undefined;
    await keepTrackingIssueIfAsked(merged.report, inputs.issueLabel, github, context.run);
  }
  return merged;
}
