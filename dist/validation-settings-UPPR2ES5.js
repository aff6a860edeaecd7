const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  withPolicy
} from "./chunk-MDCDCH3H.js";
import "./chunk-NZZWJ5E7.js";
import "./chunk-2QGGJF6Q.js";
export {
  withPolicy
};
