import { tmpdir } from 'node:os';
import { UserError } from '../errors.js';
import { COMMIT_SHA_VARIABLE, NOW_VARIABLE, type RunContext } from '../types.js';

/** The run's context, read once from the runner's environment. */
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
    runId,
    baseRef: env.GITHUB_BASE_REF ?? '',
    workspace: env.GITHUB_WORKSPACE || undefined,
    tempDir: env.RUNNER_TEMP || tmpdir(),
    exportedCommit: (env[COMMIT_SHA_VARIABLE] ?? '').trim().toLowerCase(),
    environmentToken: (env.GITHUB_TOKEN || env.GH_TOKEN || '').trim(),
    now: clockOf(env[NOW_VARIABLE]),
  };
}

/**
 * The system clock, or a fixed instant for tests and demos (GITOPS_PROMOTE_NOW,
 * ISO 8601), so a soak or a promotion window can be judged at a chosen time
 * without waiting for it. Read here only, like every other runner variable.
 */
function clockOf(fixed: string | undefined): () => number {
  if (!fixed?.trim()) return () => Date.now();
  const at = Date.parse(fixed.trim());
  if (!Number.isFinite(at)) throw new UserError(`${NOW_VARIABLE} is '${fixed}', which is not an ISO 8601 time such as 2026-12-03T09:30:00Z.`);
  return () => at;
}
