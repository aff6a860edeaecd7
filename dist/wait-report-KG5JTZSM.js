const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  appsOutput,
  describeObjects,
  overallHealth,
  syncedRevision,
  waitOutputs,
  waitSummaryMarkdown
} from "./chunk-6BFWFVZU.js";
import "./chunk-W3WLHFYS.js";
import "./chunk-MJQOG5ZV.js";
import "./chunk-2QGGJF6Q.js";
export {
  appsOutput,
  describeObjects,
  overallHealth,
  syncedRevision,
  waitOutputs,
  waitSummaryMarkdown
};
