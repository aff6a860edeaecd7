import * as core from '@actions/core';
import { findEnvironment, promotionChain, type AppConfig, type PromotionConfig } from '../config/promotion-config.js';
import { configuredTarget } from '../controllers/controller-targets.js';
import { openControllers } from '../controllers/open-controllers.js';
import { InputError, UserError } from '../errors.js';
import type { GitHubConnection } from '../github/github-connection.js';
import { resolveEnvironmentOverlays } from '../repo/environment-overlays.js';
import { describeShard, takeShard } from '../shard/shard.js';
import { countOf } from '../text/wording.js';
import { collectDrift, type DriftSources } from './collect-drift.js';
import type { ConfigBranches } from './config-branches.js';
import { parseMaxSkew, parseMaxSkewInput, type MaxSkew } from './max-skew.js';
import { findPromotionPr, listPromotionPrs } from './promotion-prs.js';
import type { DriftInputs, DriftOutcome } from './run-drift-check.js';

/**
 * drift-check's work on the config repo's branches (runDriftCheck opens them and disposes of them): the environments
 * and apps the inputs select, this shard's part of them, the controllers and the open promotion PRs read, and the report.
 */
export async function checkDrift(branches: ConfigBranches, inputs: DriftInputs, github: GitHubConnection | undefined): Promise<DriftOutcome> {
  const { config } = branches;
  const environments = selectEnvironments(config, inputs.environments);
  const selected = selectApps(config, inputs.apps, branches.main.root);
  const { items: apps, partition } = takeShard(selected, (app) => app.name, inputs.shard);
  if (inputs.shard) core.info(`${describeShard(inputs.shard, apps.length, selected.length, 'app')}.`);
  const targets = environments.flatMap((env) => apps.map((app) => configuredTarget(app, env, inputs.controllerSettings)));
  const controllers = await openControllers(targets, inputs.connections);
  try {
    const sources: DriftSources = {
      main: branches.main,
      branchOf: (env) => branches.branchOf(env),
      now: Date.now(),
      argocd: controllers.argocd,
      flux: controllers.flux,
    };
    if (github) sources.promotionPr = await promotionPrLookup(github);
    const head = sources.main.head;
    const settings = {
      config,
      environments,
      apps,
      staleAfterMs: inputs.staleAfterMs,
      maxSkew: maxSkewLimits(config, inputs.maxSkew),
      controllerSettings: inputs.controllerSettings,
    };
    const report = await core.group(
      `Checking ${countOf(apps.length, 'app')} in ${environments.map((env) => env.name).join(', ')} against ${head.branch} at ${head.sha.slice(0, 7)}`,
      () => collectDrift(settings, sources),
    );
    return { report, partition };
  } finally {
    await controllers.close();
  }
}

async function promotionPrLookup(github: GitHubConnection): Promise<NonNullable<DriftSources['promotionPr']>> {
  const pulls = await listPromotionPrs(github.client, github.owner, github.repo).catch((error: unknown) => {
    throw new UserError(
      `Could not list the open promotion pull requests of ${github.repository} (the token needs pull-requests: read): ${(error as Error).message}`,
    );
  });
  return (from, to, app) => {
    const pull = findPromotionPr(pulls, from, to, app);
    return pull && { number: pull.number, url: pull.url };
  };
}

/** The chain's environments, or the subset the `environment` input names (in chain order). */
function selectEnvironments(config: PromotionConfig, names: readonly string[]) {
  const chain = promotionChain(config);
  if (names.length === 0) return chain;
  names.forEach((name) => findEnvironment(config, name, 'environment'));
  return chain.filter((env) => names.includes(env.name));
}

/** The config's apps (or those `apps` names); a config without apps has them discovered from `{app}` overlays. */
function selectApps(config: PromotionConfig, names: readonly string[], root: string): AppConfig[] {
  const all: AppConfig[] =
    config.apps.length > 0
      ? config.apps
      : [...new Set(config.environments.flatMap((env) => resolveEnvironmentOverlays(root, config, env).map((found) => found.app)).filter(Boolean))].map(
          (name) => ({ name, images: [], environments: {} }),
        );
  if (names.length === 0) return all;
  return names.map((name) => {
    const app = all.find((candidate) => candidate.name === name);
    if (!app)
      throw new InputError('apps', `unknown app '${name}'; the promotion config declares ${all.map((candidate) => candidate.name).join(', ') || 'none'}.`);
    return app;
  });
}

/** The config's per-environment max-skew, overridden by the input's. */
function maxSkewLimits(config: PromotionConfig, input: string): Map<string, MaxSkew> {
  const limits = new Map<string, MaxSkew>();
  for (const env of config.environments) {
    const limit = env.maxSkew === undefined ? undefined : parseMaxSkew(env.maxSkew);
    if (limit) limits.set(env.name, limit);
  }
  for (const [name, limit] of parseMaxSkewInput(
    input,
    config.environments.map((env) => env.name),
  ))
    limits.set(name, limit);
  return limits;
}
