import * as core from '@actions/core';
import { UserError } from '../errors.js';
import { GitHubAccess } from '../github/github-connection.js';
import { readControllerConnections } from '../inputs/controller-inputs.js';
import { readConfigFile } from '../inputs/config-inputs.js';
import { readWorkflowSettings } from '../inputs/workflow-settings.js';
import { parseSourceRepositories, readCommitIdentity, readGitHubTarget } from '../inputs/github-inputs.js';
import { readBoolean, readList, readString } from '../inputs/read-inputs.js';
import { readRepoLocation } from '../inputs/repo-location.js';
import type { RunContext } from '../types.js';
import { readSchemaSettings } from '../inputs/validation-inputs.js';
import type { PromoteInputs, PromoteOutcome } from '../promote/promotion-types.js';
import type { PromoteContext } from '../promote/run-promotion.js';
import type { Command, Prepared } from './command.js';

export const promoteCommand: Command<Prepared<PromoteInputs, PromoteContext>, PromoteOutcome> = {
  readInputs(run: RunContext) {
    const github = readGitHubTarget(run);
    const inputs: PromoteInputs = {
      location: readRepoLocation(github),
      from: readString('from').trim(),
      to: readString('to').trim(),
      apps: readList('apps'),
      sourceRepositories: parseSourceRepositories(readList('source-repository')),
      branch: readString('branch').trim(),
      settings: readWorkflowSettings(),
      verifyRender: readBoolean('verify-render', true),
      validation: readBoolean('validate', false) ? readSchemaSettings() : undefined,
      dryRun: readBoolean('dry-run', false),
      author: readCommitIdentity(),
      commitMessage: readString('commit-message'),
      connections: readControllerConnections(run),
      failOnPending: readBoolean('fail-on-pending', false),
      overrideHold: readBoolean('override-hold', false),
    };
    return { inputs, context: { github: new GitHubAccess(github, run, 'to open promotion pull requests'), configFile: readConfigFile(), run } };
  },
  run: async ({ inputs, context }) => (await import('../promote/run-promotion.js')).runPromotion(inputs, context),
  async report(outcome, { inputs }) {
    // The renderers load with the outcome: a run refused at its inputs never needs them.
    const [{ gateAnnouncement, promoteOutputs, promotionSummaryMarkdown }, { setOutputs, writeSummary }] = await Promise.all([
      import('../promote/promotion-summary.js'),
      import('../report/job-summary.js'),
    ]);
    setOutputs(promoteOutputs(outcome));
    await writeSummary(promotionSummaryMarkdown(outcome));
    const said = gateAnnouncement(outcome, inputs.failOnPending);
    if (said.fail) throw new UserError(said.fail);
    if (said.warning) core.warning(said.warning);
    if (said.notice) core.notice(said.notice);
  },
};
