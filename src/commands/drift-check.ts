import * as core from '@actions/core';
import { InputError, UserError } from '../errors.js';
import { findEnvironment, promotionChain, type AppConfig, type PromotionConfig } from '../config/promotion-config.js';
import { resolveEnvironmentOverlays } from '../config/environment-overlays.js';
import { connectArgoCd } from '../controllers/argocd/connect-argocd.js';
import { connectToGitHub, type GitHubConnection } from '../github/github-connection.js';
import { explainRefusedRead } from '../github/refused-read.js';
import { writeSummary } from '../report/job-summary.js';
import { collectDrift, type DriftSources } from '../drift/collect-drift.js';
import { openConfigBranches } from '../drift/config-branches.js';
import { configuredTarget } from '../controllers/wait-targets.js';
import { readDriftInputs, type DriftInputs } from '../drift/drift-inputs.js';
import type { DriftReport } from '../drift/drift-types.js';
import { parseMaxSkew, parseMaxSkewInput, type MaxSkew } from '../drift/max-skew.js';
import { findPromotionPr, listPromotionPrs } from '../drift/promotion-prs.js';
import { issueBody, summaryMarkdown } from '../drift/report-markdown.js';
import { applyTrackingIssue, findTrackingIssue, planTrackingIssue } from '../drift/tracking-issue.js';
import { FluxClient } from '../controllers/flux/flux-client.js';
import { countOf } from '../report/wording.js';

export async function runDriftCheck(): Promise<void> {
  const inputs = readDriftInputs();
  const github = inputs.token && inputs.repository ? connectToGitHub('for drift-check') : undefined;
  const report = await checkDrift(inputs, github);
  core.setOutput('report', JSON.stringify(report));
  core.setOutput('drifted', String(report.drifted));
  core.summary.addRaw(summaryMarkdown(report), true);
  await writeSummary();
  for (const item of report.items.filter((candidate) => candidate.drift)) core.warning(`${item.environment} / ${item.app}: ${item.kind}: ${item.message}`);
  for (const note of report.notes) core.warning(note);

  if (inputs.issueLabel && github) {
    await core.group(`Tracking issue (label ${inputs.issueLabel})`, () => keepTrackingIssue(report, inputs.issueLabel, github));
  } else if (inputs.issueLabel) {
    core.notice('drift-check: no token or repository, so the tracking issue is not kept (set token, or issue: "" to turn it off).');
  }
  const drift = report.items.filter((item) => item.drift);
  core.info(report.drifted ? `Drift: ${countOf(drift.length, 'item')}.` : 'No drift: every environment runs what git says.');
  if (report.drifted && inputs.failOnDrift) {
    throw new UserError(`Drift found (${drift.length}): ${drift.map((item) => `${item.environment}/${item.app} ${item.kind}`).join(', ')}.`);
  }
}

/** Reads git, the controllers and the open promotion PRs, and builds the report; writes nothing. */
export async function checkDrift(inputs: DriftInputs, github: GitHubConnection | undefined): Promise<DriftReport> {
  try {
    return await readAndCheck(inputs, github);
  } catch (error) {
    throw (github && explainRefusedRead(github.repository, error, 'contents: read, pull-requests: read and issues: write')) || error;
  }
}

async function readAndCheck(inputs: DriftInputs, github: GitHubConnection | undefined): Promise<DriftReport> {
  const branches = await openConfigBranches(inputs.location, github);
  const sources: DriftSources = { main: branches.main, branchOf: (env) => branches.branchOf(env), now: Date.now() };
  try {
    return await checkBranches(inputs, github, branches.config, sources);
  } finally {
    await sources.argocd?.logout();
    await (sources.flux as FluxClient | undefined)?.close();
    await branches.dispose();
  }
}

async function checkBranches(inputs: DriftInputs, github: GitHubConnection | undefined, config: PromotionConfig, sources: DriftSources): Promise<DriftReport> {
  const environments = selectEnvironments(config, inputs.environments);
  const apps = selectApps(config, inputs.apps, sources.main.root);
  const maxSkew = maxSkewLimits(config, inputs.maxSkew);
  const targets = environments.flatMap((env) => apps.map((app) => configuredTarget(app, env, inputs.controllerSettings)));
  if (targets.some((target) => target?.controller === 'argocd')) {
    sources.argocd = connectArgoCd(inputs.argocd);
    await sources.argocd.login();
  }
  if (targets.some((target) => target?.controller === 'flux')) {
    sources.flux = await FluxClient.open(inputs.flux);
  }
  if (github) {
    const pulls = await listPromotionPrs(github.client, github.owner, github.repo).catch((error: unknown) => {
      throw new UserError(`Could not list the open promotion pull requests of ${github.owner}/${github.repo} (the token needs pull-requests: read): ${(error as Error).message}`);
    });
    sources.promotionPr = (from, to, app) => {
      const pull = findPromotionPr(pulls, from, to, app);
      return pull && { number: pull.number, url: pull.url };
    };
  }
  const head = sources.main.head;
  return core.group(`Checking ${countOf(apps.length, 'app')} in ${environments.map((env) => env.name).join(', ')} against ${head.branch} at ${head.sha.slice(0, 7)}`, () =>
    collectDrift({ config, environments, apps, staleAfterMs: inputs.staleAfterMs, maxSkew, controllerSettings: inputs.controllerSettings }, sources),
  );
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
      : [...new Set(config.environments.flatMap((env) => resolveEnvironmentOverlays(root, config, env).map((found) => found.app)).filter(Boolean))].map((name) => ({ name, images: [], environments: {} }));
  if (names.length === 0) return all;
  return names.map((name) => {
    const app = all.find((candidate) => candidate.name === name);
    if (!app) throw new InputError('apps', `unknown app '${name}'; the promotion config declares ${all.map((candidate) => candidate.name).join(', ') || 'none'}.`);
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
  for (const [name, limit] of parseMaxSkewInput(input, config.environments.map((env) => env.name))) limits.set(name, limit);
  return limits;
}

function runUrl(): string | undefined {
  const { GITHUB_SERVER_URL: server = 'https://github.com', GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = process.env;
  return repository && runId ? `${server}/${repository}/actions/runs/${runId}` : undefined;
}

async function keepTrackingIssue(report: DriftReport, label: string, github: GitHubConnection): Promise<void> {
  const target = { client: github.client, owner: github.owner, repo: github.repo, label };
  try {
    const existing = await findTrackingIssue(target);
    const plan = planTrackingIssue(existing, report.items, issueBody(report, runUrl()), runUrl());
    const url = await applyTrackingIssue(target, plan, existing);
    if (plan.action !== 'none') core.info(`Tracking issue: ${plan.action}${url ? ` ${url}` : ''}`);
  } catch (error) {
    throw new UserError(`Could not keep the tracking issue on ${github.owner}/${github.repo} (the token needs issues: write): ${(error as Error).message}`);
  }
}
