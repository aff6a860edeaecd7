const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  InputError
} from "./chunk-KBKTDO2V.js";

// src/github/repository-name.ts
var OWNER_NAME = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;
function parseOwnerName(input, value) {
  const match = OWNER_NAME.exec(value.trim());
  if (!match) throw new InputError(input, `'${value}' is not a repository as owner/name.`);
  return { owner: match[1], repo: match[2] };
}

export {
  parseOwnerName
};
