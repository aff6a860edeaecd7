import * as core from '@actions/core';
import type { ConfigFile } from '../config/load-config.js';
import type { ControllerConnections } from '../controllers/controller-settings.js';
import { UserError } from '../errors.js';
import type { GitHubAccess, GitHubConnection } from '../github/github-connection.js';
import { withGitHubDiagnosis } from '../github/github-diagnosis.js';
import type { WorkflowSettings } from '../config/environment-settings.js';
import type { RunContext } from '../types.js';
import type { RepoLocation } from '../types.js';
import { shardName, type Partition, type Shard } from '../shard/shard.js';
import { openConfigBranches } from './config-branches.js';
import type { DriftReport } from './drift-types.js';

/** Everything drift-check reads, resolved from its inputs. */
export interface DriftInputs {
  /** A checkout (path), or the repository through the GitHub API when path is empty. */
  location: RepoLocation;
  environments: string[];
  apps: string[];
  /** The tracking issue's label; '' turns the tracking issue off. */
  issueLabel: string;
  failOnDrift: boolean;
  /** The max-skew input: `production=3,staging=7d`, over the config's. */
  maxSkew: string;
  staleAfterMs: number;
  connections: ControllerConnections;
  /** controller, flux-kind and flux-namespace as the workflow set them. */
  controllerSettings: WorkflowSettings;
  /** This matrix job's part of the apps (each with all its environments, so skew is judged whole), or undefined for all. */
  shard: Shard | undefined;
  /** Where the JSON report file (for merge-reports) goes. */
  reportFile: string;
}

export interface DriftOutcome {
  report: DriftReport;
  /** The apps the shards share out (every one when not sharded). */
  partition: Partition;
}

export interface DriftContext {
  github: GitHubAccess;
  configFile: ConfigFile;
  run: RunContext;
}

const READ_PERMISSIONS = 'contents: read, pull-requests: read and issues: write';

/**
 * Reads git, the controllers and the open promotion PRs, builds the report,
 * and keeps the tracking issue (the one write, to GitHub; never to a cluster).
 * A shard sees only its apps, so it leaves the issue to merge-reports, which
 * sees them all: n shards must not open n issues, nor close one another's.
 */
export async function runDriftCheck(inputs: DriftInputs, context: DriftContext): Promise<DriftOutcome> {
  const github = context.github.available ? await context.github.connect() : undefined;
  const outcome = await withGitHubDiagnosis(context.github, { mode: 'read', permissions: READ_PERMISSIONS }, () => readAndCheck(inputs, context, github));
  if (inputs.shard && inputs.issueLabel) {
    core.info(`drift-check ${shardName(inputs.shard)}: the tracking issue (label ${inputs.issueLabel}) is left to merge-reports, which sees every shard.`);
  } else {
    await keepTrackingIssueIfAsked(outcome.report, inputs.issueLabel, github, context.run);
  }
  return outcome;
}

/** Keeps the tracking issue labelled `label` ('' for none), as drift-check and merge-reports of drift-check shards do. */
export async function keepTrackingIssueIfAsked(report: DriftReport, label: string, github: GitHubConnection | undefined, run: RunContext): Promise<void> {
  if (label && github) {
    await core.group(`Tracking issue (label ${label})`, () => keepTrackingIssue(report, label, github, run));
  } else if (label) {
    core.notice('drift-check: no token or repository, so the tracking issue is not kept (set token, or issue: "" to turn it off).');
  }
}

async function readAndCheck(inputs: DriftInputs, context: DriftContext, github: GitHubConnection | undefined): Promise<DriftOutcome> {
  const branches = await openConfigBranches(inputs.location, context.github, context.configFile);
  try {
    // What checks drift (the judges, the controllers' clients, the overlay patterns) loads once the config is read.
    const { checkDrift } = await import('./check-drift.js');
    return await checkDrift(branches, inputs, github);
  } finally {
    await branches.dispose();
  }
}

async function keepTrackingIssue(report: DriftReport, label: string, github: GitHubConnection, run: RunContext): Promise<void> {
  const target = { client: github.client, owner: github.owner, repo: github.repo, label };
  const runUrl = run.runUrl || undefined;
  // The issue's planner and body (and the semver its skew is sorted with) load only when there is an issue to keep.
  const [{ applyTrackingIssue, findTrackingIssue, planTrackingIssue }, { issueBody }] = await Promise.all([
    import('./tracking-issue.js'),
    import('./report-markdown.js'),
  ]);
  try {
    const existing = await findTrackingIssue(target);
    const plan = planTrackingIssue(existing, report.items, issueBody(report, runUrl), runUrl);
    const url = await applyTrackingIssue(target, plan, existing);
    if (plan.action !== 'none') core.info(`Tracking issue: ${plan.action}${url ? ` ${url}` : ''}`);
  } catch (error) {
    throw new UserError(`Could not keep the tracking issue on ${github.repository} (the token needs issues: write): ${(error as Error).message}`);
  }
}
