const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  clearKustomizationCache,
  kustomizationClosure,
  kustomizationFileIn,
  readKustomizationReferences
} from "./chunk-C6M3IGDC.js";
import "./chunk-OKDCWDB5.js";
import "./chunk-54KBGAUC.js";
import "./chunk-2QGGJF6Q.js";
export {
  clearKustomizationCache,
  kustomizationClosure,
  kustomizationFileIn,
  readKustomizationReferences
};
