import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { DEFAULT_CONFIG_FILE, findEnvironment, type Environment, type PromotionConfig } from './promotion-config.js';

/** Where the promotion config is in the config repo: the `config` input, else the default file (which may be absent). */
export interface ConfigFile {
  /** Repo-relative path. */
  file: string;
  /** The `config` input named it, so it must exist. */
  named: boolean;
}

export const DEFAULT_CONFIG: ConfigFile = { file: DEFAULT_CONFIG_FILE, named: false };

/**
 * The promotion config in a folder holding the config repo (a checkout or a
 * branch's files). Without it, inputs alone work, unless the input named it.
 * The parser (YAML and the schema validator) loads only when there is a file
 * to parse: a run without a config, or refused for the lack of one, starts without it.
 */
export async function loadPromotionConfig(root: string, configFile: ConfigFile): Promise<PromotionConfig | undefined> {
  const absolute = join(root, configFile.file);
  if (!existsSync(absolute)) {
    if (configFile.named) throw new InputError('config', `'${configFile.file}' does not exist in the config repo.`);
    return undefined;
  }
  const text = readFileSync(absolute, 'utf8');
  const { parsePromotionConfig } = await import('./parse-promotion-config.js');
  return parsePromotionConfig(text, configFile.file);
}

/**
 * The config, where something needs it: `input` is the input that asked for
 * it (environment, say), `what` finishes "… needs the promotion config".
 */
export function requirePromotionConfig(config: PromotionConfig | undefined, input: string, what: string): PromotionConfig {
  if (!config) throw new InputError(input, `${what} needs the promotion config (${DEFAULT_CONFIG_FILE} at the config repo root, or the config input).`);
  return config;
}

/** The environment an `environment` input names, from the config (which must then exist); undefined for ''. */
export function environmentNamed(config: PromotionConfig | undefined, name: string, input = 'environment'): Environment | undefined {
  if (name === '') return undefined;
  return findEnvironment(requirePromotionConfig(config, input, `'${name}'`), name, input);
}
