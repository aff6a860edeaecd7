// Pull requests: list, create, get, update. Pull requests are issues with branch fields and share the
// repository's issue numbers, as on GitHub.
import { forbidden, notFound, paginate, requireRepo, validationFailed, type Handler } from './http-util.js';
import { checkTextLimits } from './limits.js';
import { pullShas, renderPull, renderPullSimple, type PullIssue } from './pull-render.js';
import { now, nodeId, type IssueRecord, type RepoState } from './state.js';

export function findPull(repo: RepoState, number: number): PullIssue {
  const issue = repo.issues.get(number);
  if (!issue?.pull) throw notFound();
  return issue as PullIssue;
}

export function pulls(repo: RepoState): PullIssue[] {
  return [...repo.issues.values()].filter((i): i is PullIssue => !!i.pull);
}

/** `head` is `branch` or `owner:branch`; forks are not simulated, so the owner must be the repository's. */
function parseHead(repo: RepoState, head: string): string | undefined {
  const colon = head.indexOf(':');
  if (colon === -1) return head;
  return head.slice(0, colon).toLowerCase() === repo.owner.toLowerCase() ? head.slice(colon + 1) : undefined;
}

const listPulls: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const state = ctx.query.get('state') ?? 'open';
  const head = ctx.query.get('head');
  const base = ctx.query.get('base');
  // GitHub only honours `head` as `owner:branch`; a bare branch name is ignored and every pull request matches.
  const headFilter = head?.includes(':') ? head : undefined;
  const headBranch = headFilter ? parseHead(repo, headFilter) : undefined;
  // GitHub's default: newest first when sorting by creation (the default sort), else ascending.
  const sort = ctx.query.get('sort') ?? 'created';
  const direction = ctx.query.get('direction') ?? (sort === 'created' ? 'desc' : 'asc');
  let list = pulls(repo).filter(
    (p) => (state === 'all' || p.state === state) && (!headFilter || p.pull.headRef === headBranch) && (!base || p.pull.baseRef === base),
  );
  list = list.sort((a, b) => (direction === 'asc' ? a.number - b.number : b.number - a.number));
  const { page, headers } = paginate(ctx, list);
  return { status: 200, headers, body: await Promise.all(page.map((p) => renderPullSimple(ctx.sim, ctx.urls, repo, p))) };
};

async function requireBranch(repo: RepoState, branch: string, field: 'head' | 'base'): Promise<string> {
  const sha = await repo.git.tryResolveRef(`refs/heads/${branch}`);
  if (!sha) throw validationFailed({ resource: 'PullRequest', field, code: 'invalid' });
  return sha;
}

function openDuplicate(repo: RepoState, head: string, base: string, except?: number): PullIssue | undefined {
  return pulls(repo).find((p) => p.state === 'open' && p.number !== except && p.pull.headRef === head && p.pull.baseRef === base);
}

/** GitHub's refusals, in its order: missing fields, unknown branches, duplicate, nothing to merge. */
async function checkNewPull(repo: RepoState, head: string | undefined, base: string): Promise<string> {
  if (head === undefined) throw validationFailed({ resource: 'PullRequest', field: 'head', code: 'invalid' });
  await requireBranch(repo, base, 'base');
  const headSha = await requireBranch(repo, head, 'head');
  if (openDuplicate(repo, head, base))
    throw validationFailed({ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${repo.owner}:${head}.` });
  const baseSha = (await repo.git.tryResolveRef(`refs/heads/${base}`)) as string;
  if (!(await repo.git.revList(headSha, baseSha)).length)
    throw validationFailed({ resource: 'PullRequest', code: 'custom', message: `No commits between ${base} and ${head}` });
  return headSha;
}

const createPull: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const body = ctx.body as { title?: string; head: string; base: string; body?: string; draft?: boolean; maintainer_can_modify?: boolean; issue?: number };
  if (ctx.token.actionsRepository && !repo.options.canApprovePullRequestReviews)
    throw forbidden('GitHub Actions is not permitted to create or approve pull requests.');
  const existing = body.issue !== undefined ? repo.issues.get(body.issue) : undefined;
  if (body.issue !== undefined && (!existing || existing.pull)) throw validationFailed({ resource: 'PullRequest', field: 'issue', code: 'invalid' });
  if (body.title === undefined && !existing) throw validationFailed({ resource: 'PullRequest', field: 'title', code: 'missing_field' });
  checkTextLimits('PullRequest', body);
  const head = parseHead(repo, body.head);
  const headSha = await checkNewPull(repo, head, body.base);
  const stamp = now();
  const number = existing?.number ?? repo.nextNumber++;
  const pullId = ctx.sim.newId();
  const issue: IssueRecord = existing ?? {
    number,
    id: ctx.sim.newId(),
    nodeId: nodeId('I_kwDO', repo.id, number),
    title: body.title as string,
    body: body.body ?? null,
    state: 'open',
    stateReason: null,
    user: ctx.user.login,
    labels: [],
    assignees: [],
    locked: false,
    createdAt: stamp,
    updatedAt: stamp,
    closedAt: null,
  };
  issue.pull = {
    id: pullId,
    nodeId: nodeId('PR_kwDO', repo.id, number),
    headRef: head as string,
    baseRef: body.base,
    draft: body.draft ?? false,
    maintainerCanModify: body.maintainer_can_modify ?? true,
    merged: false,
    mergedAt: null,
    mergedBy: null,
    mergeCommitSha: null,
    frozenHeadSha: headSha,
    requestedReviewers: [],
    requestedTeams: [],
    autoMerge: null,
  };
  repo.issues.set(number, issue);
  const rendered = await renderPull(ctx.sim, ctx.urls, repo, issue as PullIssue);
  return { status: 201, body: rendered, headers: { location: String(rendered.url) } };
};

const getPull: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  return { status: 200, body: await renderPull(ctx.sim, ctx.urls, repo, findPull(repo, Number(ctx.params.pull_number))) };
};

/** Closing freezes the SHAs; reopening needs the head branch and no other open pull request for it. */
const updatePull: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const pr = findPull(repo, Number(ctx.params.pull_number));
  const body = ctx.body as { title?: string; body?: string; state?: 'open' | 'closed'; base?: string; maintainer_can_modify?: boolean };
  checkTextLimits('PullRequest', body);
  if (body.base !== undefined) {
    if (pr.pull.merged) throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' });
    await requireBranch(repo, body.base, 'base');
    pr.pull.baseRef = body.base;
  }
  if (body.state === 'closed' && pr.state === 'open') {
    const shas = await pullShas(repo, pr);
    Object.assign(pr.pull, { frozenHeadSha: shas.head, frozenBaseSha: shas.base, autoMerge: null });
    Object.assign(pr, { state: 'closed', closedAt: now() });
  } else if (body.state === 'open' && pr.state === 'closed') {
    if (pr.pull.merged)
      throw validationFailed({
        resource: 'PullRequest',
        code: 'custom',
        field: 'state',
        message: 'state cannot be changed. The pull request has already been merged.',
      });
    await requireBranch(repo, pr.pull.headRef, 'head');
    if (openDuplicate(repo, pr.pull.headRef, pr.pull.baseRef, pr.number))
      throw validationFailed({ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${repo.owner}:${pr.pull.headRef}.` });
    Object.assign(pr, { state: 'open', closedAt: null });
  }
  if (body.title !== undefined) pr.title = body.title;
  if (body.body !== undefined) pr.body = body.body;
  if (body.maintainer_can_modify !== undefined) pr.pull.maintainerCanModify = body.maintainer_can_modify;
  pr.updatedAt = now();
  return { status: 200, body: await renderPull(ctx.sim, ctx.urls, repo, pr) };
};

export const pullHandlers: Record<string, Handler> = {
  'pulls/list': listPulls,
  'pulls/create': createPull,
  'pulls/get': getPull,
  'pulls/update': updatePull,
};
