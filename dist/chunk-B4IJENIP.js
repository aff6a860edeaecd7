const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  resolveOverlays
} from "./chunk-RC6PCYM2.js";
import {
  UserError
} from "./chunk-KBKTDO2V.js";

// src/repo/environment-overlays.ts
var APP_PLACEHOLDER = "{app}";
function resolveEnvironmentOverlays(root, config, env, input = "environment") {
  const templated = env.overlays.some((pattern) => pattern.includes(APP_PLACEHOLDER));
  if (!templated) {
    const own = config.apps.filter((app) => app.environments[env.name]?.overlays);
    if (own.length === 0 && env.overlays.length > 0) return [{ app: "", overlays: resolveOverlays(root, env.overlays, input) }];
  }
  const appNames = config.apps.length > 0 ? config.apps.map((app) => app.name) : discoverApps(root, env.overlays, input);
  return appNames.map((app) => {
    const patterns = config.apps.find((candidate) => candidate.name === app)?.environments[env.name]?.overlays ?? env.overlays;
    if (patterns.length === 0) return { app, overlays: [] };
    try {
      return {
        app,
        overlays: resolveOverlays(
          root,
          patterns.map((pattern) => pattern.replaceAll(APP_PLACEHOLDER, app)),
          input
        )
      };
    } catch (error) {
      throw new UserError(`Environment '${env.name}', app '${app}': ${error.message}`);
    }
  });
}
function discoverApps(root, patterns, input) {
  const apps = /* @__PURE__ */ new Set();
  for (const pattern of patterns.filter((candidate) => candidate.includes(APP_PLACEHOLDER))) {
    const capture = templateMatcher(pattern);
    for (const overlay of resolveOverlays(root, [pattern.replaceAll(APP_PLACEHOLDER, "*")], input)) {
      const app = capture.exec(overlay.path)?.[1];
      if (app) apps.add(app);
    }
  }
  return [...apps].sort();
}
function templateMatcher(pattern) {
  const source = pattern.replace(/^\.\//, "").split(APP_PLACEHOLDER).map(
    (part) => part.replace(/[.+^$()|[\]\\]/g, "\\$&").replace(/\*\*/g, "\0").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]").replace(/\u0000/g, ".*")
  ).join("([^/]+)");
  return new RegExp(`^${source}$`);
}

export {
  APP_PLACEHOLDER,
  resolveEnvironmentOverlays,
  templateMatcher
};
