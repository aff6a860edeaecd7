// POST /api/graphql: the part of GitHub's GraphQL API a promotion action needs: auto-merge on a pull request
// and reading it back. Answers `{data, errors}` in GitHub's shape; unknown fields fail like GitHub's validator.
import { methodAllowed } from './merge.js';
import { parseOperation, GqlSyntaxError, type GqlField, type GqlValue } from './graphql-parse.js';
import { pullShas, type PullIssue } from './pull-render.js';
import { pulls } from './pulls.js';
import { canReach, canWrite, type RepoState, type SimulatorState, type TokenRecord, type UserRecord } from './state.js';
import type { Urls } from './render.js';

interface GqlError {
  type?: string;
  path?: Array<string | number>;
  locations?: Array<{ line: number; column: number }>;
  message: string;
  extensions?: Record<string, unknown>;
}

/** Raised by a resolver: the field becomes null and the error is listed, as GitHub does. */
class FieldError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

interface Ctx {
  sim: SimulatorState;
  urls: Urls;
  token: TokenRecord;
  user: UserRecord;
  variables: Record<string, unknown>;
}

type Resolver = (parent: unknown, args: Record<string, unknown>, ctx: Ctx) => unknown;
interface FieldDef {
  type?: string;
  resolve: Resolver;
}

const MERGE_METHODS = { MERGE: 'merge', SQUASH: 'squash', REBASE: 'rebase' } as const;
type GqlMergeMethod = keyof typeof MERGE_METHODS;

interface PullRef {
  repo: RepoState;
  pr: PullIssue;
}

function findPullByNodeId(sim: SimulatorState, id: string): PullRef | undefined {
  for (const repo of sim.repos.values()) {
    const pr = pulls(repo).find((p) => p.pull.nodeId === id);
    if (pr) return { repo, pr };
  }
  return undefined;
}

function reachablePull(ctx: Ctx, id: unknown): PullRef {
  const found = typeof id === 'string' ? findPullByNodeId(ctx.sim, id) : undefined;
  if (!found || !canReach(ctx.token, found.repo)) throw new FieldError('NOT_FOUND', `Could not resolve to a node with the global id of '${String(id)}'`);
  if (!canWrite(ctx.token.permission)) throw new FieldError('FORBIDDEN', 'Resource not accessible by integration');
  return found;
}

function enableAutoMerge(_: unknown, args: Record<string, unknown>, ctx: Ctx): unknown {
  const input = (args.input ?? {}) as {
    pullRequestId?: string;
    mergeMethod?: GqlMergeMethod;
    commitHeadline?: string;
    commitBody?: string;
    clientMutationId?: string;
  };
  const { repo, pr } = reachablePull(ctx, input.pullRequestId);
  if (!repo.options.allowAutoMerge) throw new FieldError('UNPROCESSABLE', 'Pull request Auto merge is not allowed for this repository');
  if (pr.state !== 'open') throw new FieldError('UNPROCESSABLE', 'Pull request is closed');
  const method = MERGE_METHODS[input.mergeMethod ?? 'MERGE'];
  if (!method || !methodAllowed(repo, method))
    throw new FieldError('UNPROCESSABLE', `Merge method ${method ?? input.mergeMethod} is not allowed on this repository`);
  pr.pull.autoMerge = { mergeMethod: method, enabledBy: ctx.user.login, commitTitle: input.commitHeadline ?? '', commitMessage: input.commitBody ?? '' };
  return { clientMutationId: input.clientMutationId ?? null, pullRequest: { repo, pr }, actor: ctx.user };
}

function disableAutoMerge(_: unknown, args: Record<string, unknown>, ctx: Ctx): unknown {
  const input = (args.input ?? {}) as { pullRequestId?: string; clientMutationId?: string };
  const { repo, pr } = reachablePull(ctx, input.pullRequestId);
  pr.pull.autoMerge = null;
  return { clientMutationId: input.clientMutationId ?? null, pullRequest: { repo, pr }, actor: ctx.user };
}

const TYPES: Record<string, Record<string, FieldDef>> = {
  Query: {
    repository: {
      type: 'Repository',
      resolve: (_, a, ctx) => {
        const repo = ctx.sim.repo(String(a.owner), String(a.name));
        if (!repo || !canReach(ctx.token, repo))
          throw new FieldError('NOT_FOUND', `Could not resolve to a Repository with the name '${String(a.owner)}/${String(a.name)}'.`);
        return repo;
      },
    },
    viewer: { type: 'User', resolve: (_, __, ctx) => ctx.user },
  },
  Mutation: {
    enablePullRequestAutoMerge: { type: 'AutoMergePayload', resolve: enableAutoMerge },
    disablePullRequestAutoMerge: { type: 'AutoMergePayload', resolve: disableAutoMerge },
  },
  Repository: {
    id: { resolve: (r) => (r as RepoState).nodeId },
    name: { resolve: (r) => (r as RepoState).name },
    nameWithOwner: { resolve: (r) => (r as RepoState).fullName },
    autoMergeAllowed: { resolve: (r) => (r as RepoState).options.allowAutoMerge },
    pullRequest: {
      type: 'PullRequest',
      resolve: (r, a) => {
        const repo = r as RepoState;
        const pr = pulls(repo).find((p) => p.number === Number(a.number));
        if (!pr) throw new FieldError('NOT_FOUND', `Could not resolve to a PullRequest with the number of ${String(a.number)}.`);
        return { repo, pr };
      },
    },
  },
  PullRequest: {
    id: { resolve: (p) => (p as PullRef).pr.pull.nodeId },
    number: { resolve: (p) => (p as PullRef).pr.number },
    title: { resolve: (p) => (p as PullRef).pr.title },
    url: { resolve: (p, _, ctx) => `${ctx.urls.html}/${(p as PullRef).repo.fullName}/pull/${(p as PullRef).pr.number}` },
    state: { resolve: (p) => ((p as PullRef).pr.pull.merged ? 'MERGED' : (p as PullRef).pr.state.toUpperCase()) },
    isDraft: { resolve: (p) => (p as PullRef).pr.pull.draft },
    merged: { resolve: (p) => (p as PullRef).pr.pull.merged },
    headRefName: { resolve: (p) => (p as PullRef).pr.pull.headRef },
    baseRefName: { resolve: (p) => (p as PullRef).pr.pull.baseRef },
    headRefOid: { resolve: async (p) => (await pullShas((p as PullRef).repo, (p as PullRef).pr)).head },
    autoMergeRequest: { type: 'AutoMergeRequest', resolve: (p) => ((p as PullRef).pr.pull.autoMerge ? p : null) },
  },
  AutoMergeRequest: {
    mergeMethod: { resolve: (p) => (p as PullRef).pr.pull.autoMerge?.mergeMethod.toUpperCase() },
    commitHeadline: { resolve: (p) => (p as PullRef).pr.pull.autoMerge?.commitTitle },
    commitBody: { resolve: (p) => (p as PullRef).pr.pull.autoMerge?.commitMessage },
    enabledBy: { type: 'User', resolve: (p, _, ctx) => ctx.sim.user((p as PullRef).pr.pull.autoMerge?.enabledBy ?? '') ?? null },
  },
  AutoMergePayload: {
    clientMutationId: { resolve: (p) => (p as { clientMutationId: string | null }).clientMutationId },
    pullRequest: { type: 'PullRequest', resolve: (p) => (p as { pullRequest: PullRef }).pullRequest },
    actor: { type: 'User', resolve: (p) => (p as { actor: UserRecord }).actor },
  },
  User: {
    login: { resolve: (u) => (u as UserRecord).login },
  },
};

const TYPE_NAMES: Record<string, string> = { AutoMergePayload: 'EnablePullRequestAutoMergePayload' };

function resolveArgs(args: Record<string, GqlValue>, variables: Record<string, unknown>): Record<string, unknown> {
  const value = (v: GqlValue): unknown => {
    if (v && typeof v === 'object' && !Array.isArray(v) && '$var' in v) return variables[(v as { $var: string }).$var];
    if (Array.isArray(v)) return v.map(value);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, value(x)]));
    return v;
  };
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, value(v)]));
}

/** Checks every requested field exists before running anything, as GitHub validates a document first. */
function validate(typeName: string, fields: GqlField[], path: string[], errors: GqlError[]): void {
  for (const f of fields) {
    if (f.name === '__typename') continue;
    const def = TYPES[typeName][f.name];
    if (!def) {
      errors.push({
        path: [...path, f.alias],
        extensions: { code: 'undefinedField', typeName: TYPE_NAMES[typeName] ?? typeName, fieldName: f.name },
        locations: [{ line: f.line, column: f.column }],
        message: `Field '${f.name}' doesn't exist on type '${TYPE_NAMES[typeName] ?? typeName}'`,
      });
    } else if (def.type && f.selections) validate(def.type, f.selections, [...path, f.alias], errors);
  }
}

async function execute(
  typeName: string,
  parent: unknown,
  fields: GqlField[],
  path: Array<string | number>,
  ctx: Ctx,
  errors: GqlError[],
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.name === '__typename') {
      out[f.alias] = TYPE_NAMES[typeName] ?? typeName;
      continue;
    }
    const def = TYPES[typeName][f.name];
    try {
      const value = await def.resolve(parent, resolveArgs(f.args, ctx.variables), ctx);
      out[f.alias] =
        value !== null && value !== undefined && def.type && f.selections
          ? await execute(def.type, value, f.selections, [...path, f.alias], ctx, errors)
          : (value ?? null);
    } catch (e) {
      if (!(e instanceof FieldError)) throw e;
      out[f.alias] = null;
      errors.push({ type: e.type, path: [...path, f.alias], locations: [{ line: f.line, column: f.column }], message: e.message });
    }
  }
  return out;
}

/** Runs one GraphQL request; the result is always HTTP 200 with `data` and/or `errors`. */
export async function runGraphql(
  body: { query?: unknown; variables?: unknown; operationName?: unknown },
  ctx: Omit<Ctx, 'variables'>,
): Promise<{ data?: unknown; errors?: GqlError[] }> {
  if (typeof body.query !== 'string') return { errors: [{ message: 'A query attribute must be specified and must be a string.' }] };
  let operation;
  try {
    operation = parseOperation(body.query, typeof body.operationName === 'string' ? body.operationName : undefined);
  } catch (e) {
    if (e instanceof GqlSyntaxError) return { errors: [{ message: e.message, locations: [{ line: e.line, column: e.column }] }] };
    throw e;
  }
  const root = operation.kind === 'mutation' ? 'Mutation' : 'Query';
  const errors: GqlError[] = [];
  validate(root, operation.selections, [operation.kind], errors);
  if (errors.length) return { errors };
  const data = await execute(root, null, operation.selections, [], { ...ctx, variables: (body.variables ?? {}) as Record<string, unknown> }, errors);
  return errors.length ? { data, errors } : { data };
}
