const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  UserError
} from "./chunk-KBKTDO2V.js";

// src/config/promotion-config.ts
var ENVIRONMENT_DEFAULTS = {
  landing: "commit",
  pullRequest: { autoMerge: false, mergeMethod: "squash", reviewers: [], teamReviewers: [], labels: [], assignees: [], draft: false, checklist: [] },
  protected: false,
  requireDigest: false
};
var FLUX_DEFAULTS = { kind: "Kustomization", namespace: "flux-system" };
function findEnvironment(config, name, input) {
  const env = config.environments.find((candidate) => candidate.name === name);
  if (!env) {
    throw new UserError(`Input '${input}': unknown environment '${name}'; the promotion config declares ${config.environments.map((e) => e.name).join(", ")}.`);
  }
  return env;
}
function environmentPins(config, environment) {
  return config.apps.flatMap((app) => app.environments[environment]?.pins ?? []);
}
function promotionChain(config) {
  const roots = config.environments.filter((env) => env.from === void 0);
  const chain = [];
  const visit = (env) => {
    chain.push(env);
    for (const next of config.environments.filter((candidate) => candidate.from === env.name)) visit(next);
  };
  roots.forEach(visit);
  return chain;
}

export {
  ENVIRONMENT_DEFAULTS,
  FLUX_DEFAULTS,
  findEnvironment,
  environmentPins,
  promotionChain
};
