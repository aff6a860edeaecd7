import * as core from '@actions/core';
import { environmentNamed, type ConfigFile } from '../config/load-config.js';
import { environmentPins, type PromotionConfig } from '../config/promotion-config.js';
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { GitHubAccess } from '../github/github-connection.js';
import { settingsFor, type WorkflowSettings } from '../config/environment-settings.js';
import type { RunContext } from '../types.js';
import { openConfigRepo } from '../repo/open-config-repo.js';
import { describeShard, takeShard, type Partition, type Shard } from '../shard/shard.js';
import { countOf } from '../text/wording.js';
import type { Overlay, Pin, RepoLocation } from '../types.js';
import type { ValidationReport } from './findings.js';
import { withKubeconfigFile } from './kubeconfig-file.js';
import { changedFiles, discoverOverlays, overlaysChangedSince } from './overlay-discovery.js';
import type { ValidateOptions } from './validate-overlays.js';
import type { SchemaSettings } from './validation-settings.js';

/** Everything validate reads, resolved from its inputs. */
export interface ValidateInputs {
  location: RepoLocation;
  overlays: string[];
  /** An environment of the promotion config: its overlays when `overlays` is empty, and its image policy. */
  environment: string;
  /** protected and require-digest as the workflow set them; the rest from the environment. */
  settings: WorkflowSettings;
  schema: SchemaSettings;
  changedOnly: boolean;
  baseRef: string;
  serverDryRun: boolean;
  kubeconfig: string;
  kubeContext: string;
  junitFile: string;
  /** This matrix job's part of the overlays (after changed-only), or undefined for all. */
  shard: Shard | undefined;
  /** Where the JSON report file (for merge-reports) goes. */
  reportFile: string;
}

export interface ValidateContext {
  github: GitHubAccess;
  configFile: ConfigFile;
  run: RunContext;
}

export interface ValidateOutcome {
  report: ValidationReport;
  /** The folder validated: annotation paths are relative to it. */
  root: string;
  /** The overlays the shards share out (every one when not sharded). */
  partition: Partition;
}

/** The overlays the inputs select, validated; throws only when validation cannot run. */
export async function runValidate(inputs: ValidateInputs, context: ValidateContext): Promise<ValidateOutcome> {
  const opened = await openConfigRepo(inputs.location, { branch: '', push: false, readOnly: true, github: context.github, configFile: context.configFile });
  try {
    const root = opened.snapshot.root;
    const environment = environmentNamed(opened.config, inputs.environment);
    const policy = settingsFor(inputs.settings, environment).policy;
    // Overlay patterns load the glob matcher to resolve them; discovering every kustomization needs none.
    let overlays: Overlay[] =
      inputs.overlays.length > 0
        ? (await import('../repo/overlay-paths.js')).resolveOverlays(root, inputs.overlays)
        : environment && opened.config
          ? (await import('../repo/environment-overlays.js')).resolveEnvironmentOverlays(root, opened.config, environment).flatMap((app) => app.overlays)
          : await discoverOverlays(root);
    if (inputs.changedOnly) {
      overlays = await overlaysChangedSince(root, overlays, inputs.baseRef);
      core.info(
        overlays.length > 0
          ? `Changed since ${inputs.baseRef}: ${overlays.map((overlay) => overlay.path).join(', ')}`
          : `No overlay changed since ${inputs.baseRef}.`,
      );
    }
    let pins = inputs.overlays.length > 0 || !opened.config ? [] : environment ? environmentPins(opened.config, environment.name) : allPins(opened.config);
    if (inputs.changedOnly && pins.length > 0) pins = await pinsChangedSince(root, pins, inputs.baseRef);
    // Overlays and pins' files share out over the shards alike, by their paths.
    const items: Array<{ key: string; overlay?: Overlay; pin?: Pin }> = [
      ...overlays.map((overlay) => ({ key: overlay.path, overlay })),
      ...pins.map((pin) => ({ key: `${pin.kind}: ${pin.file}`, pin })),
    ];
    const sharded = takeShard(items, (item) => item.key, inputs.shard);
    if (inputs.shard) core.info(`${describeShard(inputs.shard, sharded.items.length, items.length, pins.length > 0 ? 'overlay or pin file' : 'overlay')}.`);
    overlays = sharded.items.flatMap((item) => (item.overlay ? [item.overlay] : []));
    pins = sharded.items.flatMap((item) => (item.pin ? [item.pin] : []));
    // The validators (schemas, the YAML parsers, the policy checks) load once the inputs have named the overlays.
    const [{ validateOverlays }, { withPolicy }] = await Promise.all([import('./validate-overlays.js'), import('./validation-settings.js')]);
    const settings = withPolicy(inputs.schema, policy);
    const options: ValidateOptions = { ...settings, repoRoot: root, policyFor: () => settings.policy, pins };
    const scope = pins.length > 0 ? `${countOf(overlays.length, 'overlay')} and ${countOf(pins.length, 'pin')}` : countOf(overlays.length, 'overlay');
    const report = await core.group(`Validating ${scope}`, () =>
      inputs.serverDryRun
        ? withKubeconfigFile(inputs.kubeconfig, context.run.tempDir, (file) =>
            validateOverlays(overlays, { ...options, serverDryRun: { kubeconfigFile: file, context: inputs.kubeContext || undefined } }),
          )
        : validateOverlays(overlays, options),
    );
    return { report, root, partition: sharded.partition };
  } finally {
    await opened.repo.dispose();
  }
}

/** Every environment's pins, each file and kind once. */
function allPins(config: PromotionConfig): Pin[] {
  const seen = new Set<string>();
  return config.environments
    .flatMap((env) => environmentPins(config, env.name))
    .filter((pin) => {
      const key = `${pin.kind}\0${pin.file}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The pins whose file changed since the base (a pin whose file is missing is kept: validate names it). */
async function pinsChangedSince(root: string, pins: readonly Pin[], baseRef: string): Promise<Pin[]> {
  const changed = new Set(await changedFiles(root, baseRef));
  return pins.filter((pin) => {
    const file = join(root, pin.file);
    return !existsSync(file) || changed.has(realpathSync(file));
  });
}
