// Labels: repository labels and the labels of an issue or pull request. Adding an unknown label to an issue
// creates it, as GitHub does for users with push access.
import { ApiError, notFound, paginate, requireRepo, validationFailed, type Handler, type RequestContext } from './http-util.js';
import { issueLabels, renderLabel } from './render.js';
import { now, type IssueRecord, type LabelRecord, type RepoState } from './state.js';

/** GitHub gives labels created on the fly this grey. */
const DEFAULT_COLOR = 'ededed';

export function ensureLabel(ctx: RequestContext, repo: RepoState, name: string, color = DEFAULT_COLOR, description: string | null = null): LabelRecord {
  const key = name.toLowerCase();
  let label = repo.labels.get(key);
  if (!label) {
    label = { id: ctx.sim.newId(), name, color, description, isDefault: false };
    repo.labels.set(key, label);
  }
  return label;
}

export function findIssue(repo: RepoState, number: number): IssueRecord {
  const issue = repo.issues.get(number);
  if (!issue) throw notFound();
  return issue;
}

/** The label bodies the spec allows: `{labels: [...]}`, `[...]`, a single string, with strings or `{name}` items. */
export function labelNames(body: unknown): string[] {
  const list = typeof body === 'string' ? [body] : Array.isArray(body) ? body : ((body as { labels?: unknown[] } | undefined)?.labels ?? []);
  return (list as Array<string | { name: string }>).map((l) => (typeof l === 'string' ? l : l.name));
}

function setIssueLabels(ctx: RequestContext, repo: RepoState, issue: IssueRecord, names: string[]): void {
  const unique = new Map<string, string>();
  for (const n of names) unique.set(n.toLowerCase(), ensureLabel(ctx, repo, n).name);
  issue.labels = [...unique.values()];
  issue.updatedAt = now();
}

const addLabels: Handler = (ctx) => {
  const repo = requireRepo(ctx);
  const issue = findIssue(repo, Number(ctx.params.issue_number));
  setIssueLabels(ctx, repo, issue, [...issue.labels, ...labelNames(ctx.body)]);
  return { status: 200, body: issueLabels(ctx.urls, repo, issue) };
};

const setLabels: Handler = (ctx) => {
  const repo = requireRepo(ctx);
  const issue = findIssue(repo, Number(ctx.params.issue_number));
  setIssueLabels(ctx, repo, issue, labelNames(ctx.body));
  return { status: 200, body: issueLabels(ctx.urls, repo, issue) };
};

const removeLabel: Handler = (ctx) => {
  const repo = requireRepo(ctx);
  const issue = findIssue(repo, Number(ctx.params.issue_number));
  const name = ctx.params.name.toLowerCase();
  if (!issue.labels.some((l) => l.toLowerCase() === name)) throw new ApiError(404, { message: 'Label does not exist' });
  issue.labels = issue.labels.filter((l) => l.toLowerCase() !== name);
  issue.updatedAt = now();
  return { status: 200, body: issueLabels(ctx.urls, repo, issue) };
};

const createLabel: Handler = (ctx) => {
  const repo = requireRepo(ctx);
  const { name, color, description } = ctx.body as { name: string; color?: string; description?: string };
  if (repo.labels.has(name.toLowerCase())) throw validationFailed({ resource: 'Label', code: 'already_exists', field: 'name' });
  if (color !== undefined && !/^[0-9a-fA-F]{6}$/.test(color)) throw validationFailed({ resource: 'Label', code: 'invalid', field: 'color' });
  const label = ensureLabel(ctx, repo, name, (color ?? DEFAULT_COLOR).toLowerCase(), description ?? null);
  const body = renderLabel(ctx.urls, repo, label);
  return { status: 201, body, headers: { location: String(body.url) } };
};

const getLabel: Handler = (ctx) => {
  const repo = requireRepo(ctx);
  const label = repo.labels.get(ctx.params.name.toLowerCase());
  if (!label) throw notFound();
  return { status: 200, body: renderLabel(ctx.urls, repo, label) };
};

const listLabels: Handler = (ctx) => {
  const repo = requireRepo(ctx);
  const { page, headers } = paginate(
    ctx,
    [...repo.labels.values()].sort((a, b) => a.name.localeCompare(b.name)),
  );
  return { status: 200, headers, body: page.map((l) => renderLabel(ctx.urls, repo, l)) };
};

export const labelHandlers: Record<string, Handler> = {
  'issues/add-labels': addLabels,
  'issues/set-labels': setLabels,
  'issues/remove-label': removeLabel,
  'issues/create-label': createLabel,
  'issues/get-label': getLabel,
  'issues/list-labels-for-repo': listLabels,
};
