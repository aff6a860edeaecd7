const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  mapWithLimit,
  runProcess
} from "./chunk-QBU2F7BR.js";
import "./chunk-2QGGJF6Q.js";
export {
  mapWithLimit,
  runProcess
};
