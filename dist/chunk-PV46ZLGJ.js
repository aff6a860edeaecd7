const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  argoAppLabel,
  parseArgoAppRef
} from "./chunk-SZ7I6FF2.js";
import {
  controllerSettingsFor
} from "./chunk-VMVPPYNY.js";
import {
  InputError
} from "./chunk-KBKTDO2V.js";

// src/controllers/controller-targets.ts
function configuredTarget(app, env, settings) {
  const ref = app.environments[env.name] ?? {};
  const { controller, fluxKind, fluxNamespace } = controllerSettingsFor(settings, env, ref);
  const defaultName = `${app.name}-${env.name}`;
  if (controller === "argocd") return argoTarget(ref.argocdApp ?? defaultName);
  if (controller === "flux") return fluxTarget(fluxKind, ref.fluxName ?? defaultName, fluxNamespace);
  return void 0;
}
function argoTarget(text) {
  if (!/^([a-z0-9][-a-z0-9.]*\/)?[a-z0-9][-a-z0-9.]*$/.test(text)) {
    throw new InputError("argocd-app", `'${text}' is not an application name (name, or namespace/name).`);
  }
  const ref = parseArgoAppRef(text);
  return { controller: "argocd", label: argoAppLabel(ref), ref };
}
function fluxTarget(kind, name, namespace) {
  if (!/^[a-z0-9][-a-z0-9.]*$/.test(name)) throw new InputError("flux-name", `'${name}' is not a Kubernetes object name.`);
  return { controller: "flux", label: `${kind}/${namespace}/${name}`, kind, name, namespace };
}

export {
  configuredTarget,
  argoTarget,
  fluxTarget
};
