import type { AppConfig, ControllerRef, Environment } from '../config/promotion-config.js';
import { InputError } from '../errors.js';
import { controllerSettingsFor, type FluxKind, type WorkflowSettings } from '../config/environment-settings.js';
import { argoAppLabel, parseArgoAppRef, type ArgoAppRef } from './argocd/argocd-types.js';

/** An Argo CD Application a command follows or reads. */
export interface ArgoTarget {
  controller: 'argocd';
  label: string;
  ref: ArgoAppRef;
}

/** A Flux Kustomization or HelmRelease a command follows or reads. */
export interface FluxTarget {
  controller: 'flux';
  label: string;
  kind: FluxKind;
  name: string;
  namespace: string;
}

export type WaitTarget = ArgoTarget | FluxTarget;

/**
 * The controller object that runs `app` in `env`, as the promotion config
 * names it; `<app>-<environment>` when it names none (the common convention).
 * Undefined when neither the `controller` input nor the config says which controller.
 */
export function configuredTarget(app: AppConfig, env: Environment, settings: WorkflowSettings): WaitTarget | undefined {
  const ref: Partial<ControllerRef> = app.environments[env.name] ?? {};
  const { controller, fluxKind, fluxNamespace } = controllerSettingsFor(settings, env, ref);
  const defaultName = `${app.name}-${env.name}`;
  if (controller === 'argocd') return argoTarget(ref.argocdApp ?? defaultName);
  if (controller === 'flux') return fluxTarget(fluxKind, ref.fluxName ?? defaultName, fluxNamespace);
  return undefined;
}

/** An Argo CD app named `name` or `namespace/name`. */
export function argoTarget(text: string): ArgoTarget {
  if (!/^([a-z0-9][-a-z0-9.]*\/)?[a-z0-9][-a-z0-9.]*$/.test(text)) {
    throw new InputError('argocd-app', `'${text}' is not an application name (name, or namespace/name).`);
  }
  const ref = parseArgoAppRef(text);
  return { controller: 'argocd', label: argoAppLabel(ref), ref };
}

export function fluxTarget(kind: FluxKind, name: string, namespace: string): FluxTarget {
  if (!/^[a-z0-9][-a-z0-9.]*$/.test(name)) throw new InputError('flux-name', `'${name}' is not a Kubernetes object name.`);
  return { controller: 'flux', label: `${kind}/${namespace}/${name}`, kind, name, namespace };
}
