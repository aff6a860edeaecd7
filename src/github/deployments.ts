import type { GitHubClient } from './octokit-client.js';
import { shortenAtWord } from '../text/shorten-at-word.js';

// GitHub refuses a deployment (status) description longer than this.
const DESCRIPTION_LIMIT = 140;

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error';

export interface DeploymentTarget {
  owner: string;
  repo: string;
  /** The commit (or ref) deployed, in that repository. */
  ref: string;
  environment: string;
  description: string;
}

export interface DeploymentLinks {
  environmentUrl?: string;
  logUrl?: string;
}

/**
 * A GitHub deployment and its statuses, so the repository's Environments page
 * shows what runs where. Created with no required contexts: the commit's
 * checks are still running in the job that records it.
 */
export class GitHubDeployment {
  private constructor(
    private readonly client: GitHubClient,
    private readonly target: DeploymentTarget,
    readonly id: number,
    readonly url: string,
  ) {}

  static async create(client: GitHubClient, target: DeploymentTarget): Promise<GitHubDeployment> {
    const { data } = await client.rest.repos.createDeployment({
      owner: target.owner,
      repo: target.repo,
      ref: target.ref,
      environment: target.environment,
      description: shortenAtWord(target.description, DESCRIPTION_LIMIT),
      auto_merge: false,
      required_contexts: [],
      production_environment: /^prod/i.test(target.environment),
    });
    if (!('id' in data)) throw new Error(`GitHub did not create the deployment: ${data.message ?? 'no reason given'}`);
    return new GitHubDeployment(client, target, Number(data.id), data.url);
  }

  async setStatus(state: DeploymentState, description: string, links: DeploymentLinks): Promise<void> {
    await this.client.rest.repos.createDeploymentStatus({
      owner: this.target.owner,
      repo: this.target.repo,
      deployment_id: this.id,
      state,
      description: shortenAtWord(description, DESCRIPTION_LIMIT),
      environment: this.target.environment,
      ...(links.environmentUrl ? { environment_url: links.environmentUrl } : {}),
      ...(links.logUrl ? { log_url: links.logUrl } : {}),
    });
  }
}
