const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  annotate,
  annotateFindings,
  annotationPrefix,
  reportJson,
  showValidationReport,
  validationFailure,
  writeValidationSummary
} from "./chunk-2LMJVUMU.js";
import "./chunk-MJQOG5ZV.js";
import "./chunk-WACLQDPL.js";
import "./chunk-JDTB43W2.js";
import "./chunk-NZZWJ5E7.js";
import "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";
export {
  annotate,
  annotateFindings,
  annotationPrefix,
  reportJson,
  showValidationReport,
  validationFailure,
  writeValidationSummary
};
