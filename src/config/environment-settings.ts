import { ENVIRONMENT_DEFAULTS, FLUX_DEFAULTS, type ControllerRef, type Environment, type PullRequestSettings } from './promotion-config.js';
import type { EnvironmentPolicy } from '../types.js';

/**
 * The settings an input and the promotion config can both carry, and the one
 * rule between them: an input the workflow set wins, else the config, else
 * the built-in default (ENVIRONMENT_DEFAULTS, beside the config's own).
 *
 * GitHub passes every input of action.yml with its default, so an input that
 * had a default could never fall back to the config: these inputs have none,
 * and an empty one is one the workflow did not set. A unit test holds
 * action.yml to that.
 */
export const CONFIG_SETTABLE_INPUTS = [
  'branch',
  'landing',
  'reviewers',
  'team-reviewers',
  'labels',
  'assignees',
  'draft',
  'auto-merge',
  'merge-method',
  'protected',
  'require-digest',
  'controller',
  'max-skew',
  'flux-kind',
  'flux-namespace',
  'overlays',
  'from',
] as const;

export type Landing = Environment['landing'];
export type ControllerName = 'argocd' | 'flux';
export type FluxKind = 'Kustomization' | 'HelmRelease';

/** What the workflow set of those settings; undefined where it set nothing. */
export interface WorkflowSettings {
  landing?: Landing;
  reviewers?: string[];
  teamReviewers?: string[];
  labels?: string[];
  assignees?: string[];
  draft?: boolean;
  autoMerge?: boolean;
  mergeMethod?: PullRequestSettings['mergeMethod'];
  protected?: boolean;
  requireDigest?: boolean;
  controller?: ControllerName;
  fluxKind?: FluxKind;
  fluxNamespace?: string;
}

/** An environment's settings once the rule is applied. */
export interface EnvironmentSettings {
  landing: Landing;
  pullRequest: PullRequestSettings;
  /** What the environment asks of its images (validate's policy checks). */
  policy: EnvironmentPolicy;
}

/** `environment` is undefined when no environment of the config applies (overlays named by input): inputs, then the built-in defaults. */
export function settingsFor(set: WorkflowSettings, environment: Environment | undefined): EnvironmentSettings {
  const configured = environment ?? ENVIRONMENT_DEFAULTS;
  const pr = configured.pullRequest;
  return {
    landing: set.landing ?? configured.landing,
    pullRequest: {
      ...pr,
      reviewers: set.reviewers ?? pr.reviewers,
      teamReviewers: set.teamReviewers ?? pr.teamReviewers,
      labels: set.labels ?? pr.labels,
      assignees: set.assignees ?? pr.assignees,
      draft: set.draft ?? pr.draft,
      autoMerge: set.autoMerge ?? pr.autoMerge,
      mergeMethod: set.mergeMethod ?? pr.mergeMethod,
    },
    policy: {
      protected: set.protected ?? configured.protected,
      requireDigest: set.requireDigest ?? configured.requireDigest,
    },
  };
}

export interface ControllerSettings {
  controller: ControllerName | undefined;
  fluxKind: FluxKind;
  fluxNamespace: string;
}

/** Which controller runs an app in an environment, and the Flux object's kind and namespace, by the same rule. */
export function controllerSettingsFor(set: WorkflowSettings, environment: Environment | undefined, ref: Partial<ControllerRef> = {}): ControllerSettings {
  return {
    controller: set.controller ?? ref.controller ?? environment?.controller,
    fluxKind: set.fluxKind ?? ref.fluxKind ?? FLUX_DEFAULTS.kind,
    fluxNamespace: set.fluxNamespace ?? ref.fluxNamespace ?? FLUX_DEFAULTS.namespace,
  };
}
