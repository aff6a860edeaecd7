import { Ajv, type ErrorObject } from 'ajv';
import { parse } from 'yaml';
import { UserError, yamlErrorText } from '../errors.js';
import { PROMOTION_CONFIG_SCHEMA } from './config-schema.js';
import { DEFAULT_CONFIG_FILE } from './config-file-name.js';
import { GateConfigError, parseGates, type GateConfig, type RawGates } from './gate-config.js';
import { pinForApp, pinsOf, type RawPin } from './pin-config.js';
import type { Pin } from '../types.js';

export { DEFAULT_CONFIG_FILE };

/**
 * The promotion config (`gitops-promote.yaml` at the config repo's root): the
 * ordered environments, how changes land in each, and optionally each app's
 * images and controller objects. Inputs override it; without it, inputs alone work.
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

type RawPullRequest = Partial<Record<'auto-merge' | 'draft', boolean>> &
  Partial<Record<'reviewers' | 'team-reviewers' | 'labels' | 'assignees' | 'checklist', string[]>> & {
    'merge-method'?: PullRequestSettings['mergeMethod'];
    'title-template'?: string;
  };

interface RawEnvironment {
  name: string;
  overlays?: string | string[];
  from?: string;
  branch?: string;
  landing?: Environment['landing'];
  'pull-request'?: RawPullRequest;
  protected?: boolean;
  'require-digest'?: boolean;
  controller?: Environment['controller'];
  'max-skew'?: number | string;
  gates?: RawGates;
}

/** An app's entry for one environment, as the schema (controllerRef) allows it. */
interface RawControllerRef {
  controller?: ControllerRef['controller'];
  'argocd-app'?: string;
  'flux-kind'?: ControllerRef['fluxKind'];
  'flux-name'?: string;
  'flux-namespace'?: string;
  overlays?: string | string[];
  pins?: RawPin[];
}

interface RawConfig {
  branch?: string;
  environments: RawEnvironment[];
  apps?: Record<string, { images?: string[]; environments?: Record<string, RawControllerRef> }>;
}

let validator: ReturnType<Ajv['compile']> | undefined;

export function parsePromotionConfig(text: string, file = DEFAULT_CONFIG_FILE): PromotionConfig {
  let raw: unknown;
  try {
    raw = parse(text, { prettyErrors: true });
  } catch (error) {
    throw new UserError(`${file} is not valid YAML: ${yamlErrorText(error)}.`);
  }
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(PROMOTION_CONFIG_SCHEMA);
  if (!validator(raw)) throw new UserError(`${file}: ${describeSchemaError(validator.errors ?? [], raw)}`);
  return normalise(raw as RawConfig, file);
}

function describeSchemaError(errors: ErrorObject[], raw: unknown): string {
  // The most specific error is the most useful one: prefer unknown keys, then the deepest path.
  const sorted = [...errors].sort(
    (a, b) => Number(b.keyword === 'additionalProperties') - Number(a.keyword === 'additionalProperties') || b.instancePath.length - a.instancePath.length,
  );
  const error = sorted[0];
  const where = error.instancePath ? readablePath(error.instancePath, raw) : 'the top level';
  if (error.keyword === 'additionalProperties') {
    return `unknown key '${(error.params as { additionalProperty: string }).additionalProperty}' in ${where}.`;
  }
  if (error.keyword === 'enum') return `${where} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}.`;
  return `${where} ${error.message ?? 'is invalid'}.`;
}

/** `/environments/1/pull-request` → `environment 'staging' > pull-request`, which a reader can find. */
function readablePath(pointer: string, raw: unknown): string {
  const parts = pointer.slice(1).split('/');
  const [kind] = parts;
  const key = parts.at(1);
  if (kind === 'environments' && key !== undefined) {
    const env = (raw as { environments?: Array<{ name?: unknown } | undefined> }).environments?.[Number(key)];
    const label = typeof env?.name === 'string' ? `environment '${env.name}'` : `environments[${key}]`;
    return [label, ...parts.slice(2)].join(' > ');
  }
  if (kind === 'apps' && key !== undefined) return [`app '${key}'`, ...parts.slice(2)].join(' > ');
  return parts.join(' > ');
}

function normalise(raw: RawConfig, file: string): PromotionConfig {
  const names = new Set<string>();
  const environments = raw.environments.map((env, index): Environment => {
    if (names.has(env.name)) throw new UserError(`${file}: environment '${env.name}' is declared twice.`);
    names.add(env.name);
    const pr = env['pull-request'] ?? {};
    const defaults = ENVIRONMENT_DEFAULTS.pullRequest;
    return {
      name: env.name,
      overlays: env.overlays === undefined ? [] : toList(env.overlays),
      from: env.from ?? (index > 0 ? raw.environments[index - 1].name : undefined),
      branch: env.branch,
      landing: env.landing ?? ENVIRONMENT_DEFAULTS.landing,
      pullRequest: {
        autoMerge: pr['auto-merge'] ?? defaults.autoMerge,
        mergeMethod: pr['merge-method'] ?? defaults.mergeMethod,
        reviewers: pr.reviewers ?? [],
        teamReviewers: pr['team-reviewers'] ?? [],
        labels: pr.labels ?? [],
        assignees: pr.assignees ?? [],
        draft: pr.draft ?? defaults.draft,
        checklist: pr.checklist ?? [],
        titleTemplate: pr['title-template'],
      },
      protected: env.protected ?? ENVIRONMENT_DEFAULTS.protected,
      requireDigest: env['require-digest'] ?? ENVIRONMENT_DEFAULTS.requireDigest,
      controller: env.controller,
      maxSkew: env['max-skew'],
      gates: env.gates && gatesOf(env.gates, env.name, file),
    };
  });
  for (const env of environments) {
    if (env.from !== undefined && !names.has(env.from)) {
      throw new UserError(`${file}: environment '${env.name}' promotes from '${env.from}', which is not declared.`);
    }
  }
  refuseCycles(environments, file);

  const apps = Object.entries(raw.apps ?? {}).map(([name, app]): AppConfig => {
    const refs: Record<string, ControllerRef> = {};
    for (const [envName, ref] of Object.entries(app.environments ?? {})) {
      if (!names.has(envName)) throw new UserError(`${file}: app '${name}' names environment '${envName}', which is not declared.`);
      refs[envName] = {
        controller: ref.controller,
        argocdApp: ref['argocd-app'],
        fluxKind: ref['flux-kind'],
        fluxName: ref['flux-name'],
        fluxNamespace: ref['flux-namespace'],
        overlays: ref.overlays === undefined ? undefined : toList(ref.overlays),
        pins: pinsOf(ref.pins ?? [], app.images ?? [], `${file}: app '${name}' > environments > ${envName}`).map((pin) => pinForApp(pin, name)),
      };
    }
    return { name, images: app.images ?? [], environments: refs };
  });
  return { branch: raw.branch, environments, apps };
}

function gatesOf(raw: RawGates, env: string, file: string): GateConfig {
  try {
    return parseGates(raw);
  } catch (error) {
    if (error instanceof GateConfigError) throw new UserError(`${file}: environment '${env}' > gates > ${error.key}: ${error.message}`);
    throw error;
  }
}

function toList(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

function refuseCycles(environments: readonly Environment[], file: string): void {
  const byName = new Map(environments.map((env) => [env.name, env]));
  for (const start of environments) {
    const seen = [start.name];
    for (let env = start; env.from !== undefined;) {
      const next = byName.get(env.from);
      // Checked before: every `from` names a declared environment.
      if (!next) throw new Error(`internal: environment '${env.from}' is not declared`);
      env = next;
      if (seen.includes(env.name)) {
        throw new UserError(`${file}: environments promote in a cycle: ${[...seen.slice(seen.indexOf(env.name)), env.name].join(' → ')}.`);
      }
      seen.push(env.name);
    }
  }
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
