import * as core from '@actions/core';
import { InputError, UserError } from '../errors.js';
import { loadPromotionConfig, requirePromotionConfig, type ConfigFile } from '../config/load-config.js';
import type { Environment, PromotionConfig } from '../config/promotion-config.js';
import type { GitHubAccess } from '../github/github-connection.js';
import { Git } from '../repo/git.js';
import { openConfigRepo } from '../repo/open-config-repo.js';
import type { RepoLocation } from '../types.js';
import type { ConfigBranch } from './config-history.js';

/**
 * The config repo as drift-check reads it: the branch the promotion config
 * comes from, and the branch each environment lives on. A checkout is one
 * branch for every environment; through the GitHub API each environment's
 * own branch is fetched (once per branch).
 */
export interface ConfigBranches {
  config: PromotionConfig;
  /** The promotion config's branch: the report's head. */
  main: ConfigBranch;
  branchOf(env: Environment): Promise<ConfigBranch>;
  dispose(): Promise<void>;
}

export async function openConfigBranches(location: RepoLocation, github: GitHubAccess, configFile: ConfigFile): Promise<ConfigBranches> {
  if (location.kind === 'checkout') return openCheckout(location.path, configFile);
  if (!github.available) throw new InputError('token', 'is needed to read the config repo through the GitHub API (path is empty).');
  const connection = await github.connect();
  // A checkout of the config repo in the working folder (actions/checkout) is read as it is: no API requests for history.
  const checkout = await checkoutOf(new Git(process.cwd()), connection.repository);
  if (checkout) {
    core.info(
      `Reading the checkout of ${connection.repository} in ${checkout} (path is empty and the working folder is one); set path to read another folder.`,
    );
    return openCheckout(checkout, configFile);
  }
  return openThroughApi(github, configFile);
}

/** The top folder of the checkout `git` runs in when its origin is `repository` (https or ssh URL), else undefined. */
async function checkoutOf(git: Git, repository: string): Promise<string | undefined> {
  const top = await git.topLevel();
  if (!top) return undefined;
  const origin = (await git.remoteUrl('origin')) ?? '';
  const path = origin
    .replace(/\.git$/, '')
    .replace(/\/+$/, '')
    .toLowerCase();
  const wanted = repository.toLowerCase();
  return path.endsWith(`/${wanted}`) || path.endsWith(`:${wanted}`) ? top : undefined;
}

const requireConfig = (config: PromotionConfig | undefined): PromotionConfig => requirePromotionConfig(config, 'config', 'drift-check');

async function openCheckout(path: string, configFile: ConfigFile): Promise<ConfigBranches> {
  const config = requireConfig(await loadPromotionConfig(path, configFile));
  const main = await checkoutBranch(new Git(path), config.branch);
  const warned = new Set<string>();
  return {
    config,
    main,
    branchOf: (env) => {
      // Every environment is read from this checkout; one that lives on another branch needs its own run.
      if (env.branch && env.branch !== main.head.branch && !warned.has(env.name)) {
        warned.add(env.name);
        core.warning(
          `Environment '${env.name}' lives on branch '${env.branch}', but this checkout is '${main.head.branch}': its overlays and revisions are ` +
            `compared with '${main.head.branch}'. ` +
            `Check it in a run whose checkout is on '${env.branch}' (actions/checkout ref: ${env.branch}), or leave path empty to read every branch ` +
            `through the GitHub API.`,
        );
      }
      return Promise.resolve(main);
    },
    dispose: () => Promise.resolve(),
  };
}

/** The checkout as the one branch drift-check reads, named by the branch checked out (`detachedName` when detached); read as it is, nothing fetched. */
async function checkoutBranch(git: Git, detachedName?: string): Promise<ConfigBranch> {
  if (!(await git.topLevel())) {
    throw new UserError(
      `drift-check needs a git checkout of the config repo at '${git.directory}' (input path), with its history (actions/checkout with fetch-depth: ` +
        `0), or an empty path to read it through the GitHub API.`,
    );
  }
  const branch = (await git.currentBranch()) || detachedName || 'HEAD';
  const { sha, date } = await git.commitInfo('HEAD');
  // The history reader (with the YAML parser it reads overlays with) and its commit graph load once there is a config.
  const [{ ConfigHistory }, { GitCommitGraph }] = await Promise.all([import('./config-history.js'), import('../repo/git-commit-graph.js')]);
  return {
    root: git.directory,
    head: { branch, sha, committedAt: date },
    shallow: await git.isShallow(),
    history: new ConfigHistory(new GitCommitGraph(git), sha),
  };
}

async function openThroughApi(github: GitHubAccess, configFile: ConfigFile): Promise<ConfigBranches> {
  const connection = await github.connect();
  const opened = await openConfigRepo({ kind: 'github-api' }, { branch: '', push: false, github, configFile });
  const { repo } = opened;
  let config: PromotionConfig;
  try {
    config = requireConfig(opened.config);
  } catch (error) {
    await repo.dispose();
    throw error;
  }
  const [{ ConfigHistory }, { GitHubCommitGraph }] = await Promise.all([import('./config-history.js'), import('../repo/github-commit-graph.js')]);
  const graph = new GitHubCommitGraph(connection.client, connection.owner, connection.repo);
  const branchAt = (branch: string, snapshot: { root: string; commit: string; committedAt?: number }): ConfigBranch => ({
    root: snapshot.root,
    // GitHub's branch answer always carries the committer date; a missing one reads as a fresh commit.
    head: { branch, sha: snapshot.commit, committedAt: snapshot.committedAt ?? Date.now() },
    shallow: false,
    history: new ConfigHistory(graph, snapshot.commit),
  });
  const main = branchAt(opened.branch, opened.snapshot);
  const branches = new Map<string, Promise<ConfigBranch>>([[opened.branch, Promise.resolve(main)]]);
  return {
    config,
    main,
    branchOf: (env) => {
      const branch = env.branch || opened.branch;
      let opening = branches.get(branch);
      if (!opening) {
        opening = repo.open(branch).then(
          (snapshot) => branchAt(branch, snapshot),
          (error: unknown) => {
            throw error instanceof UserError
              ? new UserError(`Environment '${env.name}' lives on branch '${branch}' (its branch in the promotion config): ${error.message}`)
              : error;
          },
        );
        branches.set(branch, opening);
      }
      return opening;
    },
    dispose: () => repo.dispose(),
  };
}
