import { tmpdir } from 'node:os';

/**
 * What GitHub's runner tells a step about the run it is part of (the
 * GITHUB_* and RUNNER_* variables), read once by main.ts and handed down.
 * Outside Actions (the CLI) the fields are empty, with GitHub.com's URLs.
 */
export interface RunContext {
  /** `owner/name` of the workflow's repository (the app repo, usually); '' outside Actions. */
  workflowRepository: string;
  /** The commit the workflow runs on, in that repository. */
  sha: string;
  actor: string;
  serverUrl: string;
  apiUrl: string;
  graphqlUrl: string;
  /** The run's page, for links from commits, PRs, issues and deployments; '' outside Actions. */
  runUrl: string;
  /** A pull request's base branch (pull_request events), for validate's changed-only. */
  baseRef: string;
  /** Where actions/checkout put the workflow's repository, for annotation paths. */
  workspace: string | undefined;
  /** A folder for temporary files the runner cleans up (RUNNER_TEMP), else the system's. */
  tempDir: string;
  /** The commit an earlier gitops-promote step of this job pushed (GITOPS_PROMOTE_COMMIT_SHA). */
  exportedCommit: string;
  /** GITHUB_TOKEN / GH_TOKEN of the environment: the CLI's token when the token input is empty. */
  environmentToken: string;
}

/** The variable set-image and promote export with the commit they pushed, for a later `wait`. */
export const COMMIT_SHA_VARIABLE = 'GITOPS_PROMOTE_COMMIT_SHA';

export function runContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const workflowRepository = env.GITHUB_REPOSITORY ?? '';
  const runId = env.GITHUB_RUN_ID ?? '';
  return {
    workflowRepository,
    sha: env.GITHUB_SHA ?? '',
    actor: env.GITHUB_ACTOR ?? '',
    serverUrl,
    apiUrl,
    graphqlUrl: env.GITHUB_GRAPHQL_URL || (apiUrl.endsWith('/api/v3') ? `${apiUrl.slice(0, -'/v3'.length)}/graphql` : `${apiUrl}/graphql`),
    runUrl: workflowRepository && runId ? `${serverUrl}/${workflowRepository}/actions/runs/${runId}` : '',
    baseRef: env.GITHUB_BASE_REF ?? '',
    workspace: env.GITHUB_WORKSPACE || undefined,
    tempDir: env.RUNNER_TEMP || tmpdir(),
    exportedCommit: (env[COMMIT_SHA_VARIABLE] ?? '').trim().toLowerCase(),
    environmentToken: (env.GITHUB_TOKEN || env.GH_TOKEN || '').trim(),
  };
}
