const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  REPORT_FILE_FORMAT,
  driftReportFile,
  parseReportFile,
  validateReportFile,
  writeReportFile
} from "./chunk-G2VD546V.js";
import "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";
export {
  REPORT_FILE_FORMAT,
  driftReportFile,
  parseReportFile,
  validateReportFile,
  writeReportFile
};
