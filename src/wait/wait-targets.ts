import { findEnvironment, type PromotionConfig } from '../config/promotion-config.js';
import { requirePromotionConfig } from '../config/load-config.js';
import { argoTarget, configuredTarget, fluxTarget, type WaitTarget } from '../controllers/controller-targets.js';
import { InputError } from '../errors.js';
import { controllerSettingsFor } from '../config/environment-settings.js';
import type { WaitInputs } from './wait-inputs.js';

/**
 * The objects to wait on: named by the argocd-app / flux-name inputs, or
 * looked up in the promotion config for `environment` and `apps`.
 */
export function resolveWaitTargets(inputs: WaitInputs, config: PromotionConfig | undefined): WaitTarget[] {
  const named = inputs.argocdApps.length > 0 || inputs.fluxNames.length > 0;
  const targets = named ? targetsFromInputs(inputs) : targetsFromConfig(inputs, config);
  const labels = new Set<string>();
  for (const target of targets) {
    if (labels.has(target.label)) throw new InputError('apps', `'${target.label}' is named twice.`);
    labels.add(target.label);
  }
  return targets;
}

function targetsFromInputs(inputs: WaitInputs): WaitTarget[] {
  const { settings } = inputs;
  const controller = settings.controller ?? (inputs.argocdApps.length > 0 ? 'argocd' : 'flux');
  if (inputs.argocdApps.length > 0 && inputs.fluxNames.length > 0 && !settings.controller) {
    throw new InputError('controller', 'both argocd-app and flux-name are given; say which controller to wait on.');
  }
  if (controller === 'argocd') {
    if (inputs.argocdApps.length === 0)
      throw new InputError('argocd-app', 'is required with controller: argocd (or give environment and apps from the promotion config).');
    return inputs.argocdApps.map((text) => argoTarget(text));
  }
  if (inputs.fluxNames.length === 0)
    throw new InputError('flux-name', 'is required with controller: flux (or give environment and apps from the promotion config).');
  const { fluxKind, fluxNamespace } = controllerSettingsFor(settings, undefined);
  return inputs.fluxNames.map((name) => fluxTarget(fluxKind, name, fluxNamespace));
}

function targetsFromConfig(inputs: WaitInputs, loaded: PromotionConfig | undefined): WaitTarget[] {
  if (!inputs.environment) {
    throw new InputError('argocd-app', 'name the objects to wait on: argocd-app or flux-name, or environment (and apps) from the promotion config.');
  }
  const config = requirePromotionConfig(loaded, 'environment', `'${inputs.environment}'`);
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
