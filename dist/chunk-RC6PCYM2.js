const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  require_picomatch
} from "./chunk-NQ32NAFZ.js";
import {
  describeOverlay,
  findKustomizationFolders
} from "./chunk-FHCYASOH.js";
import {
  InputError
} from "./chunk-KBKTDO2V.js";
import {
  __toESM
} from "./chunk-2QGGJF6Q.js";

// src/repo/overlay-paths.ts
var import_picomatch = __toESM(require_picomatch(), 1);
import { realpathSync } from "node:fs";
import { isAbsolute } from "node:path";
function resolveOverlays(root, patterns, input = "overlays") {
  if (patterns.length === 0) throw new InputError(input, "no overlay folder given; name at least one, such as apps/web/overlays/dev.");
  const realRoot = realpathSync(root);
  const found = /* @__PURE__ */ new Map();
  for (const raw of patterns) {
    const pattern = raw.replace(/\\/g, "/").replace(/^\.\/+/, "").replace(/\/+$/, "") || ".";
    if (isAbsolute(pattern) || /^[a-zA-Z]:/.test(pattern)) throw new InputError(input, `'${raw}' is absolute; give a path relative to the config repo.`);
    if (pattern.split("/").includes("..")) throw new InputError(input, `'${raw}' leaves the config repo ('..' is not allowed).`);
    const folders = import_picomatch.default.scan(pattern).isGlob ? matchFolders(realRoot, pattern) : [pattern];
    if (folders.length === 0) throw new InputError(input, `'${raw}' matches no folder with a kustomization file.`);
    for (const folder of folders) {
      const overlay = describeOverlay(realRoot, folder, raw, input);
      found.set(overlay.path, overlay);
    }
  }
  return [...found.values()];
}
function matchFolders(root, pattern) {
  const isMatch = (0, import_picomatch.default)(pattern, { dot: false });
  const base = import_picomatch.default.scan(pattern).base || ".";
  const maxDepth = /\*\*|\{/.test(pattern) ? Infinity : pattern.split("/").length;
  return findKustomizationFolders(root, base, maxDepth, isMatch);
}

export {
  resolveOverlays
};
