const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  readChoice,
  readOptionalBoolean,
  readOptionalList,
  readString
} from "./chunk-2TLWLIFK.js";

// src/inputs/workflow-settings.ts
function readWorkflowSettings() {
  return {
    landing: readChoice("landing", ["commit", "pull-request"], void 0),
    reviewers: readOptionalList("reviewers"),
    teamReviewers: readOptionalList("team-reviewers"),
    labels: readOptionalList("labels"),
    assignees: readOptionalList("assignees"),
    draft: readOptionalBoolean("draft"),
    autoMerge: readOptionalBoolean("auto-merge"),
    mergeMethod: readChoice("merge-method", ["merge", "squash", "rebase"], void 0),
    protected: readOptionalBoolean("protected"),
    requireDigest: readOptionalBoolean("require-digest"),
    controller: readChoice("controller", ["argocd", "flux"], void 0),
    fluxKind: readChoice("flux-kind", ["Kustomization", "HelmRelease"], void 0),
    fluxNamespace: readString("flux-namespace").trim() || void 0
  };
}

export {
  readWorkflowSettings
};
