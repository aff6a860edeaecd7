const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  error,
  notice,
  warning
} from "./chunk-NZZWJ5E7.js";

// src/log/log-once.ts
var said = /* @__PURE__ */ new Set();
function isFirstMention(key) {
  if (said.has(key)) return false;
  said.add(key);
  return true;
}
function errorOnce(message, properties = {}) {
  if (isFirstMention(`error
${message}
${JSON.stringify(properties)}`)) error(message, properties);
}
function noticeOnce(message, properties = {}) {
  if (isFirstMention(`notice
${message}
${JSON.stringify(properties)}`)) notice(message, properties);
}
function warningOnce(message, properties = {}) {
  if (isFirstMention(`warning
${message}
${JSON.stringify(properties)}`)) warning(message, properties);
}

export {
  isFirstMention,
  errorOnce,
  noticeOnce,
  warningOnce
};
