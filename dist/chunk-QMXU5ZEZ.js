const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  setImagesInKustomization
} from "./chunk-IOLMHO56.js";
import {
  parseKustomization
} from "./chunk-JBFM3YNM.js";

// src/kustomize/plan-edits.ts
import { readFileSync } from "node:fs";
function planEdits(overlays, args) {
  return overlays.map((overlay) => planFileEdit(overlay, readFileSync(overlay.absoluteFile, "utf8"), args));
}
function planFileEdit(overlay, original, args) {
  const parsed = parseKustomization(original, overlay.file);
  const { text, changes } = setImagesInKustomization(original, args, overlay.file, parsed);
  const kind = parsed.root?.get("kind");
  return { overlay, original, text, changes, entries: parsed.entries, isComponent: kind === "Component" };
}

export {
  planEdits,
  planFileEdit
};
