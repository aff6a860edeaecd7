const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  explainRefusedRead
} from "./chunk-JIC4PHBA.js";
import "./chunk-DXG4JEVT.js";
import "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";
export {
  explainRefusedRead
};
