const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  resolveOverlays
} from "./chunk-RC6PCYM2.js";
import "./chunk-NQ32NAFZ.js";
import "./chunk-FHCYASOH.js";
import "./chunk-KBKTDO2V.js";
import "./chunk-OKDCWDB5.js";
import "./chunk-2QGGJF6Q.js";
export {
  resolveOverlays
};
