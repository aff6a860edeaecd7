const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));

// src/types.ts
var PIN_KINDS = ["argocd-application", "argocd-helm-parameters", "helm-values", "helm-release", "image-setters"];
var DEFAULT_IMAGE_PATHS = { repository: "image.repository", tag: "image.tag", digest: "image.digest" };
var KUSTOMIZATION_FILE_NAMES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
var NOW_VARIABLE = "GITOPS_PROMOTE_NOW";
var COMMIT_SHA_VARIABLE = "GITOPS_PROMOTE_COMMIT_SHA";

export {
  PIN_KINDS,
  DEFAULT_IMAGE_PATHS,
  KUSTOMIZATION_FILE_NAMES,
  NOW_VARIABLE,
  COMMIT_SHA_VARIABLE
};
