const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  COMPARE_FILE_LIMIT,
  GitHubCommitGraph
} from "./chunk-BWNRKEDA.js";
import "./chunk-ANR6TANQ.js";
import "./chunk-2QGGJF6Q.js";
export {
  COMPARE_FILE_LIMIT,
  GitHubCommitGraph
};
