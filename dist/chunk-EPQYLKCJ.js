const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  DEFAULT_CONFIG_FILE
} from "./chunk-42JSCESC.js";
import {
  readString
} from "./chunk-2TLWLIFK.js";
import {
  InputError
} from "./chunk-KBKTDO2V.js";

// src/inputs/config-inputs.ts
function readConfigFile() {
  const named = readString("config").trim();
  const file = named || DEFAULT_CONFIG_FILE;
  if (file.split(/[\\/]/).includes("..") || file.startsWith("/")) {
    throw new InputError("config", `'${file}' must be a path inside the config repo.`);
  }
  return { file, named: named !== "" };
}

export {
  readConfigFile
};
