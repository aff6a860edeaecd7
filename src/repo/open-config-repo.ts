import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { readFolder } from '../inputs/read-inputs.js';
import { connectToGitHub, readRepository, readToken, type GitHubConnection } from '../github/github-connection.js';
import { loadPromotionConfig } from '../config/load-config.js';
import type { PromotionConfig } from '../config/promotion-config.js';
import type { ConfigRepo, Snapshot } from './config-repo.js';
import { GitHubApiRepo } from './github-api-repo.js';
import { LocalCheckout } from './local-checkout.js';

/**
 * Where the config repo is: a checkout (`path` given), or, without `path`,
 * the `repository` on GitHub reached through the API with no clone. The CLI
 * outside Actions, with neither, works on the current folder.
 */
export type RepoLocation =
  | {
      kind: 'checkout';
      path: string;
      /** Set when path was empty and the working folder stands in: the input that would have named the repo instead. */
      missing?: 'repository' | 'token';
    }
  | { kind: 'github-api' };

export function readRepoLocation(env: NodeJS.ProcessEnv = process.env): RepoLocation {
  const path = readFolder('path');
  if (path !== '') return { kind: 'checkout', path };
  const repository = readRepository(env);
  if (repository !== '' && readToken(env) !== '') return { kind: 'github-api' };
  return { kind: 'checkout', path: resolve('.'), missing: repository === '' ? 'repository' : 'token' };
}

export interface OpenedRepo {
  repo: ConfigRepo;
  snapshot: Snapshot;
  branch: string;
  config: PromotionConfig | undefined;
}

/**
 * Opens the branch to work on: the `branch` input, else the environment's
 * `branch` in the promotion config, else (through the API) the config's
 * top-level `branch`, else the repo's default branch. A checkout stays on its
 * own branch, and must be on the environment's branch when the config sets one.
 */
export async function openConfigRepo(
  location: RepoLocation,
  options: {
    branch: string;
    push: boolean;
    connection?: () => GitHubConnection;
    /** The `branch` of the environment the command lands in, read from the config. */
    environmentBranch?: (config: PromotionConfig | undefined) => string | undefined;
  },
): Promise<OpenedRepo> {
  const configured = (config: PromotionConfig | undefined): string | undefined => (options.branch ? undefined : options.environmentBranch?.(config));
  if (location.kind === 'checkout') {
    const repo = new LocalCheckout(location.path, readRepository(), { push: options.push });
    if (!(await repo.git.topLevel())) {
      if (location.missing === 'repository') {
        throw new InputError('repository', 'is needed: path is empty and the working folder is not a git checkout; name the config repo as owner/name (with token) to work through the GitHub API, or set path to a checkout of it.');
      }
      if (location.missing === 'token') {
        throw new InputError('token', 'is needed: path is empty and the working folder is not a git checkout, so the config repo is reached through the GitHub API; pass a token (or set path to a checkout).');
      }
      throw new InputError('path', `'${location.path}' is not inside a git repository; check out the config repo first (actions/checkout), or leave path empty to work through the GitHub API.`);
    }
    const current = await repo.git.currentBranch();
    const snapshot = await repo.open(options.branch || current || '');
    const config = loadPromotionConfig(snapshot.root);
    const wanted = configured(config);
    if (wanted && current && current !== wanted) {
      throw new InputError('path', `the environment lands on branch '${wanted}' (its branch in the promotion config), but the checkout is on '${current}'; check out '${wanted}' (actions/checkout with ref: ${wanted}), or name the branch input.`);
    }
    return { repo, snapshot, branch: options.branch || current || wanted || '', config };
  }
  const connection = (options.connection ?? (() => connectToGitHub('to work without a checkout (path is empty)')))();
  const repo = new GitHubApiRepo(connection.client, connection.owner, connection.repo);
  try {
    let branch = options.branch || (await defaultBranch(connection));
    let snapshot = await repo.open(branch);
    let config = loadPromotionConfig(snapshot.root);
    const wanted = configured(config) ?? (options.branch ? undefined : config?.branch);
    if (wanted && wanted !== branch) {
      branch = wanted;
      snapshot = await repo.open(branch);
      config = loadPromotionConfig(snapshot.root);
    }
    return { repo, snapshot, branch, config };
  } catch (error) {
    // Nobody else can remove the extracted tarballs of a repo that was never handed out.
    await repo.dispose();
    throw error;
  }
}

async function defaultBranch(connection: GitHubConnection): Promise<string> {
  const { data } = await connection.client.rest.repos.get({ owner: connection.owner, repo: connection.repo });
  return data.default_branch;
}
