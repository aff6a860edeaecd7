import { GitHubAccess } from '../github/github-connection.js';
import { readGitHubTarget } from '../inputs/github-inputs.js';
import { readBoolean } from '../inputs/read-inputs.js';
import { readIssueLabel, readJunitFile, readReportPatterns } from '../inputs/report-inputs.js';
import type { MergedReports } from '../merge-reports/merge-report-files.js';
import type { MergeContext, MergeInputs } from '../merge-reports/run-merge-reports.js';
import type { RunContext } from '../types.js';
import type { Command, Prepared } from './command.js';

export const mergeReportsCommand: Command<Prepared<MergeInputs, MergeContext>, MergedReports> = {
  readInputs(run: RunContext) {
    const inputs: MergeInputs = {
      reports: readReportPatterns(),
      issueLabel: readIssueLabel(),
      failOnDrift: readBoolean('fail-on-drift', false),
      junitFile: readJunitFile(run),
    };
    return { inputs, context: { github: new GitHubAccess(readGitHubTarget(run), run, 'to keep the tracking issue'), run, cwd: process.cwd() } };
  },
  run: async ({ inputs, context }) => (await import('../merge-reports/run-merge-reports.js')).runMergeReports(inputs, context),
  async report(merged, { inputs }) {
    // Only the command the shards ran: its presentation loads when there is a report of it.
    if (merged.command === 'drift-check') {
      const { showDriftReport } = await import('../drift/drift-output.js');
      await showDriftReport(merged.report, inputs.failOnDrift, merged.scope);
    } else {
      const { showValidationReport } = await import('../validate/validation-output.js');
      await showValidationReport(merged.report, { annotationPrefix: merged.annotationPrefix, junitFile: inputs.junitFile, scope: merged.scope });
    }
  },
};
