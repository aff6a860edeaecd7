const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  argoTarget,
  configuredTarget,
  fluxTarget
} from "./chunk-PV46ZLGJ.js";
import "./chunk-SZ7I6FF2.js";
import {
  controllerSettingsFor
} from "./chunk-VMVPPYNY.js";
import {
  openConfigRepo
} from "./chunk-AFYX2MWJ.js";
import {
  requirePromotionConfig
} from "./chunk-INDTGZUY.js";
import "./chunk-HUSS5IF7.js";
import {
  findEnvironment
} from "./chunk-ZZABWA7U.js";
import "./chunk-42JSCESC.js";
import {
  InputError
} from "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";

// src/wait/wait-targets.ts
function resolveWaitTargets(inputs, config) {
  const named = inputs.argocdApps.length > 0 || inputs.fluxNames.length > 0;
  const targets = named ? targetsFromInputs(inputs) : targetsFromConfig(inputs, config);
  const labels = /* @__PURE__ */ new Set();
  for (const target of targets) {
    if (labels.has(target.label)) throw new InputError("apps", `'${target.label}' is named twice.`);
    labels.add(target.label);
  }
  return targets;
}
function targetsFromInputs(inputs) {
  const { settings } = inputs;
  const controller = settings.controller ?? (inputs.argocdApps.length > 0 ? "argocd" : "flux");
  if (inputs.argocdApps.length > 0 && inputs.fluxNames.length > 0 && !settings.controller) {
    throw new InputError("controller", "both argocd-app and flux-name are given; say which controller to wait on.");
  }
  if (controller === "argocd") {
    if (inputs.argocdApps.length === 0)
      throw new InputError("argocd-app", "is required with controller: argocd (or give environment and apps from the promotion config).");
    return inputs.argocdApps.map((text) => argoTarget(text));
  }
  if (inputs.fluxNames.length === 0)
    throw new InputError("flux-name", "is required with controller: flux (or give environment and apps from the promotion config).");
  const { fluxKind, fluxNamespace } = controllerSettingsFor(settings, void 0);
  return inputs.fluxNames.map((name) => fluxTarget(fluxKind, name, fluxNamespace));
}
function targetsFromConfig(inputs, loaded) {
  if (!inputs.environment) {
    throw new InputError("argocd-app", "name the objects to wait on: argocd-app or flux-name, or environment (and apps) from the promotion config.");
  }
  const config = requirePromotionConfig(loaded, "environment", `'${inputs.environment}'`);
  const env = findEnvironment(config, inputs.environment, "environment");
  const appNames = inputs.apps.length > 0 ? inputs.apps : config.apps.filter((app) => app.environments[env.name]).map((app) => app.name);
  if (appNames.length === 0) throw new InputError("apps", `the promotion config lists no apps for environment '${env.name}'.`);
  return appNames.map((appName) => {
    const app = config.apps.find((candidate) => candidate.name === appName);
    if (!app) throw new InputError("apps", `unknown app '${appName}'; the promotion config declares ${config.apps.map((a) => a.name).join(", ") || "none"}.`);
    const target = configuredTarget(app, env, inputs.settings);
    if (!target) throw new InputError("controller", `neither the input nor the promotion config says which controller runs app '${appName}' in '${env.name}'.`);
    return target;
  });
}

// src/wait/run-wait.ts
async function runWait(inputs, context) {
  const started = Date.now();
  const opened = await openConfigRepo(inputs.location, { branch: "", push: false, readOnly: true, github: context.github, configFile: context.configFile });
  await opened.repo.dispose();
  const targets = resolveWaitTargets(inputs, opened.config);
  const { waitForObjects } = await import("./wait-for-objects-M7NKHQNJ.js");
  return waitForObjects(targets, opened.snapshot.root, inputs, context, started);
}
export {
  runWait
};
