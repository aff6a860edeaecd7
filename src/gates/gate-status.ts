import * as core from '@actions/core';
import type { GitHubConnection } from '../github/github-connection.js';
import { COMMIT_STATE, GATES_CONTEXT, statusDescription } from './gate-report.js';
import type { GateVerdict } from './gate-types.js';

/**
 * Puts the verdict on the promotion PR's head as the `gitops-promote/gates`
 * commit status, where a ruleset or branch protection (and auto-merge) waits
 * for it. The commit's present status is read first: when it already says
 * the same (state and description; the run link changes on every run),
 * nothing is written.
 */
export async function setGateStatus(github: GitHubConnection, sha: string, verdict: GateVerdict, targetUrl: string): Promise<'set' | 'unchanged'> {
  const state = COMMIT_STATE[verdict.state];
  const description = statusDescription(verdict);
  const { data } = await github.client.rest.repos.getCombinedStatusForRef({ owner: github.owner, repo: github.repo, ref: sha, per_page: 100 });
  const present = data.statuses.find((status) => status.context === GATES_CONTEXT);
  if (present && present.state === state && (present.description ?? '') === description) {
    core.info(`Commit status ${GATES_CONTEXT} on ${sha.slice(0, 7)} already says ${state}: ${description}`);
    return 'unchanged';
  }
  await github.client.rest.repos.createCommitStatus({
    owner: github.owner,
    repo: github.repo,
    sha,
    state,
    context: GATES_CONTEXT,
    description,
    ...(targetUrl ? { target_url: targetUrl } : {}),
  });
  core.info(`Commit status ${GATES_CONTEXT} on ${sha.slice(0, 7)}: ${state}: ${description}`);
  return 'set';
}
