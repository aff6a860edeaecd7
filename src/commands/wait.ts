import * as core from '@actions/core';
import { InputError, UserError } from '../errors.js';
import { createGitHubClient, type GitHubClient } from '../github/octokit-client.js';
import { GitHubDeployment } from '../github/deployments.js';
import { Git } from '../repo/git.js';
import { connectArgoCd } from '../controllers/argocd/connect-argocd.js';
import type { ArgoCdClient } from '../controllers/argocd/argocd-client.js';
import { waitForArgoApplication } from '../controllers/argocd/watch-argo-application.js';
import type { FluxWaiter } from '../controllers/flux/watch-flux-object.js';
import { configRepoGraphs, RevisionAncestry } from '../controllers/revision-ancestry.js';
import { readWaitInputs, type WaitInputs } from '../controllers/wait-inputs.js';
import { describeObjects, setWaitOutputs, writeWaitSummary, type ObjectOutcome, type WaitOutcome } from '../controllers/wait-report.js';
import { resolveExpectedRevision } from '../controllers/wait-revision.js';
import { resolveWaitTargets, type WaitTarget } from '../controllers/wait-targets.js';
import { shortSha, type ObjectStatus } from '../controllers/wait-types.js';
import { openFluxWaiter } from '../controllers/flux/watch-flux-object.js';
import { countOf } from '../report/wording.js';

export async function runWait(): Promise<void> {
  await waitForDeployment(readWaitInputs());
}

interface Watchers {
  argocd?: ArgoCdClient;
  flux?: FluxWaiter;
}

/** Blocks until every object runs the expected commit and is healthy; throws when one will not, or on timeout. */
export async function waitForDeployment(inputs: WaitInputs): Promise<WaitOutcome> {
  const started = Date.now();
  const targets = resolveWaitTargets(inputs);
  const git = (await new Git(inputs.path).topLevel()) ? new Git(inputs.path) : undefined;
  const github = configRepoOnGitHub(inputs);
  const graphs = configRepoGraphs({ git, github });
  const revision = await resolveExpectedRevision(inputs.revision, { graphs, checkout: git });
  core.info(`Waiting for ${targets.map((t) => t.label).join(', ')} to run ${revision.sha} (${revision.source}).`);
  const ancestry = new RevisionAncestry(revision.sha, graphs);
  const watchers = await openWatchers(inputs, targets);
  const deployment = inputs.deployment ? await startDeployment(inputs, revision.sha) : undefined;

  const deadline = AbortSignal.timeout(inputs.timeoutMs);
  const stopAll = new AbortController();
  const signal = AbortSignal.any([deadline, stopAll.signal]);
  let objects: ObjectOutcome[];
  try {
    objects = await core.group(`Waiting for ${countOf(targets.length, 'object')} (timeout ${Math.round(inputs.timeoutMs / 1000)} s)`, () =>
      Promise.all(
        targets.map(async (target) => {
          const log = new StateLog(target, started);
          const status = await waitForTarget(target, watchers, { ancestry, signal, inputs, report: (s) => log.report(s) }).catch((error: unknown) => {
            stopAll.abort();
            throw error;
          });
          if (status.state === 'failed' && inputs.failFast) stopAll.abort();
          return { target, status, timeToSyncMs: status.state === 'done' ? log.doneAfterMs : undefined };
        }),
      ),
    );
  } catch (error) {
    await deployment?.finish('error', oneLine(error));
    throw error;
  } finally {
    await watchers.argocd?.logout();
    await watchers.flux?.close();
  }

  const timedOut = deadline.aborted && objects.some((object) => object.status.state === 'waiting');
  const outcome: WaitOutcome = { expected: revision.sha, revisionSource: revision.source, objects, timedOut, elapsedMs: Date.now() - started, deploymentUrl: deployment?.url };
  setWaitOutputs(outcome);
  await writeWaitSummary(outcome);
  const failure = failureMessage(outcome, inputs.timeoutMs);
  await deployment?.finish(failure ? 'failure' : 'success', failure ?? `${shortSha(revision.sha)} is running and healthy`);
  if (failure) throw new UserError(failure);
  for (const object of objects) if (object.status.note) core.notice(`${object.target.label}: ${object.status.note}`);
  core.info(objects.length === 1 ? `${objects[0]!.target.label} runs ${shortSha(revision.sha)} and is healthy.` : `All ${objects.length} objects run ${shortSha(revision.sha)} and are healthy.`);
  return outcome;
}

interface TargetContext {
  ancestry: RevisionAncestry;
  signal: AbortSignal;
  inputs: WaitInputs;
  report(status: ObjectStatus): void;
}

function waitForTarget(target: WaitTarget, watchers: Watchers, context: TargetContext): Promise<ObjectStatus> {
  if (target.controller === 'argocd') {
    const { refresh, sync, watch } = context.inputs.argocd;
    return waitForArgoApplication(target.ref, { client: watchers.argocd!, refresh, sync, watch, degradedGraceMs: context.inputs.degradedGraceMs, ...context });
  }
  return watchers.flux!.waitFor(target, { ancestry: context.ancestry, signal: context.signal, reconcile: context.inputs.flux.reconcile, report: context.report });
}

/** One client per controller in use; @kubernetes/client-node loads only when a Flux object is waited on. */
async function openWatchers(inputs: WaitInputs, targets: readonly WaitTarget[]): Promise<Watchers> {
  const watchers: Watchers = {};
  if (targets.some((target) => target.controller === 'argocd')) {
    watchers.argocd = connectArgoCd(inputs.argocd);
    await watchers.argocd.login();
  }
  if (targets.some((target) => target.controller === 'flux')) {
    watchers.flux = await openFluxWaiter(inputs.flux);
  }
  return watchers;
}

function failureMessage(outcome: WaitOutcome, timeoutMs: number): string | undefined {
  const failed = outcome.objects.filter((object) => object.status.state === 'failed');
  if (failed.length > 0) return failed.map(({ target, status }) => `${target.label} failed: ${status.message}`).join('; ');
  if (outcome.timedOut) {
    const waiting = outcome.objects.filter((object) => object.status.state === 'waiting').length;
    return `Timed out after ${Math.round(timeoutMs / 1000)} s with ${waiting} of ${outcome.objects.length} not done. Last seen: ${describeObjects(outcome.objects)}`;
  }
  return undefined;
}

/** Logs an object's status only when it changes, with the time since the step began. */
class StateLog {
  private lastKey = '';
  doneAfterMs: number | undefined;

  constructor(
    private readonly target: WaitTarget,
    private readonly started: number,
  ) {}

  report(status: ObjectStatus): void {
    const key = [status.state, status.sync, status.health, status.revision, status.message].join('|');
    if (key === this.lastKey) return;
    this.lastKey = key;
    const elapsed = Date.now() - this.started;
    if (status.state === 'done') this.doneAfterMs ??= elapsed;
    const revision = status.revision.split(',').filter(Boolean).map(shortSha).join(', ') || 'none';
    core.info(`[${(elapsed / 1000).toFixed(1)}s] ${this.target.label}: ${status.state} · sync ${status.sync} · health ${status.health} · revision ${revision}${status.message ? ` · ${status.message}` : ''}`);
  }
}

function configRepoOnGitHub(inputs: WaitInputs): { client: GitHubClient; owner: string; repo: string } | undefined {
  const repository = inputs.repository || process.env.GITHUB_REPOSITORY || '';
  if (!inputs.token || !repository) return undefined;
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) throw new InputError('repository', `'${repository}' is not owner/name.`);
  return { client: createGitHubClient({ token: inputs.token }), owner, repo };
}

interface RunningDeployment {
  url: string;
  finish(state: 'success' | 'failure' | 'error', description: string): Promise<void>;
}

/** A deployment on the app repo (the workflow's repository, at its commit), else on the config repo at the expected commit. */
async function startDeployment(inputs: WaitInputs, expected: string): Promise<RunningDeployment> {
  if (!inputs.environment) throw new InputError('environment', 'is required with deployment: true (the GitHub environment to record).');
  if (!inputs.token) throw new InputError('token', 'is required with deployment: true (it needs deployments: write).');
  const appRepo = process.env.GITHUB_REPOSITORY && process.env.GITHUB_SHA ? { repository: process.env.GITHUB_REPOSITORY, ref: process.env.GITHUB_SHA } : undefined;
  const { repository, ref } = appRepo ?? { repository: inputs.repository, ref: expected };
  const [owner, repo] = (repository ?? '').split('/');
  if (!owner || !repo) throw new InputError('repository', 'is required with deployment: true outside GitHub Actions (owner/name of the repository to record it on).');
  const client = createGitHubClient({ token: inputs.token });
  const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
  const logUrl = process.env.GITHUB_RUN_ID && process.env.GITHUB_REPOSITORY ? `${server}/${process.env.GITHUB_REPOSITORY}/actions/runs/${process.env.GITHUB_RUN_ID}` : undefined;
  const links = { environmentUrl: inputs.environmentUrl || undefined, logUrl };
  const deployment = await GitHubDeployment.create(client, { owner, repo, ref, environment: inputs.environment, description: `config commit ${shortSha(expected)}` }).catch((error: unknown) => {
    throw new InputError('deployment', `could not create a GitHub deployment on ${owner}/${repo}: ${oneLine(error)}`);
  });
  await deployment.setStatus('in_progress', `waiting for ${shortSha(expected)}`, links);
  return {
    url: `${server}/${owner}/${repo}/deployments/${encodeURIComponent(inputs.environment)}`,
    finish: (state, description) =>
      deployment.setStatus(state, description, links).catch((error: unknown) => core.warning(`Could not update the GitHub deployment: ${oneLine(error)}`)),
  };
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
}
