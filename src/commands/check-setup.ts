import * as core from '@actions/core';
import { ReportedFailure } from '../errors.js';
import { GitHubAccess } from '../github/github-connection.js';
import { readConfigFile } from '../inputs/config-inputs.js';
import { readGitHubTarget } from '../inputs/github-inputs.js';
import type { RunContext } from '../types.js';
import type { CheckSetupContext, CheckSetupOutcome } from '../check-setup/run-check-setup.js';
import { countOf } from '../text/wording.js';
import type { Command } from './command.js';

/**
 * check-setup: every check is printed (✓ for those that pass), each problem
 * once as an annotation; the step fails when a writing command could not work at all.
 */
export const checkSetupCommand: Command<CheckSetupContext, CheckSetupOutcome> = {
  readInputs: (run: RunContext) => ({ github: new GitHubAccess(readGitHubTarget(run), run, 'to check the set-up'), configFile: readConfigFile() }),
  run: async (context) => (await import('../check-setup/run-check-setup.js')).runCheckSetup(context),
  async report({ repository, configNote, findings }) {
    // The renderers load with the outcome: a run refused at its inputs never needs them.
    const [{ setupSummaryMarkdown }, { setOutputs, writeSummary }] = await Promise.all([
      import('../check-setup/setup-summary.js'),
      import('../report/job-summary.js'),
    ]);
    core.info(configNote);
    for (const finding of findings) {
      if (finding.level === 'error') core.error(finding.message);
      else if (finding.level === 'warning') core.warning(finding.message);
      else core.info(`✓ ${finding.message}`);
    }
    setOutputs({ problems: JSON.stringify(findings.filter((finding) => finding.level !== 'ok')) });
    await writeSummary(setupSummaryMarkdown(repository, configNote, findings));
    const errors = findings.filter((finding) => finding.level === 'error').length;
    if (errors > 0)
      throw new ReportedFailure(`check-setup found ${countOf(errors, 'problem')} that ${errors === 1 ? 'stops' : 'stop'} the writing commands (above).`);
  },
};
