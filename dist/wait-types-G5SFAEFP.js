const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  checkingMessage,
  relationOf,
  shortSha
} from "./chunk-W3WLHFYS.js";
import "./chunk-2QGGJF6Q.js";
export {
  checkingMessage,
  relationOf,
  shortSha
};
