import * as core from '@actions/core';
import { UserError } from '../errors.js';
import { GitHubAccess } from '../github/github-connection.js';
import { readConfigFile } from '../inputs/config-inputs.js';
import { readControllerConnections } from '../inputs/controller-inputs.js';
import { readWorkflowSettings } from '../inputs/workflow-settings.js';
import { readGitHubTarget } from '../inputs/github-inputs.js';
import { readBoolean, readChoice, readDuration, readFolder, readList, readString } from '../inputs/read-inputs.js';
import type { RunContext } from '../types.js';
import type { WaitContext } from '../wait/run-wait.js';
import type { WaitInputs } from '../wait/wait-inputs.js';
import type { WaitOutcome } from '../wait/wait-report.js';
import type { Command, Prepared } from './command.js';

export const waitCommand: Command<Prepared<WaitInputs, WaitContext>, WaitOutcome> = {
  readInputs(run: RunContext) {
    const target = readGitHubTarget(run);
    const inputs: WaitInputs = {
      location: { kind: 'checkout', path: readFolder('path', '.') },
      settings: readWorkflowSettings(),
      revision: readString('revision').trim(),
      environment: readString('environment').trim(),
      apps: readList('apps'),
      argocdApps: readList('argocd-app'),
      fluxNames: readList('flux-name'),
      timeoutMs: readDuration('timeout', '10m'),
      failFast: readBoolean('fail-fast', true),
      degradedGraceMs: readDuration('degraded-grace', '30s'),
      argocd: {
        refresh: readChoice('argocd-refresh', ['normal', 'hard'] as const, 'normal'),
        sync: readBoolean('argocd-sync', false),
        watch: readChoice('argocd-watch', ['stream', 'poll'] as const, 'stream'),
      },
      flux: { reconcile: readBoolean('flux-reconcile', false) },
      connections: readControllerConnections(run),
      deployment: readBoolean('deployment', false),
      environmentUrl: readString('environment-url').trim(),
      commentOnPullRequest: readBoolean('comment-on-pr', true),
    };
    return { inputs, context: { target, github: new GitHubAccess(target, run, 'to compare commits'), configFile: readConfigFile(), run } };
  },
  run: async ({ inputs, context }) => (await import('../wait/run-wait.js')).runWait(inputs, context),
  async report(outcome) {
    // The renderers load with the outcome: a run refused at its inputs never needs them.
    const [{ shortSha }, { setOutputs, writeSummary }, { waitOutputs, waitSummaryMarkdown }] = await Promise.all([
      import('../controllers/wait-types.js'),
      import('../report/job-summary.js'),
      import('../wait/wait-report.js'),
    ]);
    setOutputs(waitOutputs(outcome));
    await writeSummary(waitSummaryMarkdown(outcome));
    if (outcome.failure) throw new UserError(outcome.failure);
    for (const object of outcome.objects) if (object.status.note) core.notice(`${object.target.label}: ${object.status.note}`);
    const { objects, expected } = outcome;
    core.info(
      objects.length === 1
        ? `${objects[0].target.label} runs ${shortSha(expected)} and is healthy.`
        : `All ${objects.length} objects run ${shortSha(expected)} and are healthy.`,
    );
  },
};
