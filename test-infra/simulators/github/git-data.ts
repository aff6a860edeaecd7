// The Git Data API (refs, blobs, trees, commits) mapped onto real git plumbing in the bare repository.
import { ApiError, notFound, requireRepo, unprocessable, type Handler, type RequestContext } from './http-util.js';
import { isSha, type GitPerson, type GitStore } from './git-store.js';
import { renderGitCommit } from './render.js';
import { nodeId, type RepoState } from './state.js';

function refObject(ctx: RequestContext, repo: RepoState, ref: string, sha: string, type: string): Record<string, unknown> {
  const api = `${ctx.urls.api}/repos/${repo.fullName}/git`;
  return {
    ref,
    node_id: nodeId('REF_kwDO', repo.id, ref),
    url: `${api}/${ref}`,
    object: { type, sha, url: `${api}/${type === 'tag' ? 'tags' : 'commits'}/${sha}` },
  };
}

async function describeRef(ctx: RequestContext, repo: RepoState, ref: string): Promise<Record<string, unknown> | undefined> {
  const [found] = (await repo.git.listRefs(ref)).filter((r) => r.ref === ref);
  return found ? refObject(ctx, repo, found.ref, found.sha, found.type) : undefined;
}

const getRef: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const body = await describeRef(ctx, repo, `refs/${ctx.params.ref}`);
  if (!body) throw notFound();
  return { status: 200, body };
};

/** GitHub matches by plain string prefix: `heads/feat` lists `heads/feat-a` and `heads/feature/x`. */
const listMatchingRefs: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const prefix = `refs/${ctx.params.ref}`;
  const refs = (await repo.git.listRefs('refs/')).filter((r) => r.ref.startsWith(prefix));
  return { status: 200, body: refs.map((r) => refObject(ctx, repo, r.ref, r.sha, r.type)) };
};

const createRef: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const { ref, sha } = ctx.body as { ref: string; sha: string };
  if (!/^refs\/[^/]+\/.+/.test(ref) || ref.split('/').length < 3) throw unprocessable(`Reference name must start with 'refs/' and have at least two slashes.`);
  if (!(await repo.git.objectType(sha))) throw unprocessable('Object does not exist');
  if (!(await repo.git.tryUpdateRef(ref, sha, ''))) throw unprocessable('Reference already exists');
  const body = (await describeRef(ctx, repo, ref)) as Record<string, unknown>;
  return { status: 201, body, headers: { location: String(body.url) } };
};

/** A concurrent commit lands on the branch first (moved-head fault), so a non-forced update is no fast-forward. */
async function landConcurrentCommit(git: GitStore, ref: string, current: string): Promise<void> {
  const commit = await git.readCommit(current);
  const person: GitPerson = { name: 'Someone Else', email: 'someone-else@users.noreply.github.com', date: gitDate(new Date().toISOString()) };
  const sha = await git.writeCommit({
    tree: commit.tree,
    parents: [current],
    message: 'Concurrent change (simulated moved head)\n',
    author: person,
    committer: person,
  });
  await git.tryUpdateRef(ref, sha, current);
}

const updateRef: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const ref = `refs/${ctx.params.ref}`;
  const { sha, force } = ctx.body as { sha: string; force?: boolean };
  let current = await repo.git.tryResolveRef(ref);
  if (current === undefined || !(await describeRef(ctx, repo, ref))) throw unprocessable('Reference does not exist');
  if (!(await repo.git.objectType(sha))) throw unprocessable('Object does not exist');
  if (ctx.faults.take(['moved-head'], ctx.operationId, 'PATCH')) {
    await landConcurrentCommit(repo.git, ref, current);
    current = await repo.git.tryResolveRef(ref);
    if (current === undefined) throw unprocessable('Reference does not exist');
  }
  if (!force && !(await repo.git.isAncestor(current, sha))) throw unprocessable('Update is not a fast forward');
  // update-ref's old-value check turns a race with a push into the same refusal GitHub gives.
  if (!(await repo.git.tryUpdateRef(ref, sha, current))) throw unprocessable('Update is not a fast forward');
  return { status: 200, body: await describeRef(ctx, repo, ref) };
};

const deleteRef: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const ref = `refs/${ctx.params.ref}`;
  const current = await repo.git.tryResolveRef(ref);
  if (!current || !(await describeRef(ctx, repo, ref))) throw unprocessable('Reference does not exist');
  const [found] = (await repo.git.listRefs(ref)).filter((r) => r.ref === ref);
  if (!(await repo.git.tryDeleteRef(ref, found.sha))) throw unprocessable('Reference cannot be updated');
  return { status: 204 };
};

function requireShaFormat(sha: string): void {
  if (!isSha(sha)) throw unprocessable('The sha parameter must be exactly 40 characters and contain only [0-9a-f].');
}

const getBlob: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const sha = ctx.params.file_sha;
  requireShaFormat(sha);
  if ((await repo.git.objectType(sha)) !== 'blob') throw notFound();
  const content = await repo.git.readBlob(sha);
  return {
    status: 200,
    body: {
      sha,
      node_id: nodeId('B_kwDO', repo.id, sha),
      size: content.length,
      url: `${ctx.urls.api}/repos/${repo.fullName}/git/blobs/${sha}`,
      // GitHub wraps base64 content at 60 characters per line.
      content: wrapBase64(content),
      encoding: 'base64',
    },
  };
};

export function wrapBase64(content: Buffer): string {
  return (content.toString('base64').match(/.{1,60}/g) ?? []).map((line) => `${line}\n`).join('');
}

const createBlob: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const { content, encoding = 'utf-8' } = ctx.body as { content: string; encoding?: string };
  if (!['utf-8', 'utf8', 'base64'].includes(encoding)) throw unprocessable(`encoding must be either 'utf-8' or 'base64'`);
  const bytes = encoding === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8');
  const sha = await repo.git.writeBlob(bytes);
  const url = `${ctx.urls.api}/repos/${repo.fullName}/git/blobs/${sha}`;
  return { status: 201, body: { url, sha }, headers: { location: url } };
};

function renderTreeEntries(ctx: RequestContext, repo: RepoState, entries: Awaited<ReturnType<GitStore['readTree']>>): Record<string, unknown>[] {
  const api = `${ctx.urls.api}/repos/${repo.fullName}/git`;
  return entries.map((e) => ({
    path: e.path,
    mode: e.mode,
    type: e.type,
    sha: e.sha,
    ...(e.type === 'blob' ? { size: e.size, url: `${api}/blobs/${e.sha}` } : e.type === 'tree' ? { url: `${api}/trees/${e.sha}` } : {}),
  }));
}

async function treeBody(ctx: RequestContext, repo: RepoState, treeSha: string, recursive: boolean): Promise<Record<string, unknown>> {
  const entries = await repo.git.readTree(treeSha, recursive);
  return { sha: treeSha, url: `${ctx.urls.api}/repos/${repo.fullName}/git/trees/${treeSha}`, tree: renderTreeEntries(ctx, repo, entries), truncated: false };
}

/** `tree_sha` may be a tree, a commit or a branch name; `recursive` set to any value recurses (GitHub's rule). */
const getTree: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const name = ctx.params.tree_sha;
  const tree = (await repo.git.tryRevParse(`refs/heads/${name}^{tree}`)) ?? (isSha(name) ? await repo.git.tryRevParse(`${name}^{tree}`) : undefined);
  if (!tree) throw notFound();
  return { status: 200, body: await treeBody(ctx, repo, tree, ctx.query.has('recursive')) };
};

const getCommit: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const sha = ctx.params.commit_sha;
  if (!isSha(sha) || (await repo.git.objectType(sha)) !== 'commit') throw notFound();
  return { status: 200, body: renderGitCommit(ctx.urls, repo, await repo.git.readCommit(sha)) };
};

/** Git wants `@<epoch> +0000`; GitHub takes ISO 8601. */
export function gitDate(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw unprocessable(`Invalid date: ${iso}`);
  return `@${Math.floor(ms / 1000)} +0000`;
}

const createCommit: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const body = ctx.body as { message: string; tree: string; parents?: string[]; author?: Partial<GitPerson>; committer?: Partial<GitPerson> };
  if ((await repo.git.objectType(body.tree)) !== 'tree') throw unprocessable('Tree SHA does not exist');
  for (const parent of body.parents ?? []) {
    if ((await repo.git.objectType(parent)) !== 'commit') throw unprocessable('Parent SHA does not exist or is not a commit object');
  }
  const nowIso = new Date().toISOString();
  const person = (p: Partial<GitPerson> | undefined, fallback: GitPerson): GitPerson => {
    if (!p) return fallback;
    if (!p.name || !p.email) throw new ApiError(422, { message: `Invalid request.\n\n"name" and "email" are required for author and committer.` });
    return { name: p.name, email: p.email, date: gitDate(p.date ?? nowIso) };
  };
  const author = person(body.author, { name: ctx.user.name, email: ctx.user.email, date: gitDate(nowIso) });
  const committer = person(body.committer, author);
  const sha = await repo.git.writeCommit({ tree: body.tree, parents: body.parents ?? [], message: body.message, author, committer });
  const rendered = renderGitCommit(ctx.urls, repo, await repo.git.readCommit(sha));
  return { status: 201, body: rendered, headers: { location: String(rendered.url) } };
};

export const gitDataHandlers: Record<string, Handler> = {
  'git/get-ref': getRef,
  'git/list-matching-refs': listMatchingRefs,
  'git/create-ref': createRef,
  'git/update-ref': updateRef,
  'git/delete-ref': deleteRef,
  'git/get-blob': getBlob,
  'git/create-blob': createBlob,
  'git/get-tree': getTree,
  'git/get-commit': getCommit,
  'git/create-commit': createCommit,
};
