const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  ISSUE_MARKER,
  chainDiagram,
  issueBody,
  itemKeysIn,
  summaryMarkdown
} from "./chunk-DBOPO3AK.js";
import "./chunk-JTSTUOVQ.js";
import "./chunk-6QCDGUAS.js";
import "./chunk-W3WLHFYS.js";
import "./chunk-MJQOG5ZV.js";
import "./chunk-WACLQDPL.js";
import "./chunk-IWNANG2Q.js";
import "./chunk-2QGGJF6Q.js";
export {
  ISSUE_MARKER,
  chainDiagram,
  issueBody,
  itemKeysIn,
  summaryMarkdown
};
