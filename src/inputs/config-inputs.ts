import { DEFAULT_CONFIG_FILE } from '../config/config-file-name.js';
import type { ConfigFile } from '../config/load-config.js';
import { InputError } from '../errors.js';
import { readString } from './read-inputs.js';

/** The `config` input: the promotion config's path inside the config repo, else the default file. */
export function readConfigFile(): ConfigFile {
  const named = readString('config').trim();
  const file = named || DEFAULT_CONFIG_FILE;
  if (file.split(/[\\/]/).includes('..') || file.startsWith('/')) {
    throw new InputError('config', `'${file}' must be a path inside the config repo.`);
  }
  return { file, named: named !== '' };
}
