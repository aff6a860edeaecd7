import { GitHubAccess } from '../github/github-connection.js';
import { readConfigFile } from '../inputs/config-inputs.js';
import { readCommitIdentity, readGitHubTarget } from '../inputs/github-inputs.js';
import { readBoolean, readRequired, readString } from '../inputs/read-inputs.js';
import { readRepoLocation } from '../inputs/repo-location.js';
import { readWorkflowSettings } from '../inputs/workflow-settings.js';
import { setOutputs, writeSummary } from '../report/job-summary.js';
import { releaseOutputs, releaseSummaryMarkdown } from '../rollback/rollback-report.js';
import type { ReleaseInputs, ReleaseOutcome } from '../rollback/rollback-types.js';
import type { RollbackContext } from '../rollback/run-rollback.js';
import type { RunContext } from '../types.js';
import type { Command, Prepared } from './command.js';

export const releaseCommand: Command<Prepared<ReleaseInputs, RollbackContext>, ReleaseOutcome> = {
  readInputs(run: RunContext) {
    const github = readGitHubTarget(run);
    const inputs: ReleaseInputs = {
      location: readRepoLocation(github),
      environment: readRequired('environment').trim(),
      reason: readString('reason').trim(),
      branch: readString('branch').trim(),
      settings: readWorkflowSettings(),
      dryRun: readBoolean('dry-run', false),
      author: readCommitIdentity(),
    };
    return {
      inputs,
      context: { github: new GitHubAccess(github, run, 'to release a hold through the GitHub API or a pull request'), configFile: readConfigFile(), run },
    };
  },
  run: async ({ inputs, context }) => (await import('../rollback/run-release.js')).runRelease(inputs, context),
  async report(outcome) {
    setOutputs(releaseOutputs(outcome));
    await writeSummary(releaseSummaryMarkdown(outcome));
  },
};
