import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { readBoolean, readFolder, readList, readString } from '../inputs/read-inputs.js';
import { resolveOverlays, type Overlay } from '../repo/overlay-paths.js';
import type { ValidationReport } from '../validate/findings.js';
import { toJUnitXml } from '../validate/junit-report.js';
import { withKubeconfigFile } from '../validate/kubeconfig-file.js';
import { discoverOverlays, overlaysChangedSince } from '../validate/overlay-discovery.js';
import { readSchemaSettings, withPolicy, type ValidationSettings } from '../validate/validation-settings.js';
import { readWorkflowSettings, settingsFor } from '../inputs/environment-settings.js';
import { environmentFromInput } from '../config/load-config.js';
import { resolveEnvironmentOverlays } from '../config/environment-overlays.js';
import { validateOverlays, type ValidateOptions } from '../validate/validate-overlays.js';
import { annotate, reportJson, validationFailure, writeValidationSummary } from '../validate/validation-output.js';
import { countOf } from '../report/wording.js';

export interface ValidateInputs extends ValidationSettings {
  path: string;
  overlays: string[];
  /** The overlays of the promotion config's environment, when `environment` is given. */
  environmentOverlays?: Overlay[];
  changedOnly: boolean;
  baseRef: string;
  serverDryRun: boolean;
  kubeconfig: string;
  kubeContext: string;
  junitFile: string;
}

export function readValidateInputs(): ValidateInputs {
  const path = readFolder('path', '.');
  const fromConfig = environmentFromInput(path);
  const overlays = readList('overlays');
  const inputs: ValidateInputs = {
    path,
    overlays,
    environmentOverlays:
      fromConfig && overlays.length === 0
        ? resolveEnvironmentOverlays(path, fromConfig.config, fromConfig.environment).flatMap((app) => app.overlays)
        : undefined,
    changedOnly: readBoolean('changed-only', false),
    baseRef: readString('base-ref', process.env.GITHUB_BASE_REF ? `origin/${process.env.GITHUB_BASE_REF}` : ''),
    serverDryRun: readBoolean('server-dry-run', false),
    kubeconfig: readString('kubeconfig'),
    kubeContext: readString('kube-context'),
    junitFile: resolve(readString('junit-file', join(process.env.RUNNER_TEMP || tmpdir(), 'gitops-promote-validate.junit.xml'))),
    ...withPolicy(readSchemaSettings(), settingsFor(readWorkflowSettings(), fromConfig?.environment).policy),
  };
  if (inputs.serverDryRun && inputs.kubeconfig === '') throw new InputError('kubeconfig', 'is required when server-dry-run is true.');
  if (inputs.changedOnly && inputs.baseRef === '') throw new InputError('base-ref', 'is required when changed-only is true (outside a pull_request event).');
  return inputs;
}

export async function runValidate(): Promise<void> {
  const inputs = readValidateInputs();
  const report = await validate(inputs);
  annotate(report, inputs.path);
  core.setOutput('valid', String(report.valid));
  core.setOutput('report', reportJson(report));
  await mkdir(dirname(inputs.junitFile), { recursive: true });
  await writeFile(inputs.junitFile, toJUnitXml(report));
  core.setOutput('junit', inputs.junitFile);
  await writeValidationSummary(report);
  const failure = validationFailure(report);
  if (failure) throw failure;
}

/** The overlays the inputs select, validated; throws only when validation cannot run. */
export async function validate(inputs: ValidateInputs): Promise<ValidationReport> {
  let overlays: Overlay[] =
    inputs.environmentOverlays ?? (inputs.overlays.length > 0 ? resolveOverlays(inputs.path, inputs.overlays) : discoverOverlays(inputs.path));
  if (inputs.changedOnly) {
    overlays = await overlaysChangedSince(inputs.path, overlays, inputs.baseRef);
    core.info(overlays.length > 0 ? `Changed since ${inputs.baseRef}: ${overlays.map((overlay) => overlay.path).join(', ')}` : `No overlay changed since ${inputs.baseRef}.`);
  }
  const options: ValidateOptions = {
    repoRoot: inputs.path,
    kubernetesVersion: inputs.kubernetesVersion,
    strict: inputs.strict,
    ignoreMissingSchemas: inputs.ignoreMissingSchemas,
    kustomizeArgs: inputs.kustomizeArgs,
    schemaLocations: inputs.schemaLocations,
    policyFor: () => inputs.policy,
  };
  return core.group(`Validating ${countOf(overlays.length, 'overlay')}`, () =>
    inputs.serverDryRun
      ? withKubeconfigFile(inputs.kubeconfig, (file) => validateOverlays(overlays, { ...options, serverDryRun: { kubeconfigFile: file, context: inputs.kubeContext || undefined } }))
      : validateOverlays(overlays, options),
  );
}
