import { UserError } from '../errors.js';
import { DEFAULT_CONFIG_FILE } from './config-file-name.js';
import type { GateConfig } from './gate-config.js';
import type { Pin } from '../types.js';

export { DEFAULT_CONFIG_FILE };

/**
 * The promotion config (`gitops-promote.yaml` at the config repo's root): the
 * ordered environments, how changes land in each, and optionally each app's
 * images and controller objects. Inputs override it; without it, inputs alone work.
 *
 * This module is the config's shape and its lookups, with no parser: a command that only
 * asks whether a config exists, or names an environment, starts without the YAML parser
 * and the schema validator (parse-promotion-config.ts, loaded when a config is read).
 */

/**
 * What an environment is when neither the config nor an input says otherwise.
 * The inputs that can override these have no default in action.yml, so these
 * are the only defaults (src/inputs/environment-settings.ts applies them).
 */
export const ENVIRONMENT_DEFAULTS: Readonly<Pick<Environment, 'landing' | 'pullRequest' | 'protected' | 'requireDigest'>> = {
  landing: 'commit',
  pullRequest: { autoMerge: false, mergeMethod: 'squash', reviewers: [], teamReviewers: [], labels: [], assignees: [], draft: false, checklist: [] },
  protected: false,
  requireDigest: false,
};

/** The Flux object an app's controller entry names, when it names no kind or namespace. */
export const FLUX_DEFAULTS = { kind: 'Kustomization', namespace: 'flux-system' } as const;

export interface PullRequestSettings {
  autoMerge: boolean;
  mergeMethod: 'merge' | 'squash' | 'rebase';
  reviewers: string[];
  teamReviewers: string[];
  labels: string[];
  assignees: string[];
  draft: boolean;
  checklist: string[];
  titleTemplate?: string;
}

export interface Environment {
  name: string;
  /** Overlay folder patterns; `{app}` stands for an app's name. [] when the apps pin their images only through pins. */
  overlays: string[];
  /** The environment whose images this one receives (the previous one by default). */
  from?: string;
  branch?: string;
  landing: 'commit' | 'pull-request';
  pullRequest: PullRequestSettings;
  protected: boolean;
  requireDigest: boolean;
  controller?: 'argocd' | 'flux';
  /** Skew beyond which drift-check reports drift: a number of versions, or `Nd` days. */
  maxSkew?: number | string;
  /** What a promotion into this environment must pass before it lands; undefined for none. */
  gates?: GateConfig;
}

export interface ControllerRef {
  controller?: 'argocd' | 'flux';
  argocdApp?: string;
  fluxKind?: 'Kustomization' | 'HelmRelease';
  fluxName?: string;
  fluxNamespace?: string;
  overlays?: string[];
  /** The places besides overlays that pin the app's images here, `{app}` filled in; [] for none. */
  pins: Pin[];
}

export interface AppConfig {
  name: string;
  images: string[];
  /** Only the environments the app names have an entry. */
  environments: Partial<Record<string, ControllerRef>>;
}

export interface PromotionConfig {
  branch?: string;
  environments: Environment[];
  apps: AppConfig[];
}

export function findEnvironment(config: PromotionConfig, name: string, input: string): Environment {
  const env = config.environments.find((candidate) => candidate.name === name);
  if (!env) {
    throw new UserError(`Input '${input}': unknown environment '${name}'; the promotion config declares ${config.environments.map((e) => e.name).join(', ')}.`);
  }
  return env;
}

/** Every app's pins in an environment, `{app}` filled in. */
export function environmentPins(config: PromotionConfig, environment: string): Pin[] {
  return config.apps.flatMap((app) => app.environments[environment]?.pins ?? []);
}

/** The environments from the first to the last, following `from` links (dev, staging, production). */
export function promotionChain(config: PromotionConfig): Environment[] {
  const roots = config.environments.filter((env) => env.from === undefined);
  const chain: Environment[] = [];
  const visit = (env: Environment): void => {
    chain.push(env);
    for (const next of config.environments.filter((candidate) => candidate.from === env.name)) visit(next);
  };
  roots.forEach(visit);
  return chain;
}
