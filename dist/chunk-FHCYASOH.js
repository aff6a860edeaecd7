const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  InputError,
  UserError
} from "./chunk-KBKTDO2V.js";
import {
  KUSTOMIZATION_FILE_NAMES
} from "./chunk-OKDCWDB5.js";

// src/repo/kustomization-folders.ts
import { readdirSync, realpathSync, existsSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
var SKIPPED_FOLDERS = /* @__PURE__ */ new Set([".git", "node_modules"]);
function findKustomizationFolders(root, base, maxDepth, matches) {
  const found = [];
  const walk = (relativeDir, depth) => {
    const absolute = relativeDir === "." ? root : join(root, relativeDir);
    let entries;
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch {
      return;
    }
    if (relativeDir !== "." && matches(relativeDir) && entries.some((entry) => isKustomizationFileName(entry.name))) found.push(relativeDir);
    if (depth >= maxDepth) return;
    for (const entry of entries.filter((candidate) => candidate.isDirectory() && !SKIPPED_FOLDERS.has(candidate.name)).sort(byName)) {
      walk(relativeDir === "." ? entry.name : `${relativeDir}/${entry.name}`, depth + 1);
    }
  };
  walk(base, base === "." ? 0 : base.split("/").length);
  return found;
}
function findEveryKustomization(root, input) {
  const realRoot = realpathSync(root);
  const folders = findKustomizationFolders(realRoot, ".", Infinity, (relativeDir) => !relativeDir.split("/").some((part) => part.startsWith(".")));
  if (folders.length === 0) throw new InputError(input, "'**' matches no folder with a kustomization file.");
  return folders.map((folder) => describeOverlay(realRoot, folder, "**", input));
}
function isKustomizationFileName(name) {
  return KUSTOMIZATION_FILE_NAMES.includes(name);
}
function byName(a, b) {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
var realPath = (path) => realpathSync.native(path);
function insideRoot(root, target) {
  return target === root || target.startsWith(root + sep);
}
function describeOverlay(root, folder, raw, input) {
  const absolute = join(root, folder);
  if (!existsSync(absolute)) throw new InputError(input, `'${raw}' does not exist in the config repo.`);
  const real = realPath(absolute);
  if (!insideRoot(root, real)) throw new InputError(input, `'${raw}' is a symlink that leaves the config repo.`);
  if (!statSync(real).isDirectory()) throw new InputError(input, `'${raw}' is not a folder.`);
  const names = new Set(readdirSync(real));
  const present = KUSTOMIZATION_FILE_NAMES.filter((name) => names.has(name));
  if (present.length === 0) {
    throw new InputError(input, `'${raw}' has no kustomization file (${KUSTOMIZATION_FILE_NAMES.join(", ")}).`);
  }
  if (present.length > 1) {
    throw new UserError(`${folder} has both ${present.join(" and ")}; kustomize refuses a folder with more than one kustomization file.`);
  }
  const fileName = present[0];
  const absoluteFile = join(absolute, fileName);
  if (!insideRoot(root, realPath(absoluteFile))) {
    throw new InputError(input, `'${folder}/${fileName}' is a symlink that leaves the config repo.`);
  }
  const path = relative(root, absolute).split(sep).join("/") || ".";
  return { path, file: path === "." ? fileName : `${path}/${fileName}`, absolutePath: absolute, absoluteFile };
}

export {
  findKustomizationFolders,
  findEveryKustomization,
  describeOverlay
};
