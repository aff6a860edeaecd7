import * as core from '@actions/core';
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { maskSecret } from '../log/mask-secret.js';

/**
 * The one GitHub client of the project: REST methods, pagination, retries of
 * 5xx answers, and GitHub's recommended throttling for primary and secondary
 * rate limits (which honours `Retry-After`). GitHub Enterprise Server works
 * through GITHUB_API_URL / GITHUB_GRAPHQL_URL (RunContext).
 */
const GitOpsOctokit = Octokit.plugin(restEndpointMethods, paginateRest, retry, throttling);
export type GitHubClient = InstanceType<typeof GitOpsOctokit>;

export interface RequestCount {
  reads: number;
  writes: number;
}

export interface GitHubClientOptions {
  token: string;
  /** GITHUB_API_URL and GITHUB_GRAPHQL_URL as the run gives them (RunContext): GitHub Enterprise Server works through them. */
  apiUrl: string;
  graphqlUrl: string;
  /** How many times a rate-limited request is retried before the step fails. */
  rateLimitRetries?: number;
  /** Counts every request sent (reads are GET/HEAD), for the summary and the benchmark. */
  counter?: RequestCount;
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  maskSecret(options.token);
  const baseUrl = options.apiUrl.replace(/\/+$/, '');
  const retries = options.rateLimitRetries ?? 3;
  const client = new GitOpsOctokit({
    auth: options.token,
    baseUrl,
    userAgent: 'gitops-promote',
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (message: string) => {
        core.debug(message);
      },
      error: (message: string) => {
        core.debug(message);
      },
    },
    throttle: {
      onRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        core.warning(`GitHub rate limit reached for ${request.method} ${request.url}; retrying in ${retryAfter}s.`);
        return retryCount < retries;
      },
      onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        core.warning(`GitHub secondary rate limit for ${request.method} ${request.url}; retrying in ${retryAfter}s.`);
        return retryCount < retries;
      },
    },
  });
  client.graphql = client.graphql.defaults({ url: options.graphqlUrl });
  if (options.counter) {
    const counter = options.counter;
    client.hook.before('request', (request) => {
      if (request.method === 'GET' || request.method === 'HEAD') counter.reads++;
      else counter.writes++;
    });
  }
  return client;
}
