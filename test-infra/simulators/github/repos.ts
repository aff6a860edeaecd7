// Repository reads: repos/get, branches, contents, compare, commits (listed and one by one) and tarball downloads, all answered from git.
import { wrapBase64 } from './git-data.js';
import { ApiError, forbidden, notFound, paginate, requireRepo, type Handler, type RequestContext } from './http-util.js';
import { permissionFlags, renderCommit, renderRepo, renderUser } from './render.js';
import type { RepoState } from './state.js';

const getRepo: Handler = (ctx) => {
  const repo = requireRepo(ctx);
  return { status: 200, body: renderRepo(ctx.sim, ctx.urls, repo, ctx.sim.permissionOf(repo, ctx.user.login) ?? 'read') };
};

async function commitOrNotFound(repo: RepoState, name: string): Promise<string> {
  const sha = await repo.git.tryResolveCommit(name);
  if (!sha) throw notFound();
  return sha;
}

const getBranch: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const branch = ctx.params.branch;
  const sha = await repo.git.tryResolveRef(`refs/heads/${branch}`);
  if (!sha) throw new ApiError(404, { message: 'Branch not found' });
  const api = `${ctx.urls.api}/repos/${repo.fullName}/branches/${encodeURIComponent(branch)}`;
  return {
    status: 200,
    body: {
      name: branch,
      commit: renderCommit(ctx.sim, ctx.urls, repo, await repo.git.readCommit(sha)),
      _links: { self: api, html: `${ctx.urls.html}/${repo.fullName}/tree/${branch}` },
      protected: false,
      protection: { enabled: false, required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] } },
      protection_url: `${api}/protection`,
    },
  };
};

function contentEntry(
  ctx: RequestContext,
  repo: RepoState,
  ref: string,
  e: { path: string; type: string; sha: string; size?: number },
): Record<string, unknown> {
  const type = e.type === 'tree' ? 'dir' : e.type === 'commit' ? 'submodule' : 'file';
  const self = `${ctx.urls.api}/repos/${repo.fullName}/contents/${e.path}?ref=${encodeURIComponent(ref)}`;
  const git = type === 'submodule' ? null : `${ctx.urls.api}/repos/${repo.fullName}/git/${type === 'dir' ? 'trees' : 'blobs'}/${e.sha}`;
  const html = `${ctx.urls.html}/${repo.fullName}/${type === 'dir' ? 'tree' : 'blob'}/${ref}/${e.path}`;
  return {
    type,
    size: e.size ?? 0,
    name: e.path.split('/').pop(),
    path: e.path,
    sha: e.sha,
    url: self,
    git_url: git,
    html_url: html,
    download_url: type === 'file' ? `${ctx.urls.html}/${repo.fullName}/raw/${ref}/${e.path}` : null,
    _links: { self, git, html },
  };
}

/** A file answers `content-file` (base64 content); a directory answers its entries (`content-directory`). */
const getContent: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const ref = ctx.query.get('ref') ?? repo.options.defaultBranch;
  const commit = await commitOrNotFound(repo, ref);
  const path = ctx.params.path.replace(/^\/+|\/+$/g, '');
  const objectSha = await repo.git.tryRevParse(`${commit}:${path}`);
  const type = objectSha && (await repo.git.objectType(objectSha));
  if (!objectSha || !type) throw notFound();
  if (type === 'tree') {
    const entries = await repo.git.readTree(objectSha, false);
    return { status: 200, body: entries.map((e) => contentEntry(ctx, repo, ref, { ...e, path: `${path}/${e.path}` })) };
  }
  const content = await repo.git.readBlob(objectSha);
  return {
    status: 200,
    body: { ...contentEntry(ctx, repo, ref, { path, type: 'blob', sha: objectSha, size: content.length }), content: wrapBase64(content), encoding: 'base64' },
  };
};

/** Real merge-base and rev-list: identical, ahead, behind or diverged, with the commits and files of the head side. */
const compare: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const [baseName, headName] = ctx.params.basehead.includes('...') ? ctx.params.basehead.split('...', 2) : ctx.params.basehead.split('..', 2);
  if (headName === undefined) throw notFound();
  const base = await commitOrNotFound(repo, baseName.replace(/^[^:]+:/, ''));
  const head = await commitOrNotFound(repo, headName.replace(/^[^:]+:/, ''));
  const mergeBase = await repo.git.mergeBase(base, head);
  if (!mergeBase) throw new ApiError(404, { message: `No common ancestor between ${baseName} and ${headName}.` });
  const ahead = await repo.git.revList(head, base);
  const behind = await repo.git.revList(base, head);
  const status = base === head ? 'identical' : !ahead.length ? 'behind' : !behind.length ? 'ahead' : 'diverged';
  const files = await repo.git.diffFiles(mergeBase, head);
  const { page, headers } = paginate(ctx, ahead);
  const render = async (sha: string) => renderCommit(ctx.sim, ctx.urls, repo, await repo.git.readCommit(sha));
  const html = `${ctx.urls.html}/${repo.fullName}/compare/${ctx.params.basehead}`;
  return {
    status: 200,
    headers,
    body: {
      url: `${ctx.urls.api}/repos/${repo.fullName}/compare/${ctx.params.basehead}`,
      html_url: html,
      permalink_url: `${ctx.urls.html}/${repo.fullName}/compare/${repo.owner}:${base.slice(0, 7)}...${repo.owner}:${head.slice(0, 7)}`,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      base_commit: await render(base),
      merge_base_commit: await render(mergeBase),
      status,
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      commits: await Promise.all(page.map(render)),
      files: files.map((f) => ({
        sha: f.sha,
        filename: f.filename,
        status: f.status,
        additions: f.additions,
        deletions: f.deletions,
        changes: f.additions + f.deletions,
        blob_url: `${ctx.urls.html}/${repo.fullName}/blob/${head}/${f.filename}`,
        raw_url: `${ctx.urls.html}/${repo.fullName}/raw/${head}/${f.filename}`,
        contents_url: `${ctx.urls.api}/repos/${repo.fullName}/contents/${f.filename}?ref=${head}`,
        ...(f.previous === undefined ? {} : { previous_filename: f.previous }),
      })),
    },
  };
};

/** Newest first, like GitHub; `sha` takes a branch or SHA and `path` limits to commits touching it. */
const listCommits: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const start = await repo.git.tryResolveCommit(ctx.query.get('sha') ?? repo.options.defaultBranch);
  if (!start) throw notFound();
  const shas = (await repo.git.revList(start, undefined, ctx.query.get('path') ?? undefined)).reverse();
  const { page, headers } = paginate(ctx, shas);
  const body = await Promise.all(page.map(async (sha) => renderCommit(ctx.sim, ctx.urls, repo, await repo.git.readCommit(sha))));
  return { status: 200, headers, body };
};

/** One commit by SHA (abbreviated or not), branch or tag; like GitHub, a name that is no commit answers 422. */
const getCommit: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const sha = await repo.git.tryResolveCommit(ctx.params.ref);
  if (!sha)
    throw new ApiError(422, {
      message: `No commit found for SHA: ${ctx.params.ref}`,
      documentation_url: 'https://docs.github.com/rest/commits/commits#get-a-commit',
    });
  return { status: 200, body: renderCommit(ctx.sim, ctx.urls, repo, await repo.git.readCommit(sha)) };
};

/** Like GitHub, answers a redirect to a short-lived download URL the server itself serves (`git archive`). */
const downloadTarball: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const sha = await commitOrNotFound(repo, ctx.params.ref || repo.options.defaultBranch);
  const prefix = `${repo.owner}-${repo.name}-${sha.slice(0, 7)}`;
  const location = ctx.publish(await repo.git.archive(sha, prefix), 'application/x-gzip', `${prefix}.tar.gz`);
  return { status: 302, headers: { location } };
};

/** GitHub maps roles onto the legacy `permission` field: maintain reads as write, triage as read. */
const collaboratorPermission: Handler = (ctx) => {
  const repo = requireRepo(ctx);
  const user = ctx.sim.user(ctx.params.username);
  if (!user || user.type === 'Organization') throw notFound();
  const role = ctx.sim.permissionOf(repo, user.login);
  const legacy = !role ? 'none' : role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
  return {
    status: 200,
    body: {
      permission: legacy,
      role_name: role ?? 'none',
      user: { ...renderUser(ctx.urls, user), permissions: permissionFlags(role), role_name: role ?? 'none' },
    },
  };
};

/** Needs administration access, which an Actions GITHUB_TOKEN never has. */
const workflowPermissions: Handler = (ctx) => {
  const repo = requireRepo(ctx);
  if (ctx.token.actionsRepository) throw forbidden();
  if (ctx.sim.permissionOf(repo, ctx.user.login) !== 'admin') throw forbidden('Must have admin rights to Repository.');
  return {
    status: 200,
    body: {
      default_workflow_permissions: repo.options.defaultWorkflowPermissions,
      can_approve_pull_request_reviews: repo.options.canApprovePullRequestReviews,
    },
  };
};

export const repoHandlers: Record<string, Handler> = {
  'repos/get': getRepo,
  'repos/get-branch': getBranch,
  'repos/get-content': getContent,
  'repos/compare-commits-with-basehead': compare,
  'repos/list-commits': listCommits,
  'repos/get-commit': getCommit,
  'repos/download-tarball-archive': downloadTarball,
  'repos/get-collaborator-permission-level': collaboratorPermission,
  'actions/get-github-actions-default-workflow-permissions-repository': workflowPermissions,
};
