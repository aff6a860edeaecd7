import * as core from '@actions/core';
import { UserError } from '../errors.js';
import { resolveEnvironmentOverlays } from '../repo/environment-overlays.js';
import type { AppConfig, Environment, PromotionConfig } from '../config/promotion-config.js';
import type { ArgoCdClient } from '../controllers/argocd/argocd-client.js';
import type { FluxClient } from '../controllers/flux/flux-client.js';
import type { WorkflowSettings } from '../config/environment-settings.js';

import type { ConfigBranch } from './config-history.js';
import { readArgoApplication, readFluxObject, type ControllerTarget } from './controller-state.js';
import { configuredTarget } from '../controllers/controller-targets.js';
import { pinnedValueIn, readDeclaredImages } from './declared-images.js';
import { readHold } from '../holds/read-hold.js';
import {
  driftItemsOf,
  type AppReport,
  type DeclaredImages,
  type DriftReport,
  type EnvironmentHold,
  type EnvironmentReport,
  type Finding,
  type Skew,
} from './drift-types.js';
import { argoRevisionsToCheck, fluxRevisionsToCheck, judgeArgoDrift, judgeFluxDrift, type ControllerJudgement, type RevisionStanding } from './judge-drift.js';
import { describeMaxSkew, exceedsMaxSkew, type MaxSkew } from './max-skew.js';
import { computeSkew, describeSkew, skewReadsPast } from './skew.js';
import type { Overlay } from '../types.js';

export interface DriftSettings {
  config: PromotionConfig;
  /** The environments to check, in chain order. */
  environments: Environment[];
  apps: AppConfig[];
  staleAfterMs: number;
  maxSkew: ReadonlyMap<string, MaxSkew>;
  /** controller, flux-kind and flux-namespace as the workflow set them. */
  controllerSettings: WorkflowSettings;
}

export interface DriftSources {
  /** The promotion config's branch (the report's head). */
  main: ConfigBranch;
  /** The branch an environment's overlays live on. */
  branchOf: (env: Environment) => Promise<ConfigBranch>;
  now: number;
  argocd?: ArgoCdClient;
  flux?: FluxClient;
  /** The open promotion pull request from one environment to the next for an app, if any. */
  promotionPr?: (from: string, to: string, app: string) => { number: number; url: string } | undefined;
}

/** An app's overlays on a branch (whose files are at `root`, where its pins are read too), or why they are missing. */
type OverlayLookup = { overlays: Overlay[]; root: string } | { missing: string };

/**
 * Reads everything a drift report needs, one app and environment at a time:
 * the overlays' declared images, the controller's state, and the skew against
 * the environment before. Findings become report items; nothing is written anywhere.
 */
export async function collectDrift(settings: DriftSettings, sources: DriftSources): Promise<DriftReport> {
  const declaredCache = new Map<string, Promise<DeclaredImages | undefined>>();
  const declaredFor = (env: Environment, app: AppConfig, lookup: OverlayLookup): Promise<DeclaredImages | undefined> => {
    const key = `${env.name}\0${app.name}`;
    let declared = declaredCache.get(key);
    if (!declared) {
      declared =
        'missing' in lookup ? Promise.resolve(undefined) : readDeclaredImages(lookup.overlays, app.images, app.environments[env.name]?.pins, lookup.root);
      declaredCache.set(key, declared);
    }
    return declared;
  };
  const byName = new Map(settings.config.environments.map((env) => [env.name, env]));

  const environments: EnvironmentReport[] = [];
  let shallow = false;
  for (const env of settings.environments) {
    const limit = settings.maxSkew.get(env.name);
    const branch = await sources.branchOf(env);
    shallow ||= branch.shallow;
    const apps: AppReport[] = [];
    for (const app of settings.apps) {
      const lookup = findOverlays(settings, branch.root, env, app);
      if ('missing' in lookup) {
        apps.push({ app: app.name, findings: [{ kind: 'missing-overlay', message: lookup.missing }] });
        continue;
      }
      const declared = await declaredFor(env, app, lookup);
      const findings: Finding[] = [];
      const judged = await judgeController(
        settings,
        sources,
        branch,
        env,
        app,
        declared,
        // A revision is behind when a later commit changed the app's overlays or its pins' files.
        [...lookup.overlays.map((overlay) => overlay.path), ...(app.environments[env.name]?.pins ?? []).map((pin) => pin.file)],
      );
      findings.push(...judged.findings);
      const from = env.from ? byName.get(env.from) : undefined;
      const skew = from && declared ? await skewAgainst(from, env, app, declared, { settings, sources, declaredFor }) : undefined;
      const beyond = skew && skew.status !== 'same' && skew.status !== 'ahead' ? exceedsMaxSkew(skew, limit) : undefined;
      if (skew && beyond && limit) {
        const pr = skew.promotionPr ? `; promotion PR #${skew.promotionPr.number} is open` : '; no promotion PR is open';
        findings.push({ kind: 'skew', message: `${describeSkew(skew)}: ${beyond} (max-skew ${describeMaxSkew(limit)})${pr}` });
      }
      apps.push({ app: app.name, declared, controller: judged.view, skew, findings });
    }
    const head = branch === sources.main ? {} : { head: { branch: branch.head.branch, sha: branch.head.sha } };
    const hold = await holdOf(branch.root, env.name, sources.now);
    environments.push({ name: env.name, from: env.from, maxSkew: limit ? describeMaxSkew(limit) : undefined, ...head, ...(hold ? { hold } : {}), apps });
  }

  const items = driftItemsOf(environments);
  const notes: string[] = [];
  if (shallow) notes.push('The checkout is shallow: versions behind and since-when only see the fetched history. Check out with fetch-depth: 0.');
  return {
    generatedAt: new Date(sources.now).toISOString(),
    head: { branch: sources.main.head.branch, sha: sources.main.head.sha },
    drifted: items.some((item) => item.drift),
    environments,
    items,
    notes,
  };
}

function findOverlays(settings: DriftSettings, root: string, env: Environment, app: AppConfig): OverlayLookup {
  try {
    // One app in, one entry out.
    return { overlays: resolveEnvironmentOverlays(root, { ...settings.config, apps: [app] }, env).flatMap((entry) => entry.overlays), root };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return {
      missing:
        `the overlay the promotion config names does not exist or has no kustomization ` +
        `(${error.message.replace(/^Environment '[^']+', app '[^']+': /, '')})`,
    };
  }
}

async function judgeController(
  settings: DriftSettings,
  sources: DriftSources,
  branch: ConfigBranch,
  env: Environment,
  app: AppConfig,
  declared: DeclaredImages | undefined,
  paths: string[],
): Promise<Partial<ControllerJudgement> & { findings: Finding[] }> {
  const target = configuredTarget(app, env, settings.controllerSettings);
  if (!target) return { findings: [] };
  const read = await readTarget(target, sources);
  if (!read.found) {
    const view = { controller: target.controller, object: target.label, found: false };
    return { view, findings: [{ kind: read.reason === 'unknown' ? 'unknown-app' : 'unreachable', message: read.message }] };
  }
  const revisions = read.argo ? argoRevisionsToCheck(read.argo) : fluxRevisionsToCheck(read.flux);
  const standings = new Map<string, RevisionStanding>();
  for (const revision of revisions) standings.set(revision, await branch.history.standing(revision, paths));
  const context = { head: branch.head, now: sources.now, staleAfterMs: settings.staleAfterMs, declared, standings };
  const judged = read.argo ? judgeArgoDrift(read.argo, context) : judgeFluxDrift(read.flux, context);
  core.info(
    `${env.name} / ${app.name}: ${judged.view.object} ${judged.view.sync ?? ''} ` +
      `${judged.view.health ?? ''}${judged.findings.map((f) => ` · ${f.kind}: ${f.message}`).join('')}`,
  );
  return judged;
}

async function readTarget(target: ControllerTarget, sources: DriftSources) {
  if (target.controller === 'argocd') {
    if (!sources.argocd) throw new UserError(`App '${target.label}' runs on Argo CD: give argocd-server and argocd-token.`);
    const read = await readArgoApplication(sources.argocd, target.ref);
    return read.found ? { found: true as const, argo: read.object } : read;
  }
  if (!sources.flux) throw new UserError(`${target.label} runs on Flux: give kubeconfig.`);
  const read = await readFluxObject(sources.flux, target);
  return read.found ? { found: true as const, flux: read.object } : read;
}

interface SkewContext {
  settings: DriftSettings;
  sources: DriftSources;
  declaredFor: (env: Environment, app: AppConfig, lookup: OverlayLookup) => Promise<DeclaredImages | undefined>;
}

async function skewAgainst(from: Environment, env: Environment, app: AppConfig, declared: DeclaredImages, context: SkewContext): Promise<Skew | undefined> {
  const earlierBranch = await context.sources.branchOf(from);
  const earlier = await context.declaredFor(from, app, findOverlays(context.settings, earlierBranch.root, from, app));
  if (!earlier?.version || !declared.version) return undefined;
  const { file, image } = earlier.version;
  const pin = app.environments[from.name]?.pins.find((candidate) => candidate.file === file);
  const history = await earlierBranch.history.imageHistory(file, image, skewReadsPast(earlier.version, declared.version), pin && pinnedValueIn(pin));
  const skew = computeSkew(earlier.version, declared.version, history, context.sources.now, !earlierBranch.shallow);
  const promotionPr = context.sources.promotionPr?.(from.name, env.name, app.name);
  return { from: from.name, ...skew, earlier: strip(earlier.version), later: strip(declared.version), ...(promotionPr ? { promotionPr } : {}) };
}

const strip = ({ tag, digest }: { tag: string; digest: string }): { tag: string; digest: string } => ({ tag, digest });

/** The environment's hold file, as the report shows it (a file that does not parse fails the check in one line naming it). */
async function holdOf(root: string, environment: string, now: number): Promise<EnvironmentHold | undefined> {
  const found = await readHold(root, environment, now);
  if (!found) return undefined;
  const { who, when, why, until } = found.hold;
  return { file: found.file, who, when, why, ...(until ? { until } : {}), standing: found.standing };
}
