import * as core from '@actions/core';
import { waitForArgoApplication } from '../controllers/argocd/watch-argo-application.js';
import type { WaitTarget } from '../controllers/controller-targets.js';
import { fluxWaiter } from '../controllers/flux/watch-flux-object.js';
import { openControllers, type Controllers } from '../controllers/open-controllers.js';
import { configRepoGraphs, RevisionAncestry } from '../controllers/revision-ancestry.js';
import { resolveExpectedRevision } from '../controllers/wait-revision.js';
import { shortSha, type ObjectStatus } from '../controllers/wait-types.js';
import { oneLineMessage } from '../errors.js';
import { parseOwnerName } from '../github/repository-name.js';
import { createGitHubClient } from '../github/octokit-client.js';
import { Git } from '../repo/git.js';
import { countOf } from '../text/wording.js';
import { commentOnMergedPullRequest } from './comment-on-pull-request.js';
import type { WaitContext } from './run-wait.js';
import { startDeployment } from './wait-deployment.js';
import type { WaitInputs } from './wait-inputs.js';
import { describeObjects, type ObjectOutcome, type WaitOutcome } from './wait-report.js';

/**
 * The wait itself, once runWait has resolved the objects from the inputs and
 * the config: the expected revision, the controllers' clients, the optional
 * deployment, the followers until each object is done or the deadline passes,
 * and the pull request comment. `started` is when the step began, for the log.
 */
export async function waitForObjects(targets: WaitTarget[], path: string, inputs: WaitInputs, context: WaitContext, started: number): Promise<WaitOutcome> {
  const git = (await new Git(path).topLevel()) ? new Git(path) : undefined;
  const graphs = configRepoGraphs({ git, github: configRepoOnGitHub(context) });
  const revision = await resolveExpectedRevision(inputs.revision, { graphs, checkout: git, exported: context.run.exportedCommit });
  core.info(`Waiting for ${targets.map((t) => t.label).join(', ')} to run ${revision.sha} (${revision.source}).`);
  const ancestry = new RevisionAncestry(revision.sha, graphs);
  const controllers = await openControllers(targets, inputs.connections);
  const deployment = inputs.deployment
    ? await startDeployment({ environment: inputs.environment, environmentUrl: inputs.environmentUrl, expected: revision.sha }, context.target, context.run)
    : undefined;

  const deadline = AbortSignal.timeout(inputs.timeoutMs);
  const stopAll = new AbortController();
  const signal = AbortSignal.any([deadline, stopAll.signal]);
  let objects: ObjectOutcome[];
  try {
    objects = await core.group(`Waiting for ${countOf(targets.length, 'object')} (timeout ${Math.round(inputs.timeoutMs / 1000)} s)`, () =>
      Promise.all(
        targets.map(async (target) => {
          const log = new StateLog(target, started);
          const status = await waitForTarget(target, controllers, {
            ancestry,
            signal,
            inputs,
            report: (s) => {
              log.report(s);
            },
          }).catch((error: unknown) => {
            stopAll.abort();
            throw error;
          });
          if (status.state === 'failed' && inputs.failFast) stopAll.abort();
          return { target, status, timeToSyncMs: status.state === 'done' ? log.doneAfterMs : undefined };
        }),
      ),
    );
  } catch (error) {
    await deployment?.finish('error', oneLineMessage(error));
    throw error;
  } finally {
    await controllers.close();
  }

  const timedOut = deadline.aborted && objects.some((object) => object.status.state === 'waiting');
  const outcome: WaitOutcome = {
    expected: revision.sha,
    revisionSource: revision.source,
    objects,
    timedOut,
    elapsedMs: Date.now() - started,
    deploymentUrl: deployment?.url,
  };
  outcome.failure = failureMessage(outcome, inputs.timeoutMs);
  await deployment?.finish(outcome.failure ? 'failure' : 'success', outcome.failure ?? `${shortSha(revision.sha)} is running and healthy`);
  if (inputs.commentOnPullRequest)
    outcome.pullRequestComment = await commentOnMergedPullRequest(outcome, { targets, environment: inputs.environment }, context);
  return outcome;
}

interface TargetContext {
  ancestry: RevisionAncestry;
  signal: AbortSignal;
  inputs: WaitInputs;
  report: (status: ObjectStatus) => void;
}

function waitForTarget(target: WaitTarget, controllers: Controllers, context: TargetContext): Promise<ObjectStatus> {
  // openControllers opened a client for each controller among the targets.
  if (target.controller === 'argocd') {
    const { refresh, sync, watch } = context.inputs.argocd;
    const client = controllers.argocd;
    if (!client) throw new Error(`internal: no Argo CD client was opened for ${target.label}`);
    return waitForArgoApplication(target.ref, { client, refresh, sync, watch, degradedGraceMs: context.inputs.degradedGraceMs, ...context });
  }
  const { flux } = controllers;
  if (!flux) throw new Error(`internal: no Flux client was opened for ${target.label}`);
  return fluxWaiter(flux).waitFor(target, {
    ancestry: context.ancestry,
    signal: context.signal,
    reconcile: context.inputs.flux.reconcile,
    report: context.report,
  });
}

function failureMessage(outcome: WaitOutcome, timeoutMs: number): string | undefined {
  const failed = outcome.objects.filter((object) => object.status.state === 'failed');
  if (failed.length > 0) return failed.map(({ target, status }) => `${target.label} failed: ${status.message}`).join('; ');
  if (outcome.timedOut) {
    const waiting = outcome.objects.filter((object) => object.status.state === 'waiting').length;
    return (
      `Timed out after ${Math.round(timeoutMs / 1000)} s with ${waiting} of ${outcome.objects.length} not done. Last seen: ` + describeObjects(outcome.objects)
    );
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
    core.info(
      `[${(elapsed / 1000).toFixed(1)}s] ${this.target.label}: ${status.state} · sync ${status.sync} · health ${status.health} · revision ` +
        `${revision}${status.message ? ` · ${status.message}` : ''}`,
    );
  }
}

/** The config repo on GitHub, when repository and a token are known: the compare API answers for commits the checkout lacks. */
function configRepoOnGitHub(context: WaitContext) {
  const { repository, token } = context.target;
  if (!token || !repository) return undefined;
  const { owner, repo } = parseOwnerName('repository', repository);
  return { client: createGitHubClient({ token, apiUrl: context.run.apiUrl, graphqlUrl: context.run.graphqlUrl }), owner, repo };
}
