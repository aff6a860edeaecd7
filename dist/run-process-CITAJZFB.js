const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  canRun,
  mapWithLimit,
  runProcess
} from "./chunk-G2JO43PJ.js";
import "./chunk-2QGGJF6Q.js";
export {
  canRun,
  mapWithLimit,
  runProcess
};
