// Commit statuses: create one on a commit, list a ref's statuses (newest first), and the combined status of a ref
// (the newest status per context, and one state over them), as GitHub computes it.
import { ApiError, paginate, requireRepo, validationFailed, type Handler, type RequestContext } from './http-util.js';
import { renderRepo, userByLogin } from './render.js';
import { nodeId, now, type CommitStatusRecord, type RepoState } from './state.js';

/** GitHub keeps at most 1000 statuses per commit and context. */
const STATUSES_PER_CONTEXT = 1000;
/** GitHub refuses a description over 140 characters (Validation Failed). */
const MAX_DESCRIPTION = 140;

async function commitOf(repo: RepoState, ref: string): Promise<string | undefined> {
  return repo.git.tryResolveCommit(ref);
}

function renderStatus(ctx: RequestContext, repo: RepoState, s: CommitStatusRecord): Record<string, unknown> {
  const creator = userByLogin(ctx.sim, ctx.urls, s.creator);
  return {
    url: `${ctx.urls.api}/repos/${repo.fullName}/statuses/${s.sha}`,
    avatar_url: (creator as { avatar_url?: string }).avatar_url ?? null,
    id: s.id,
    node_id: s.nodeId,
    state: s.state,
    description: s.description,
    target_url: s.targetUrl,
    context: s.context,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    creator,
  };
}

const createCommitStatus: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const body = ctx.body as { state: CommitStatusRecord['state']; target_url?: string | null; description?: string | null; context?: string };
  const sha = /^[0-9a-f]{40}$/.test(ctx.params.sha) ? await commitOf(repo, ctx.params.sha) : undefined;
  if (!sha) throw new ApiError(422, { message: `No commit found for SHA: ${ctx.params.sha}` });
  if ((body.description ?? '').length > MAX_DESCRIPTION) {
    throw validationFailed({ resource: 'Status', code: 'custom', field: 'description', message: 'description is too long (maximum is 140 characters)' });
  }
  const context = body.context ?? 'default';
  const same = repo.statuses.filter((s) => s.sha === sha && s.context.toLowerCase() === context.toLowerCase());
  if (same.length >= STATUSES_PER_CONTEXT) {
    throw validationFailed({ resource: 'Status', code: 'custom', message: 'This SHA and context has reached the maximum number of statuses.' });
  }
  const id = ctx.sim.newId();
  const record: CommitStatusRecord = {
    id,
    nodeId: nodeId('SC_kwDO', repo.id, id),
    sha,
    state: body.state,
    description: body.description ?? null,
    targetUrl: body.target_url ?? null,
    context,
    creator: ctx.user.login,
    createdAt: now(),
  };
  repo.statuses.push(record);
  const rendered = renderStatus(ctx, repo, record);
  return { status: 201, body: rendered, headers: { location: String(rendered.url) } };
};

/** A ref's statuses, newest first (a SHA, a branch or a tag). */
async function statusesOf(ctx: RequestContext, repo: RepoState): Promise<{ sha: string; statuses: CommitStatusRecord[] } | undefined> {
  const sha = await commitOf(repo, ctx.params.ref);
  if (!sha) return undefined;
  return { sha, statuses: repo.statuses.filter((s) => s.sha === sha).reverse() };
}

const listCommitStatusesForRef: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  // GitHub answers an unknown ref here with an empty list, not a 404.
  const found = await statusesOf(ctx, repo);
  const { page, headers } = paginate(ctx, found?.statuses ?? []);
  return { status: 200, headers, body: page.map((s) => renderStatus(ctx, repo, s)) };
};

/** failure when any context's newest status is error or failure; pending when one is pending, or none exist; else success. */
export function combinedState(latest: readonly CommitStatusRecord[]): 'failure' | 'pending' | 'success' {
  if (latest.some((s) => s.state === 'error' || s.state === 'failure')) return 'failure';
  if (latest.length === 0 || latest.some((s) => s.state === 'pending')) return 'pending';
  return 'success';
}

const getCombinedStatusForRef: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const found = await statusesOf(ctx, repo);
  if (!found) throw new ApiError(404, { message: `No commit found for SHA: ${ctx.params.ref}` });
  const latest: CommitStatusRecord[] = [];
  for (const s of found.statuses) if (!latest.some((other) => other.context.toLowerCase() === s.context.toLowerCase())) latest.push(s);
  const { page } = paginate(ctx, latest);
  const api = `${ctx.urls.api}/repos/${repo.fullName}`;
  return {
    status: 200,
    body: {
      state: combinedState(latest),
      statuses: page.map((s) => {
        const full = renderStatus(ctx, repo, s);
        return {
          description: full.description,
          id: full.id,
          node_id: full.node_id,
          state: full.state,
          context: full.context,
          target_url: full.target_url,
          avatar_url: full.avatar_url,
          url: full.url,
          created_at: full.created_at,
          updated_at: full.updated_at,
        };
      }),
      sha: found.sha,
      total_count: latest.length,
      repository: renderRepo(ctx.sim, ctx.urls, repo),
      commit_url: `${api}/commits/${found.sha}`,
      url: `${api}/commits/${found.sha}/status`,
    },
  };
};

export const statusHandlers: Record<string, Handler> = {
  'repos/create-commit-status': createCommitStatus,
  'repos/list-commit-statuses-for-ref': listCommitStatusesForRef,
  'repos/get-combined-status-for-ref': getCombinedStatusForRef,
};
