const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  KUSTOMIZATION_FILE_NAMES
} from "./chunk-OKDCWDB5.js";
import {
  require_dist
} from "./chunk-54KBGAUC.js";
import {
  __toESM
} from "./chunk-2QGGJF6Q.js";

// src/validate/kustomization-references.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
function kustomizationFileIn(directory) {
  return KUSTOMIZATION_FILE_NAMES.map((name) => join(directory, name)).find((file) => existsSync(file));
}
var cache = /* @__PURE__ */ new Map();
function readKustomizationReferences(directory, useCache = true) {
  const absolute = resolve(directory);
  if (useCache && cache.has(absolute)) return cache.get(absolute);
  const result = readFresh(absolute);
  cache.set(absolute, result);
  return result;
}
function clearKustomizationCache() {
  cache.clear();
}
function readFresh(directory) {
  const file = kustomizationFileIn(directory);
  if (!file) return void 0;
  let content;
  try {
    const parsed = (0, import_yaml.parse)(readFileSync(file, "utf8"));
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return void 0;
    content = parsed;
  } catch {
    return void 0;
  }
  const references = {
    directory,
    file,
    kind: typeof content.kind === "string" ? content.kind : "Kustomization",
    folders: [],
    files: [],
    patches: []
  };
  const local = (entry) => typeof entry === "string" && !/^[a-z]+:\/\//i.test(entry) && !entry.includes("?ref=") && !entry.startsWith("git@") ? join(directory, entry) : void 0;
  for (const entry of [...list(content.resources), ...list(content.bases), ...list(content.components)]) {
    const target = local(entry);
    if (!target || !existsSync(target)) continue;
    if (statSync(target).isDirectory()) references.folders.push(target);
    else references.files.push(target);
  }
  for (const entry of list(content.patches)) addPatch(references, local, entry);
  for (const entry of list(content.patchesStrategicMerge)) addPatch(references, local, typeof entry === "string" ? { path: entry } : entry);
  for (const entry of list(content.patchesJson6902)) addPatch(references, local, entry);
  for (const generator of [...list(content.configMapGenerator), ...list(content.secretGenerator)]) {
    const { files, envs, env } = generator;
    for (const source of [...list(files), ...list(envs), env]) {
      const path = typeof source === "string" ? local(source.includes("=") ? source.slice(source.indexOf("=") + 1) : source) : void 0;
      if (path && existsSync(path)) references.files.push(path);
    }
  }
  for (const entry of [...list(content.configurations), ...list(content.crds), ...list(content.replacements)]) {
    const path = local(typeof entry === "string" ? entry : entry?.path);
    if (path && existsSync(path) && statSync(path).isFile()) references.files.push(path);
  }
  return references;
}
function addPatch(references, local, entry) {
  if (!entry || typeof entry !== "object") return;
  const { path, target } = entry;
  const file = local(path);
  if (!file || !existsSync(file)) return;
  references.files.push(file);
  references.patches.push({ file, target: target && typeof target === "object" ? { kind: target.kind, name: target.name } : void 0 });
}
function list(value) {
  return Array.isArray(value) ? value : [];
}
function kustomizationClosure(directory) {
  const seen = /* @__PURE__ */ new Set();
  const result = [];
  const visit = (folder) => {
    const absolute = resolve(folder);
    if (seen.has(absolute)) return;
    seen.add(absolute);
    const references = readKustomizationReferences(absolute);
    if (!references) return;
    result.push(references);
    references.folders.forEach(visit);
  };
  visit(directory);
  return result;
}

export {
  kustomizationFileIn,
  readKustomizationReferences,
  clearKustomizationCache,
  kustomizationClosure
};
