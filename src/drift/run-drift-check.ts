import * as core from '@actions/core';
import { resolveEnvironmentOverlays } from '../repo/environment-overlays.js';
import type { ConfigFile } from '../config/load-config.js';
import { findEnvironment, promotionChain, type AppConfig, type PromotionConfig } from '../config/promotion-config.js';
import type { ControllerConnections } from '../controllers/controller-settings.js';
import { configuredTarget } from '../controllers/controller-targets.js';
import { InputError, UserError } from '../errors.js';
import type { GitHubAccess, GitHubConnection } from '../github/github-connection.js';
import { withGitHubDiagnosis } from '../github/github-diagnosis.js';
import type { WorkflowSettings } from '../config/environment-settings.js';
import type { RunContext } from '../types.js';
import { countOf } from '../text/wording.js';
import type { RepoLocation } from '../types.js';
import { describeShard, shardName, takeShard, type Partition, type Shard } from '../shard/shard.js';
import type { DriftSources } from './collect-drift.js';
import { openConfigBranches } from './config-branches.js';
import type { DriftReport } from './drift-types.js';
import { parseMaxSkew, parseMaxSkewInput, type MaxSkew } from './max-skew.js';
import { findPromotionPr, listPromotionPrs } from './promotion-prs.js';

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
    const { config } = branches;
    const environments = selectEnvironments(config, inputs.environments);
    const selected = selectApps(config, inputs.apps, branches.main.root);
    const { items: apps, partition } = takeShard(selected, (app) => app.name, inputs.shard);
    if (inputs.shard) core.info(`${describeShard(inputs.shard, apps.length, selected.length, 'app')}.`);
    const targets = environments.flatMap((env) => apps.map((app) => configuredTarget(app, env, inputs.controllerSettings)));
    // The controllers' clients and the judges load once the config has named what to check.
    const [{ openControllers }, { collectDrift }] = await Promise.all([import('../controllers/open-controllers.js'), import('./collect-drift.js')]);
    const controllers = await openControllers(targets, inputs.connections);
    try {
      const sources: DriftSources = {
        main: branches.main,
        branchOf: (env) => branches.branchOf(env),
        now: Date.now(),
        argocd: controllers.argocd,
        flux: controllers.flux,
      };
      if (github) sources.promotionPr = await promotionPrLookup(github);
      const head = sources.main.head;
      const settings = {
        config,
        environments,
        apps,
        staleAfterMs: inputs.staleAfterMs,
        maxSkew: maxSkewLimits(config, inputs.maxSkew),
        controllerSettings: inputs.controllerSettings,
      };
      const report = await core.group(
        `Checking ${countOf(apps.length, 'app')} in ${environments.map((env) => env.name).join(', ')} against ${head.branch} at ${head.sha.slice(0, 7)}`,
        () => collectDrift(settings, sources),
      );
      return { report, partition };
    } finally {
      await controllers.close();
    }
  } finally {
    await branches.dispose();
  }
}

async function promotionPrLookup(github: GitHubConnection): Promise<NonNullable<DriftSources['promotionPr']>> {
  const pulls = await listPromotionPrs(github.client, github.owner, github.repo).catch((error: unknown) => {
    throw new UserError(
      `Could not list the open promotion pull requests of ${github.repository} (the token needs pull-requests: read): ${(error as Error).message}`,
    );
  });
  return (from, to, app) => {
    const pull = findPromotionPr(pulls, from, to, app);
    return pull && { number: pull.number, url: pull.url };
  };
}

/** The chain's environments, or the subset the `environment` input names (in chain order). */
function selectEnvironments(config: PromotionConfig, names: readonly string[]) {
  const chain = promotionChain(config);
  if (names.length === 0) return chain;
  names.forEach((name) => findEnvironment(config, name, 'environment'));
  return chain.filter((env) => names.includes(env.name));
}

/** The config's apps (or those `apps` names); a config without apps has them discovered from `{app}` overlays. */
function selectApps(config: PromotionConfig, names: readonly string[], root: string): AppConfig[] {
  const all: AppConfig[] =
    config.apps.length > 0
      ? config.apps
      : [...new Set(config.environments.flatMap((env) => resolveEnvironmentOverlays(root, config, env).map((found) => found.app)).filter(Boolean))].map(
          (name) => ({ name, images: [], environments: {} }),
        );
  if (names.length === 0) return all;
  return names.map((name) => {
    const app = all.find((candidate) => candidate.name === name);
    if (!app)
      throw new InputError('apps', `unknown app '${name}'; the promotion config declares ${all.map((candidate) => candidate.name).join(', ') || 'none'}.`);
    return app;
  });
}

/** The config's per-environment max-skew, overridden by the input's. */
function maxSkewLimits(config: PromotionConfig, input: string): Map<string, MaxSkew> {
  const limits = new Map<string, MaxSkew>();
  for (const env of config.environments) {
    const limit = env.maxSkew === undefined ? undefined : parseMaxSkew(env.maxSkew);
    if (limit) limits.set(env.name, limit);
  }
  for (const [name, limit] of parseMaxSkewInput(
    input,
    config.environments.map((env) => env.name),
  ))
    limits.set(name, limit);
  return limits;
}

async function keepTrackingIssue(report: DriftReport, label: string, github: GitHubConnection, run: RunContext): Promise<void> {
  const target = { client: github.client, owner: github.owner, repo: github.repo, label };
  const runUrl = run.runUrl || undefined;
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
