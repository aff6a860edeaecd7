const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  GitCommitGraph
} from "./chunk-QT6GZBGT.js";
import "./chunk-2QGGJF6Q.js";
export {
  GitCommitGraph
};
