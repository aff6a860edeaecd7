const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  ENVIRONMENT_DEFAULTS,
  FLUX_DEFAULTS
} from "./chunk-ZZABWA7U.js";

// src/config/environment-settings.ts
function settingsFor(set, environment) {
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
      mergeMethod: set.mergeMethod ?? pr.mergeMethod
    },
    policy: {
      protected: set.protected ?? configured.protected,
      requireDigest: set.requireDigest ?? configured.requireDigest
    }
  };
}
function controllerSettingsFor(set, environment, ref = {}) {
  return {
    controller: set.controller ?? ref.controller ?? environment?.controller,
    fluxKind: set.fluxKind ?? ref.fluxKind ?? FLUX_DEFAULTS.kind,
    fluxNamespace: set.fluxNamespace ?? ref.fluxNamespace ?? FLUX_DEFAULTS.namespace
  };
}

export {
  settingsFor,
  controllerSettingsFor
};
