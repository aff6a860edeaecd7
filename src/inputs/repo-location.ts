import { resolve } from 'node:path';
import type { RepoLocation } from '../types.js';
import type { GitHubTarget } from '../types.js';
import { readFolder } from './read-inputs.js';

/** A checkout when `path` is set; else GitHub's API when the repository and a token are known; else the working folder. */
export function readRepoLocation(github: GitHubTarget): RepoLocation {
  const path = readFolder('path');
  if (path !== '') return { kind: 'checkout', path };
  if (github.repository !== '' && github.token !== '') return { kind: 'github-api' };
  return { kind: 'checkout', path: resolve('.'), missing: github.repository === '' ? 'repository' : 'token' };
}
