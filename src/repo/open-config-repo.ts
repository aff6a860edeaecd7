import { InputError } from '../errors.js';
import type { GitHubAccess, GitHubConnection } from '../github/github-connection.js';
import { withGitHubDiagnosis } from '../github/github-diagnosis.js';
import { loadPromotionConfig, type ConfigFile } from '../config/load-config.js';
import type { RepoLocation } from '../types.js';
import type { PromotionConfig } from '../config/promotion-config.js';
import type { ConfigRepo, Snapshot } from './config-repo.js';
import { LocalCheckout } from './local-checkout.js';

export interface OpenedRepo {
  repo: ConfigRepo;
  snapshot: Snapshot;
  branch: string;
  config: PromotionConfig | undefined;
}

/** The config repo at `location`, not yet opened: for a command that reads one file (check-setup). */
export async function connectConfigRepo(location: RepoLocation, github: GitHubAccess): Promise<ConfigRepo> {
  if (location.kind === 'checkout') return new LocalCheckout(location.path, { push: false });
  const connection = await github.connect();
  const { GitHubApiRepo } = await import('./github-api-repo.js');
  return new GitHubApiRepo(connection.client, connection.owner, connection.repo);
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
    /**
     * Only read (validate, wait): a plain folder will do, git or not, and a
     * checkout's branch is not held to the environment's.
     */
    readOnly?: boolean;
    /** GitHub, connected only when the location is the API (a checkout pushes with git). */
    github: GitHubAccess;
    configFile: ConfigFile;
    /** The `branch` of the environment the command lands in, read from the config. */
    environmentBranch?: (config: PromotionConfig | undefined) => string | undefined;
  },
): Promise<OpenedRepo> {
  const configured = (config: PromotionConfig | undefined): string | undefined => (options.branch ? undefined : options.environmentBranch?.(config));
  if (location.kind === 'checkout') {
    const repo = new LocalCheckout(location.path, { push: options.push });
    const isCheckout = (await repo.git.topLevel()) !== undefined;
    if (!isCheckout && options.readOnly) {
      const snapshot = { root: location.path, commit: '' };
      return { repo, snapshot, branch: '', config: await loadPromotionConfig(snapshot.root, options.configFile) };
    }
    if (!isCheckout) {
      if (location.missing === 'repository') {
        throw new InputError(
          'repository',
          'is needed: path is empty and the working folder is not a git checkout; name the config repo as owner/name (with token) to work through the ' +
            'GitHub API, or set path to a checkout of it.',
        );
      }
      if (location.missing === 'token') {
        throw new InputError(
          'token',
          'is needed: path is empty and the working folder is not a git checkout, so the config repo is reached through the GitHub API; pass a token ' +
            '(or set path to a checkout).',
        );
      }
      throw new InputError(
        'path',
        `'${location.path}' is not inside a git repository; check out the config repo first (actions/checkout), or leave path empty to work through ` +
          `the GitHub API.`,
      );
    }
    // A checkout's snapshot is its work tree, whichever branch it is on; the branch matters only to the push. Two git questions, asked at once.
    const [current, snapshot] = await Promise.all([repo.git.currentBranch(), repo.open()]);
    const config = await loadPromotionConfig(snapshot.root, options.configFile);
    const wanted = configured(config);
    if (wanted && current && current !== wanted && !options.readOnly) {
      throw new InputError(
        'path',
        `the environment lands on branch '${wanted}' (its branch in the promotion config), but the checkout is on '${current}'; check out '${wanted}' ` +
          `(actions/checkout with ref: ${wanted}), or name the branch input.`,
      );
    }
    return { repo, snapshot, branch: options.branch || current || wanted || '', config };
  }
  const connection = await options.github.connect();
  // Loaded only on this path, as Octokit is (by connect): a checkout starts without either.
  const { GitHubApiRepo } = await import('./github-api-repo.js');
  const repo = new GitHubApiRepo(connection.client, connection.owner, connection.repo);
  try {
    let branch = options.branch || (await defaultBranch(connection));
    let snapshot = await repo.open(branch);
    let config = await loadPromotionConfig(snapshot.root, options.configFile);
    const wanted = configured(config) ?? (options.branch ? undefined : config?.branch);
    if (wanted && wanted !== branch) {
      branch = wanted;
      snapshot = await repo.open(branch);
      config = await loadPromotionConfig(snapshot.root, options.configFile);
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

/**
 * The frame of every command that lands in the config repo (set-image, promote, rollback, release): a refused GitHub
 * write explained, the repo opened on the branch to land on, `work` run on it, and the repo disposed of whatever happens.
 */
export async function inConfigRepoToLand<T>(
  location: RepoLocation,
  options: Parameters<typeof openConfigRepo>[1],
  work: (opened: OpenedRepo) => Promise<T>,
): Promise<T> {
  return withGitHubDiagnosis(options.github, { mode: 'write' }, async () => {
    const opened = await openConfigRepo(location, options);
    try {
      return await work(opened);
    } finally {
      await opened.repo.dispose();
    }
  });
}
