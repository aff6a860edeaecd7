// Shared set-up of the promote end-to-end tests: the example config repo on a bare remote, served by the GitHub simulator.
import { Octokit } from '@octokit/core';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { runAction, type ActionRun } from '../helpers/action-runner.js';
import { createConfigRepo, git, type ConfigRepo } from '../helpers/git-fixtures.js';
import { startGitHubSimulator, type GitHubSimulator, type GitHubSimulatorOptions } from '../../test-infra/simulators/github/index.js';

export const TOKEN = 'ghp_promoteBotToken0000000000000000000000';
export const OWNER = 'acme';
export const NAME = 'config';
const RestOctokit = Octokit.plugin(restEndpointMethods);

export interface PromoteWorld {
  repo: ConfigRepo;
  sim: GitHubSimulator;
  octokit: InstanceType<typeof RestOctokit>;
  promote(inputs: Record<string, string>, env?: NodeJS.ProcessEnv): Promise<ActionRun>;
  run(command: string, inputs: Record<string, string>, env?: NodeJS.ProcessEnv): Promise<ActionRun>;
  writes(): string[];
  /** Closes the simulator and the repo; fails when any request or answer broke GitHub's contract. */
  close(): Promise<void>;
}

export async function startPromoteWorld(
  // source: the folder the config repo starts as (examples/config-repo unless a test says otherwise).
  options: Partial<GitHubSimulatorOptions> & { allowAutoMerge?: boolean; source?: string } = {},
): Promise<PromoteWorld> {
  const repo = createConfigRepo(options.source);
  const sim = await startGitHubSimulator({
    repos: [
      { owner: OWNER, name: NAME, path: repo.remote, allowAutoMerge: options.allowAutoMerge ?? true, collaborators: { octocat: 'write', hubot: 'write' } },
    ],
    users: [{ login: 'octocat' }, { login: 'hubot' }],
    teams: [
      { org: OWNER, slug: 'platform' },
      { org: OWNER, slug: 'sre' },
    ],
    tokens: options.tokens ?? [{ token: TOKEN, login: 'promote-bot', permission: 'admin' }],
  });
  const octokit = new RestOctokit({ auth: TOKEN, baseUrl: sim.apiUrl });
  const env = (): NodeJS.ProcessEnv => ({
    GITHUB_API_URL: sim.apiUrl,
    GITHUB_GRAPHQL_URL: sim.graphqlUrl,
    GITHUB_SERVER_URL: sim.serverUrl,
    GITHUB_REPOSITORY: `${OWNER}/app`,
    GITHUB_RUN_ID: '42',
  });
  const run = (command: string, inputs: Record<string, string>, extra: NodeJS.ProcessEnv = {}) =>
    runAction({ inputs: { command, token: TOKEN, repository: `${OWNER}/${NAME}`, ...inputs }, env: { ...env(), ...extra } });
  return {
    repo,
    sim,
    octokit,
    run,
    promote: (inputs, extra) => run('promote', inputs, extra),
    writes: () => sim.requests.filter((entry) => entry.write).map((entry) => `${entry.method} ${entry.operationId ?? entry.path}`),
    async close() {
      try {
        sim.assertContractClean();
      } finally {
        await sim.close();
        repo.cleanup();
      }
    },
  };
}

/** A file on a branch of the remote. */
export function remoteFile(repo: ConfigRepo, branch: string, path: string): string {
  return git(repo.remote, 'show', `${branch}:${path}`);
}

export function branches(repo: ConfigRepo): string[] {
  return git(repo.remote, 'for-each-ref', '--format=%(refname:short)', 'refs/heads').split('\n').filter(Boolean).sort();
}
