const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));

// src/drift/drift-types.ts
function driftItem(environment, app, finding) {
  return { ...finding, environment, app, key: `${finding.kind}:${environment}:${app}`, drift: finding.kind !== "pending" };
}
function driftItemsOf(environments) {
  return environments.flatMap((env) => env.apps.flatMap((app) => app.findings.map((finding) => driftItem(env.name, app.app, finding))));
}
var formatImageValue = (value) => [value.tag, value.digest ? `@${value.digest.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]+$/, "$1\u2026")}` : ""].join("") || "(none)";

export {
  driftItemsOf,
  formatImageValue
};
