const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  findEnvironment
} from "./chunk-ZZABWA7U.js";
import {
  DEFAULT_CONFIG_FILE
} from "./chunk-42JSCESC.js";
import {
  InputError
} from "./chunk-KBKTDO2V.js";

// src/config/load-config.ts
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
async function loadPromotionConfig(root, configFile) {
  const absolute = join(root, configFile.file);
  if (!existsSync(absolute)) {
    if (configFile.named) throw new InputError("config", `'${configFile.file}' does not exist in the config repo.`);
    return void 0;
  }
  const text = readFileSync(absolute, "utf8");
  const { parsePromotionConfig } = await import("./parse-promotion-config-ZTSQC6R5.js");
  return parsePromotionConfig(text, configFile.file);
}
function requirePromotionConfig(config, input, what) {
  if (!config) throw new InputError(input, `${what} needs the promotion config (${DEFAULT_CONFIG_FILE} at the config repo root, or the config input).`);
  return config;
}
function environmentNamed(config, name, input = "environment") {
  if (name === "") return void 0;
  return findEnvironment(requirePromotionConfig(config, input, `'${name}'`), name, input);
}

export {
  loadPromotionConfig,
  requirePromotionConfig,
  environmentNamed
};
