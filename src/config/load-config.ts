import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { readString } from '../inputs/read-inputs.js';
import { DEFAULT_CONFIG_FILE, findEnvironment, parsePromotionConfig, type Environment, type PromotionConfig } from './promotion-config.js';

/**
 * The promotion config of a checkout: the file the `config` input names, or
 * gitops-promote.yaml at the repo root when present. Without it, inputs alone work.
 */
export function loadPromotionConfig(root: string): PromotionConfig | undefined {
  const { file, named } = readConfigFile();
  const absolute = join(root, file);
  if (!existsSync(absolute)) {
    if (named) throw new InputError('config', `'${file}' does not exist in the config repo.`);
    return undefined;
  }
  return parsePromotionConfig(readFileSync(absolute, 'utf8'), file);
}

/** The promotion config's path in the config repo (the `config` input, else the default), and whether an input named it. */
export function readConfigFile(): { file: string; named: boolean } {
  const named = readString('config').trim();
  const file = named || DEFAULT_CONFIG_FILE;
  if (file.split(/[\\/]/).includes('..') || file.startsWith('/')) {
    throw new InputError('config', `'${file}' must be a path inside the config repo.`);
  }
  return { file, named: named !== '' };
}

/** The environment an `environment` input names, from the config (which must then exist). */
export function environmentFromInput(root: string, input = 'environment'): { config: PromotionConfig; environment: Environment } | undefined {
  const name = readString(input);
  if (name === '') return undefined;
  const config = loadPromotionConfig(root);
  if (!config) {
    throw new InputError(input, `'${name}' needs the promotion config (${DEFAULT_CONFIG_FILE} at the config repo root, or the config input).`);
  }
  return { config, environment: findEnvironment(config, name, input) };
}
