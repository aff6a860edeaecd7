const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  ConfigHistory,
  HISTORY_LIMIT,
  findImageEntry,
  imageValueIn,
  isUnder,
  looksLikeCommit
} from "./chunk-LEE5FHFF.js";
import "./chunk-JBFM3YNM.js";
import "./chunk-KBKTDO2V.js";
import "./chunk-54KBGAUC.js";
import "./chunk-2QGGJF6Q.js";
export {
  ConfigHistory,
  HISTORY_LIMIT,
  findImageEntry,
  imageValueIn,
  isUnder,
  looksLikeCommit
};
