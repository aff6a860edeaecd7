const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));

// src/controllers/argocd/argocd-types.ts
var MANIFEST_GENERATE_PATHS = "argocd.argoproj.io/manifest-generate-paths";
function parseArgoAppRef(text) {
  const parts = text.split("/", 2);
  const [first] = parts;
  const second = parts.at(1);
  return second === void 0 ? { name: first } : { namespace: first, name: second };
}
var argoAppLabel = (ref) => ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;

export {
  MANIFEST_GENERATE_PATHS,
  parseArgoAppRef,
  argoAppLabel
};
