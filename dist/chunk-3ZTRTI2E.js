import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  readString
} from "./chunk-2K47BRRI.js";
import {
  DEFAULT_CONFIG_FILE
} from "./chunk-JMTLMK35.js";
import {
  InputError
} from "./chunk-EVMGEMOW.js";

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
