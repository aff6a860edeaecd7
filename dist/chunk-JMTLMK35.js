import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);

// src/config/config-file-name.ts
var DEFAULT_CONFIG_FILE = "gitops-promote.yaml";

export {
  DEFAULT_CONFIG_FILE
};
