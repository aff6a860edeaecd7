// Issues, assignees and issue comments. Pull requests appear here too (with a `pull_request` key), as on GitHub.
import { notFound, paginate, requireRepo, validationFailed, type Handler, type RequestContext } from './http-util.js';
import { ensureLabel, findIssue, labelNames } from './labels.js';
import { checkTextLimits } from './limits.js';
import { pullShas, type PullIssue } from './pull-render.js';
import { renderComment, renderIssue } from './render.js';
import { nodeId, now, type IssueRecord, type RepoState } from './state.js';

/** Assignees must be users with access; GitHub refuses others with a field error naming the login. */
function checkAssignees(ctx: RequestContext, repo: RepoState, logins: string[]): string[] {
  return logins.map((login) => {
    const user = ctx.sim.user(login);
    if (!user || !ctx.sim.permissionOf(repo, user.login)) throw validationFailed({ resource: 'Issue', field: 'assignees', code: 'invalid', value: login });
    return user.login;
  });
}

const createIssue: Handler = (ctx) => {
  const repo = requireRepo(ctx);
  const body = ctx.body as { title: string | number; body?: string; assignees?: string[]; assignee?: string | null; labels?: unknown };
  const title = String(body.title);
  checkTextLimits('Issue', { title, body: body.body });
  const assignees = checkAssignees(ctx, repo, [...(body.assignees ?? []), ...(body.assignee ? [body.assignee] : [])]);
  const stamp = now();
  const number = repo.nextNumber++;
  const issue: IssueRecord = {
    number,
    id: ctx.sim.newId(),
    nodeId: nodeId('I_kwDO', repo.id, number),
    title,
    body: body.body ?? null,
    state: 'open',
    stateReason: null,
    user: ctx.user.login,
    labels: labelNames(body.labels ?? []).map((n) => ensureLabel(ctx, repo, n).name),
    assignees: [...new Set(assignees)],
    locked: false,
    createdAt: stamp,
    updatedAt: stamp,
    closedAt: null,
  };
  repo.issues.set(number, issue);
  const rendered = renderIssue(ctx.sim, ctx.urls, repo, issue);
  return { status: 201, body: rendered, headers: { location: String(rendered.url) } };
};

const getIssue: Handler = (ctx) => {
  const repo = requireRepo(ctx);
  return { status: 200, body: renderIssue(ctx.sim, ctx.urls, repo, findIssue(repo, Number(ctx.params.issue_number))) };
};

async function setState(repo: RepoState, issue: IssueRecord, state: 'open' | 'closed', reason: IssueRecord['stateReason'] | undefined): Promise<void> {
  if (state === issue.state) return;
  if (issue.pull && state === 'closed') {
    const shas = await pullShas(repo, issue as PullIssue);
    Object.assign(issue.pull, { frozenHeadSha: shas.head, frozenBaseSha: shas.base, autoMerge: null });
  }
  issue.state = state;
  issue.closedAt = state === 'closed' ? now() : null;
  issue.stateReason = state === 'closed' ? (reason ?? 'completed') : 'reopened';
}

const updateIssue: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const issue = findIssue(repo, Number(ctx.params.issue_number));
  const body = ctx.body as {
    title?: string | number | null;
    body?: string | null;
    state?: 'open' | 'closed';
    state_reason?: IssueRecord['stateReason'];
    labels?: unknown;
    assignees?: string[];
  };
  checkTextLimits(issue.pull ? 'PullRequest' : 'Issue', {
    title: body.title === null || body.title === undefined ? undefined : String(body.title),
    body: body.body,
  });
  if (body.assignees) issue.assignees = [...new Set(checkAssignees(ctx, repo, body.assignees))];
  if (body.title !== undefined && body.title !== null) issue.title = String(body.title);
  if (body.body !== undefined) issue.body = body.body;
  if (body.labels !== undefined) issue.labels = labelNames(body.labels).map((n) => ensureLabel(ctx, repo, n).name);
  if (body.state) await setState(repo, issue, body.state, body.state_reason);
  issue.updatedAt = now();
  return { status: 200, body: renderIssue(ctx.sim, ctx.urls, repo, issue) };
};

/** Filters GitHub applies: state (default open), every label in `labels`, assignee, creator, since. */
const listIssues: Handler = (ctx) => {
  const repo = requireRepo(ctx);
  const q = ctx.query;
  const state = q.get('state') ?? 'open';
  const labels = (q.get('labels') ?? '')
    .split(',')
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);
  const assignee = q.get('assignee');
  const creator = q.get('creator');
  const since = q.get('since');
  let list = [...repo.issues.values()].filter(
    (i) =>
      (state === 'all' || i.state === state) &&
      labels.every((l) => i.labels.some((x) => x.toLowerCase() === l)) &&
      (!assignee || (assignee === 'none' ? !i.assignees.length : assignee === '*' ? i.assignees.length > 0 : i.assignees.includes(assignee))) &&
      (!creator || i.user.toLowerCase() === creator.toLowerCase()) &&
      (!since || i.updatedAt >= since),
  );
  const ascending = q.get('direction') === 'asc';
  list = list.sort((a, b) => (ascending ? a.number - b.number : b.number - a.number));
  const { page, headers } = paginate(ctx, list);
  return { status: 200, headers, body: page.map((i) => renderIssue(ctx.sim, ctx.urls, repo, i)) };
};

/** Logins without access are silently ignored, as the spec documents for this operation. */
const addAssignees: Handler = (ctx) => {
  const repo = requireRepo(ctx);
  const issue = findIssue(repo, Number(ctx.params.issue_number));
  const { assignees } = (ctx.body ?? {}) as { assignees?: Array<string | { login: string }> | null };
  const wanted = (assignees ?? []).map((a) => (typeof a === 'string' ? a : a.login));
  for (const login of wanted) {
    const user = ctx.sim.user(login);
    if (user && ctx.sim.permissionOf(repo, user.login) && !issue.assignees.includes(user.login)) issue.assignees.push(user.login);
  }
  issue.updatedAt = now();
  return { status: 201, body: renderIssue(ctx.sim, ctx.urls, repo, issue) };
};

const createComment: Handler = (ctx) => {
  const repo = requireRepo(ctx);
  const issue = findIssue(repo, Number(ctx.params.issue_number));
  const { body } = ctx.body as { body: string };
  checkTextLimits('IssueComment', { body });
  const id = ctx.sim.newId();
  const stamp = now();
  const comment = { id, nodeId: nodeId('IC_kwDO', repo.id, id), issueNumber: issue.number, body, user: ctx.user.login, createdAt: stamp, updatedAt: stamp };
  repo.comments.push(comment);
  const rendered = renderComment(ctx.sim, ctx.urls, repo, comment);
  return { status: 201, body: rendered, headers: { location: String(rendered.url) } };
};

const listComments: Handler = (ctx) => {
  const repo = requireRepo(ctx);
  const issue = findIssue(repo, Number(ctx.params.issue_number));
  const since = ctx.query.get('since');
  const list = repo.comments.filter((c) => c.issueNumber === issue.number && (!since || c.updatedAt >= since));
  const { page, headers } = paginate(ctx, list);
  return { status: 200, headers, body: page.map((c) => renderComment(ctx.sim, ctx.urls, repo, c)) };
};

const updateComment: Handler = (ctx) => {
  const repo = requireRepo(ctx);
  const comment = repo.comments.find((c) => c.id === Number(ctx.params.comment_id));
  if (!comment) throw notFound();
  const { body } = ctx.body as { body: string };
  checkTextLimits('IssueComment', { body });
  comment.body = body;
  comment.updatedAt = now();
  return { status: 200, body: renderComment(ctx.sim, ctx.urls, repo, comment) };
};

export const issueHandlers: Record<string, Handler> = {
  'issues/create': createIssue,
  'issues/get': getIssue,
  'issues/update': updateIssue,
  'issues/list-for-repo': listIssues,
  'issues/add-assignees': addAssignees,
  'issues/create-comment': createComment,
  'issues/list-comments': listComments,
  'issues/update-comment': updateComment,
};
