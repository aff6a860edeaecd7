import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  InputError
} from "./chunk-EVMGEMOW.js";

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
