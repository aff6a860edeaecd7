const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  warning
} from "./chunk-NZZWJ5E7.js";

// src/validate/validation-settings.ts
function withPolicy(schema, policy) {
  if (policy.requireDigest && !policy.protected) {
    warning("require-digest applies to protected environments only; set protected: true for it to take effect.");
  }
  return { ...schema, policy };
}

export {
  withPolicy
};
