import { InputError } from '../errors.js';
import { GitHubAccess } from '../github/github-connection.js';
import { readConfigFile } from '../inputs/config-inputs.js';
import { readWorkflowSettings } from '../inputs/workflow-settings.js';
import { readGitHubTarget } from '../inputs/github-inputs.js';
import { readBoolean, readFolder, readList, readString } from '../inputs/read-inputs.js';
import { readJunitFile, readReportFile, readShard } from '../inputs/report-inputs.js';
import type { RunContext } from '../types.js';
import { readSchemaSettings } from '../inputs/validation-inputs.js';
import { describeShard } from '../shard/shard.js';
import type { ValidateContext, ValidateInputs, ValidateOutcome } from '../validate/run-validate.js';
import type { Command, Prepared } from './command.js';

export const validateCommand: Command<Prepared<ValidateInputs, ValidateContext>, ValidateOutcome> = {
  readInputs(run: RunContext) {
    const inputs: ValidateInputs = {
      // validate reads a folder: the checkout at path, else the working folder (git or not).
      location: { kind: 'checkout', path: readFolder('path', '.') },
      overlays: readList('overlays'),
      environment: readString('environment').trim(),
      settings: readWorkflowSettings(),
      schema: readSchemaSettings(),
      changedOnly: readBoolean('changed-only', false),
      baseRef: readString('base-ref', run.baseRef ? `origin/${run.baseRef}` : '').trim(),
      serverDryRun: readBoolean('server-dry-run', false),
      kubeconfig: readString('kubeconfig'),
      kubeContext: readString('kube-context').trim(),
      junitFile: readJunitFile(run),
      shard: readShard(),
      reportFile: readReportFile(run, 'validate'),
    };
    if (inputs.serverDryRun && inputs.kubeconfig === '') throw new InputError('kubeconfig', 'is required when server-dry-run is true.');
    if (inputs.changedOnly && inputs.baseRef === '') throw new InputError('base-ref', 'is required when changed-only is true (outside a pull_request event).');
    return { inputs, context: { github: new GitHubAccess(readGitHubTarget(run), run, 'to validate'), configFile: readConfigFile(), run } };
  },
  run: async ({ inputs, context }) => (await import('../validate/run-validate.js')).runValidate(inputs, context),
  async report({ report, root, partition }, { inputs }, run) {
    // The renderers load with the outcome: a run refused at its inputs never needs them.
    const [{ validateReportFile, writeReportFile }, { annotationPrefix, showValidationReport }] = await Promise.all([
      import('../merge-reports/report-file.js'),
      import('../validate/validation-output.js'),
    ]);
    const prefix = annotationPrefix(root, run.workspace);
    // The report file first: a shard with findings fails below, and merge-reports needs its file all the same.
    await writeReportFile(inputs.reportFile, validateReportFile(report, partition, prefix));
    const { shard, keys } = partition;
    const scope = shard && `This run is ${describeShard(shard, report.overlays.length, keys.length, 'overlay')}; merge-reports combines the shards.`;
    await showValidationReport(report, { annotationPrefix: prefix, junitFile: inputs.junitFile, scope, outputs: { 'report-file': inputs.reportFile } });
  },
};
