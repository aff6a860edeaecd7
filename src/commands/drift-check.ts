import * as core from '@actions/core';
import type { DriftContext, DriftInputs } from '../drift/run-drift-check.js';
import type { DriftReport } from '../drift/drift-types.js';
import { InputError, UserError } from '../errors.js';
import { GitHubAccess } from '../github/github-connection.js';
import { readConfigFile } from '../inputs/config-inputs.js';
import { readControllerConnections } from '../inputs/controller-inputs.js';
import { readWorkflowSettings } from '../inputs/workflow-settings.js';
import { readGitHubTarget } from '../inputs/github-inputs.js';
import { readBoolean, readDuration, readList, readString } from '../inputs/read-inputs.js';
import { readRepoLocation } from '../inputs/repo-location.js';
import type { RunContext } from '../types.js';
import { setOutputs, writeSummary } from '../report/job-summary.js';
import { countOf } from '../text/wording.js';
import type { Command, Prepared } from './command.js';

export const driftCheckCommand: Command<Prepared<DriftInputs, DriftContext>, DriftReport> = {
  readInputs(run: RunContext) {
    const github = readGitHubTarget(run);
    // GitHub passes issue's default (gitops-drift); only an explicit issue: '' arrives empty, and turns the issue off.
    const issueLabel = readString('issue').trim();
    if (issueLabel.includes(',')) throw new InputError('issue', `'${issueLabel}' must be one label (no commas).`);
    const inputs: DriftInputs = {
      location: readRepoLocation(github),
      environments: readList('environment'),
      apps: readList('apps'),
      issueLabel,
      failOnDrift: readBoolean('fail-on-drift', false),
      maxSkew: readString('max-skew'),
      staleAfterMs: readDuration('stale-after', '10m'),
      connections: readControllerConnections(run),
      controllerSettings: readWorkflowSettings(),
    };
    return { inputs, context: { github: new GitHubAccess(github, run, 'for drift-check'), configFile: readConfigFile(), run } };
  },
  run: async ({ inputs, context }) => (await import('../drift/run-drift-check.js')).runDriftCheck(inputs, context),
  async report(report, { inputs }) {
    setOutputs({ report: JSON.stringify(report), drifted: String(report.drifted) });
    // The renderer (and the semver it sorts skew with) loads only once there is a report to render.
    const { summaryMarkdown } = await import('../drift/report-markdown.js');
    await writeSummary(summaryMarkdown(report));
    const drift = report.items.filter((item) => item.drift);
    for (const item of drift) core.warning(`${item.environment} / ${item.app}: ${item.kind}: ${item.message}`);
    for (const note of report.notes) core.warning(note);
    core.info(report.drifted ? `Drift: ${countOf(drift.length, 'item')}.` : 'No drift: every environment runs what git says.');
    if (report.drifted && inputs.failOnDrift) {
      throw new UserError(`Drift found (${drift.length}): ${drift.map((item) => `${item.environment}/${item.app} ${item.kind}`).join(', ')}.`);
    }
  },
};
