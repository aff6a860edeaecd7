const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  explainRefusedWrite,
  gatherSetupFacts,
  judgeSetup
} from "./chunk-KQKQS6AD.js";
import "./chunk-XRRH6I6C.js";
import "./chunk-WACLQDPL.js";
import "./chunk-ANR6TANQ.js";
import "./chunk-NZZWJ5E7.js";
import "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";
export {
  explainRefusedWrite,
  gatherSetupFacts,
  judgeSetup
};
