import * as core from '@actions/core';
import { InputError, oneLineMessage } from '../errors.js';
import { shortSha } from '../controllers/wait-types.js';
import { GitHubDeployment } from '../github/deployments.js';
import { createGitHubClient } from '../github/octokit-client.js';
import { parseOwnerName } from '../github/repository-name.js';
import type { GitHubTarget } from '../types.js';
import type { RunContext } from '../types.js';

/** A GitHub deployment being recorded while wait runs. */
export interface RunningDeployment {
  url: string;
  finish(state: 'success' | 'failure' | 'error', description: string): Promise<void>;
}

/**
 * Records a deployment of `environment`: on the app repo (the workflow's
 * repository, at its commit) when in a run, else on the config repo at the
 * expected commit; with links to the environment and the run.
 */
export async function startDeployment(
  options: { environment: string; environmentUrl: string; expected: string },
  github: GitHubTarget,
  run: RunContext,
): Promise<RunningDeployment> {
  const { environment, expected } = options;
  if (!environment) throw new InputError('environment', 'is required with deployment: true (the GitHub environment to record).');
  if (!github.token) throw new InputError('token', 'is required with deployment: true (it needs deployments: write).');
  const { repository, ref } =
    run.workflowRepository && run.sha ? { repository: run.workflowRepository, ref: run.sha } : { repository: github.repository, ref: expected };
  if (!repository)
    throw new InputError('repository', 'is required with deployment: true outside GitHub Actions (owner/name of the repository to record it on).');
  const { owner, repo } = parseOwnerName('repository', repository);
  const client = createGitHubClient({ token: github.token, apiUrl: run.apiUrl, graphqlUrl: run.graphqlUrl });
  const links = { environmentUrl: options.environmentUrl || undefined, logUrl: run.runUrl || undefined };
  const deployment = await GitHubDeployment.create(client, { owner, repo, ref, environment, description: `config commit ${shortSha(expected)}` }).catch(
    (error: unknown) => {
      throw new InputError('deployment', `could not create a GitHub deployment on ${owner}/${repo}: ${oneLineMessage(error)}`);
    },
  );
  await deployment.setStatus('in_progress', `waiting for ${shortSha(expected)}`, links);
  return {
    url: `${run.serverUrl}/${owner}/${repo}/deployments/${encodeURIComponent(environment)}`,
    finish: (state, description) =>
      deployment.setStatus(state, description, links).catch((error: unknown) => {
        core.warning(`Could not update the GitHub deployment: ${oneLineMessage(error)}`);
      }),
  };
}
