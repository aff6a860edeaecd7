const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  describeRequestError,
  isRequestError,
  readFailureKind,
  statusOf
} from "./chunk-ANR6TANQ.js";
import "./chunk-2QGGJF6Q.js";
export {
  describeRequestError,
  isRequestError,
  readFailureKind,
  statusOf
};
