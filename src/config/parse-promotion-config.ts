import { Ajv, type ErrorObject } from 'ajv';
import { parse } from 'yaml';
import { UserError, yamlErrorText } from '../errors.js';
import { PROMOTION_CONFIG_SCHEMA } from './config-schema.js';
import { DEFAULT_CONFIG_FILE } from './config-file-name.js';
import { GateConfigError, parseGates, type GateConfig, type RawGates } from './gate-config.js';
import { pinForApp, pinsOf, type RawPin } from './pin-config.js';
import {
  ENVIRONMENT_DEFAULTS,
  type AppConfig,
  type ControllerRef,
  type Environment,
  type PromotionConfig,
  type PullRequestSettings,
} from './promotion-config.js';

/**
 * The promotion config's parser: its YAML read and checked against the schema,
 * then normalised into a PromotionConfig (promotion-config.ts). It carries the
 * YAML parser and the schema validator, so it is loaded only where a config is read.
 */

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
