import { InputError } from '../errors.js';
import { DEFAULT_CONFIG_FILE, findEnvironment, type AppConfig, type Environment } from '../config/promotion-config.js';
import { loadPromotionConfig } from '../config/load-config.js';
import { parseArgoAppRef, argoAppLabel, type ArgoAppRef } from './argocd/argocd-types.js';
import type { WaitInputs } from './wait-inputs.js';
import { controllerSettingsFor, type FluxKind, type WorkflowSettings } from '../inputs/environment-settings.js';

export interface ArgoTarget {
  controller: 'argocd';
  label: string;
  ref: ArgoAppRef;
}

export interface FluxTarget {
  controller: 'flux';
  label: string;
  kind: FluxKind;
  name: string;
  namespace: string;
}

export type WaitTarget = ArgoTarget | FluxTarget;

/**
 * The objects to wait on: named by the argocd-app / flux-name inputs, or
 * looked up in the promotion config for `environment` and `apps`.
 */
export function resolveWaitTargets(inputs: WaitInputs): WaitTarget[] {
  const named = inputs.argocd.apps.length > 0 || inputs.flux.names.length > 0;
  const targets = named ? targetsFromInputs(inputs) : targetsFromConfig(inputs);
  const labels = new Set<string>();
  for (const target of targets) {
    if (labels.has(target.label)) throw new InputError('apps', `'${target.label}' is named twice.`);
    labels.add(target.label);
  }
  return targets;
}

function targetsFromInputs(inputs: WaitInputs): WaitTarget[] {
  const { settings } = inputs;
  const controller = settings.controller ?? (inputs.argocd.apps.length > 0 ? 'argocd' : 'flux');
  if (inputs.argocd.apps.length > 0 && inputs.flux.names.length > 0 && !settings.controller) {
    throw new InputError('controller', 'both argocd-app and flux-name are given; say which controller to wait on.');
  }
  if (controller === 'argocd') {
    if (inputs.argocd.apps.length === 0) throw new InputError('argocd-app', 'is required with controller: argocd (or give environment and apps from the promotion config).');
    return inputs.argocd.apps.map((text) => argoTarget(text));
  }
  if (inputs.flux.names.length === 0) throw new InputError('flux-name', 'is required with controller: flux (or give environment and apps from the promotion config).');
  const { fluxKind, fluxNamespace } = controllerSettingsFor(settings, undefined);
  return inputs.flux.names.map((name) => fluxTarget(fluxKind, name, fluxNamespace));
}

function targetsFromConfig(inputs: WaitInputs): WaitTarget[] {
  if (!inputs.environment) {
    throw new InputError('argocd-app', 'name the objects to wait on: argocd-app or flux-name, or environment (and apps) from the promotion config.');
  }
  const config = loadPromotionConfig(inputs.path);
  if (!config) throw new InputError('environment', `needs the promotion config (${DEFAULT_CONFIG_FILE} in '${inputs.path}', input path, or the config input).`);
  const env = findEnvironment(config, inputs.environment, 'environment');
  const appNames = inputs.apps.length > 0 ? inputs.apps : config.apps.filter((app) => app.environments[env.name]).map((app) => app.name);
  if (appNames.length === 0) throw new InputError('apps', `the promotion config lists no apps for environment '${env.name}'.`);
  return appNames.map((appName) => {
    const app = config.apps.find((candidate) => candidate.name === appName);
    if (!app) throw new InputError('apps', `unknown app '${appName}'; the promotion config declares ${config.apps.map((a) => a.name).join(', ') || 'none'}.`);
    const target = configuredTarget(app, env, inputs.settings);
    if (!target) throw new InputError('controller', `neither the input nor the promotion config says which controller runs app '${appName}' in '${env.name}'.`);
    return target;
  });
}

/**
 * The controller object that runs `app` in `env`, as the promotion config
 * names it; `<app>-<environment>` when it names none (the common convention).
 * Undefined when neither the `controller` input nor the config says which controller.
 */
export function configuredTarget(app: AppConfig, env: Environment, settings: WorkflowSettings): WaitTarget | undefined {
  const ref = app.environments[env.name] ?? {};
  const { controller, fluxKind, fluxNamespace } = controllerSettingsFor(settings, env, ref);
  const defaultName = `${app.name}-${env.name}`;
  if (controller === 'argocd') return argoTarget(ref.argocdApp ?? defaultName);
  if (controller === 'flux') return fluxTarget(fluxKind, ref.fluxName ?? defaultName, fluxNamespace);
  return undefined;
}

function argoTarget(text: string): ArgoTarget {
  if (!/^([a-z0-9][-a-z0-9.]*\/)?[a-z0-9][-a-z0-9.]*$/.test(text)) {
    throw new InputError('argocd-app', `'${text}' is not an application name (name, or namespace/name).`);
  }
  const ref = parseArgoAppRef(text);
  return { controller: 'argocd', label: argoAppLabel(ref), ref };
}

function fluxTarget(kind: FluxTarget['kind'], name: string, namespace: string): FluxTarget {
  if (!/^[a-z0-9][-a-z0-9.]*$/.test(name)) throw new InputError('flux-name', `'${name}' is not a Kubernetes object name.`);
  return { controller: 'flux', label: `${kind}/${namespace}/${name}`, kind, name, namespace };
}
