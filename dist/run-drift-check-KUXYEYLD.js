const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  keepTrackingIssueIfAsked,
  runDriftCheck
} from "./chunk-74MN5E5O.js";
import "./chunk-EUVYLUSK.js";
import "./chunk-AYLTYS5U.js";
import "./chunk-EHT7P7ML.js";
import "./chunk-EMG35EUQ.js";
import "./chunk-RTLM2UYK.js";
import "./chunk-ZZABWA7U.js";
import "./chunk-42JSCESC.js";
import "./chunk-DXG4JEVT.js";
import "./chunk-ANP2IKMI.js";
import "./chunk-WACLQDPL.js";
import "./chunk-NZZWJ5E7.js";
import "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";
export {
  keepTrackingIssueIfAsked,
  runDriftCheck
};
