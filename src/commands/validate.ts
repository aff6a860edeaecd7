import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { GitHubAccess } from '../github/github-connection.js';
import { readConfigFile } from '../inputs/config-inputs.js';
import { readWorkflowSettings } from '../inputs/workflow-settings.js';
import { readGitHubTarget } from '../inputs/github-inputs.js';
import { readBoolean, readFolder, readList, readString } from '../inputs/read-inputs.js';
import type { RunContext } from '../types.js';
import { readSchemaSettings } from '../inputs/validation-inputs.js';
import { setOutputs } from '../report/job-summary.js';
import { toJUnitXml } from '../validate/junit-report.js';
import type { ValidateContext, ValidateInputs, ValidateOutcome } from '../validate/run-validate.js';
import { annotate, reportJson, validationFailure, writeValidationSummary } from '../validate/validation-output.js';
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
      junitFile: resolve(readString('junit-file', join(run.tempDir, 'gitops-promote-validate.junit.xml'))),
    };
    if (inputs.serverDryRun && inputs.kubeconfig === '') throw new InputError('kubeconfig', 'is required when server-dry-run is true.');
    if (inputs.changedOnly && inputs.baseRef === '') throw new InputError('base-ref', 'is required when changed-only is true (outside a pull_request event).');
    return { inputs, context: { github: new GitHubAccess(readGitHubTarget(run), run, 'to validate'), configFile: readConfigFile(), run } };
  },
  run: async ({ inputs, context }) => (await import('../validate/run-validate.js')).runValidate(inputs, context),
  async report({ report, root }, { inputs }, run) {
    annotate(report, root, run.workspace);
    await mkdir(dirname(inputs.junitFile), { recursive: true });
    await writeFile(inputs.junitFile, toJUnitXml(report));
    setOutputs({ valid: String(report.valid), report: reportJson(report), junit: inputs.junitFile });
    await writeValidationSummary(report);
    const failure = validationFailure(report);
    if (failure) throw failure;
  },
};
