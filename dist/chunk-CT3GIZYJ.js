import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);

// src/types.ts
var COMMIT_SHA_VARIABLE = "GITOPS_PROMOTE_COMMIT_SHA";

export {
  COMMIT_SHA_VARIABLE
};
