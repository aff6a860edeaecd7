import { InputError } from '../errors.js';
import { readString } from '../inputs/read-inputs.js';
import { createGitHubClient, type GitHubClient, type RequestCount } from './octokit-client.js';
import { maskSecret } from '../inputs/mask-secret.js';

/** The config repo on GitHub and a client to reach it. */
export interface GitHubConnection {
  client: GitHubClient;
  owner: string;
  repo: string;
  /** `owner/name` */
  repository: string;
  /** Requests sent so far, for the summary and the benchmark. */
  counter: RequestCount;
}

/** The `repository` input, else the workflow's repository; '' when neither is there (the CLI outside Actions). */
export function readRepository(env: NodeJS.ProcessEnv = process.env): string {
  const repository = readString('repository', env.GITHUB_REPOSITORY ?? '').trim();
  if (repository !== '' && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    throw new InputError('repository', `invalid repository '${repository}'; expected owner/name.`);
  }
  return repository;
}

/** The `token` input, else GITHUB_TOKEN / GH_TOKEN from the environment (the CLI). Masked at once. */
export function readToken(env: NodeJS.ProcessEnv = process.env): string {
  const token = readString('token', env.GITHUB_TOKEN ?? env.GH_TOKEN ?? '').trim();
  if (token !== '') maskSecret(token);
  return token;
}

export function connectToGitHub(why: string): GitHubConnection {
  const repository = readRepository();
  if (repository === '') throw new InputError('repository', `is needed ${why}; name the config repo as owner/name.`);
  const token = readToken();
  if (token === '') throw new InputError('token', `is needed ${why}; pass a GitHub App token or a fine-grained personal access token (see the README's section on tokens).`);
  const counter: RequestCount = { reads: 0, writes: 0 };
  const [owner, repo] = repository.split('/') as [string, string];
  return { client: createGitHubClient({ token, counter }), owner, repo, repository, counter };
}
