const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  keepTrackingIssueIfAsked,
  runDriftCheck
} from "./chunk-AKKJ6T5Z.js";
import "./chunk-EUVYLUSK.js";
import "./chunk-AFYX2MWJ.js";
import "./chunk-INDTGZUY.js";
import "./chunk-HUSS5IF7.js";
import "./chunk-ZZABWA7U.js";
import "./chunk-42JSCESC.js";
import "./chunk-WACLQDPL.js";
import "./chunk-NZZWJ5E7.js";
import "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";
export {
  keepTrackingIssueIfAsked,
  runDriftCheck
};
