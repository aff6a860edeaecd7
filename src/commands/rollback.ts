import * as core from '@actions/core';
import { GitHubAccess } from '../github/github-connection.js';
import { readConfigFile } from '../inputs/config-inputs.js';
import { readControllerConnections } from '../inputs/controller-inputs.js';
import { readCommitIdentity, readGitHubTarget } from '../inputs/github-inputs.js';
import { readHoldUntil } from '../inputs/hold-inputs.js';
import { readBoolean, readList, readRequired, readString } from '../inputs/read-inputs.js';
import { readRepoLocation } from '../inputs/repo-location.js';
import { readSchemaSettings } from '../inputs/validation-inputs.js';
import { readWorkflowSettings } from '../inputs/workflow-settings.js';
import { setOutputs, writeSummary } from '../report/job-summary.js';
import { rollbackOutputs, rollbackSummaryMarkdown } from '../rollback/rollback-report.js';
import { parseRollbackTarget } from '../rollback/rollback-target.js';
import type { RollbackInputs, RollbackOutcome } from '../rollback/rollback-types.js';
import type { RollbackContext } from '../rollback/run-rollback.js';
import { COMMIT_SHA_VARIABLE, type RunContext } from '../types.js';
import type { Command, Prepared } from './command.js';

export const rollbackCommand: Command<Prepared<RollbackInputs, RollbackContext>, RollbackOutcome> = {
  readInputs(run: RunContext) {
    const github = readGitHubTarget(run);
    const inputs: RollbackInputs = {
      location: readRepoLocation(github),
      environment: readRequired('environment').trim(),
      to: parseRollbackTarget(readList('to')),
      reason: readString('reason').trim(),
      holdUntil: readHoldUntil(),
      branch: readString('branch').trim(),
      settings: readWorkflowSettings(),
      verifyRender: readBoolean('verify-render', true),
      validation: readBoolean('validate', false) ? readSchemaSettings() : undefined,
      dryRun: readBoolean('dry-run', false),
      author: readCommitIdentity(),
      connections: readControllerConnections(run),
    };
    return {
      inputs,
      context: { github: new GitHubAccess(github, run, 'to land a rollback through the GitHub API or a pull request'), configFile: readConfigFile(), run },
    };
  },
  run: async ({ inputs, context }) => (await import('../rollback/run-rollback.js')).runRollback(inputs, context),
  async report(outcome) {
    setOutputs(rollbackOutputs(outcome));
    // A later `wait` step in the same job waits for the rolled-back commit.
    if (outcome.commitSha && !outcome.pullRequest) core.exportVariable(COMMIT_SHA_VARIABLE, outcome.commitSha);
    await writeSummary(rollbackSummaryMarkdown(outcome));
  },
};
