const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  setOutputs,
  writeSummary
} from "./chunk-JDTB43W2.js";
import "./chunk-NZZWJ5E7.js";
import "./chunk-2QGGJF6Q.js";
export {
  setOutputs,
  writeSummary
};
