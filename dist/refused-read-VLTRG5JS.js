const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  explainRefusedRead
} from "./chunk-UUF5BKN3.js";
import "./chunk-ANR6TANQ.js";
import "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";
export {
  explainRefusedRead
};
