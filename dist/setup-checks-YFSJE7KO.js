const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  explainRefusedWrite,
  gatherSetupFacts,
  judgeSetup
} from "./chunk-6DIPDBYI.js";
import "./chunk-ZHSOAFBE.js";
import "./chunk-DXG4JEVT.js";
import "./chunk-WACLQDPL.js";
import "./chunk-NZZWJ5E7.js";
import "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";
export {
  explainRefusedWrite,
  gatherSetupFacts,
  judgeSetup
};
