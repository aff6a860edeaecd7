import { InputError } from '../errors.js';
import type { GitHubTarget, RunContext } from '../types.js';
import type { GitHubClient, RequestCount } from './octokit-client.js';

/** The config repo on GitHub and a client to reach it. */
export interface GitHubConnection {
  client: GitHubClient;
  owner: string;
  repo: string;
  /** `owner/name` */
  repository: string;
  /** The repository of the running workflow ('' outside Actions): a GITHUB_TOKEN reaches only this one. */
  workflowRepository: string;
  /** Requests sent so far, for the summary and the benchmark. */
  counter: RequestCount;
}

/** A client for the config repo; `why` finishes the sentence of the error when an input is missing. */
export async function connectToGitHub(target: GitHubTarget, context: RunContext, why: string): Promise<GitHubConnection> {
  if (target.repository === '') throw new InputError('repository', `is needed ${why}; name the config repo as owner/name.`);
  if (target.token === '') {
    throw new InputError('token', `is needed ${why}; pass a GitHub App token or a fine-grained personal access token (see the README's section on tokens).`);
  }
  // readGitHubTarget has checked it is owner/name.
  const [owner, repo] = target.repository.split('/') as [string, string];
  const counter: RequestCount = { reads: 0, writes: 0 };
  // Loaded on first use: a run that never reaches GitHub (and every input error) starts without Octokit.
  const { createGitHubClient } = await import('./octokit-client.js');
  const client = createGitHubClient({ token: target.token, apiUrl: context.apiUrl, graphqlUrl: context.graphqlUrl, counter });
  return { client, owner, repo, repository: target.repository, workflowRepository: context.workflowRepository, counter };
}

/**
 * GitHub as a command reaches it: connected on first use, at most once, so a
 * run that never needs GitHub (a checkout, commit landing) asks nothing of
 * its token.
 */
export class GitHubAccess {
  private connection: GitHubConnection | undefined;
  private connecting: Promise<GitHubConnection> | undefined;

  constructor(
    private readonly target: GitHubTarget,
    private readonly context: RunContext,
    private readonly why: string,
  ) {}

  /** The connection, opened now if it was not. */
  async connect(): Promise<GitHubConnection> {
    this.connecting ??= connectToGitHub(this.target, this.context, this.why);
    return (this.connection = await this.connecting);
  }

  /** The connection if one was opened, for explaining an error. */
  get opened(): GitHubConnection | undefined {
    return this.connection;
  }

  /** Whether the repository and a token are given, so that connecting can work. */
  get available(): boolean {
    return this.target.repository !== '' && this.target.token !== '';
  }
}
