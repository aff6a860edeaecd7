const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));

// src/config/config-file-name.ts
var DEFAULT_CONFIG_FILE = "gitops-promote.yaml";

export {
  DEFAULT_CONFIG_FILE
};
