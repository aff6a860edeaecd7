import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);

// src/types.ts
var NOW_VARIABLE = "GITOPS_PROMOTE_NOW";
var COMMIT_SHA_VARIABLE = "GITOPS_PROMOTE_COMMIT_SHA";

export {
  NOW_VARIABLE,
  COMMIT_SHA_VARIABLE
};
