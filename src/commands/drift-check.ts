import type { DriftContext, DriftInputs, DriftOutcome } from '../drift/run-drift-check.js';
import { GitHubAccess } from '../github/github-connection.js';
import { readConfigFile } from '../inputs/config-inputs.js';
import { readControllerConnections } from '../inputs/controller-inputs.js';
import { readWorkflowSettings } from '../inputs/workflow-settings.js';
import { readGitHubTarget } from '../inputs/github-inputs.js';
import { readBoolean, readDuration, readList, readString } from '../inputs/read-inputs.js';
import { readRepoLocation } from '../inputs/repo-location.js';
import { readIssueLabel, readReportFile, readShard } from '../inputs/report-inputs.js';
import { describeShard } from '../shard/shard.js';
import type { RunContext } from '../types.js';
import type { Command, Prepared } from './command.js';

export const driftCheckCommand: Command<Prepared<DriftInputs, DriftContext>, DriftOutcome> = {
  readInputs(run: RunContext) {
    const github = readGitHubTarget(run);
    const inputs: DriftInputs = {
      location: readRepoLocation(github),
      environments: readList('environment'),
      apps: readList('apps'),
      issueLabel: readIssueLabel(),
      failOnDrift: readBoolean('fail-on-drift', false),
      maxSkew: readString('max-skew'),
      staleAfterMs: readDuration('stale-after', '10m'),
      connections: readControllerConnections(run),
      controllerSettings: readWorkflowSettings(),
      shard: readShard(),
      reportFile: readReportFile(run, 'drift-check'),
    };
    return { inputs, context: { github: new GitHubAccess(github, run, 'for drift-check'), configFile: readConfigFile(), run } };
  },
  run: async ({ inputs, context }) => (await import('../drift/run-drift-check.js')).runDriftCheck(inputs, context),
  async report({ report, partition }, { inputs }) {
    // The renderers (and the semver the skew is sorted with) load only once there is a report to render.
    const [{ driftReportFile, writeReportFile }, { setOutputs }, { showDriftReport }] = await Promise.all([
      import('../merge-reports/report-file.js'),
      import('../report/job-summary.js'),
      import('../drift/drift-output.js'),
    ]);
    await writeReportFile(inputs.reportFile, driftReportFile(report, partition));
    setOutputs({ 'report-file': inputs.reportFile });
    const { shard, keys } = partition;
    const apps = new Set(report.environments.flatMap((env) => env.apps.map((app) => app.app))).size;
    const scope = shard && `This run is ${describeShard(shard, apps, keys.length, 'app')}; merge-reports combines the shards.`;
    await showDriftReport(report, inputs.failOnDrift, scope);
  },
};
