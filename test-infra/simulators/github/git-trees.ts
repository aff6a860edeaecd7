// git/create-tree: GitHub's tree entries (nested paths, `sha` or `content`, `sha: null` to delete) applied over an
// optional base tree, written bottom-up with `git mktree`. Only directories on a changed path are read or rewritten.
import { requireRepo, unprocessable, type Handler } from './http-util.js';
import { isSha, type GitStore } from './git-store.js';

interface Leaf {
  mode: string;
  type: string;
  sha: string;
}

/** A directory: entries loaded from git, plus whether anything below changed. */
interface Dir {
  entries: Map<string, Leaf | Dir>;
  dirty: boolean;
  sha?: string;
}

interface TreeInput {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha?: string | null;
  content?: string;
}

async function loadDir(git: GitStore, sha: string | undefined): Promise<Dir> {
  const dir: Dir = { entries: new Map(), dirty: false, sha };
  if (!sha) return dir;
  for (const e of await git.readTree(sha, false)) dir.entries.set(e.path, { mode: e.mode, type: e.type, sha: e.sha });
  return dir;
}

function isDir(node: Leaf | Dir | undefined): node is Dir {
  return !!node && 'entries' in node;
}

/** Walks (and loads on demand) the directories on `parts`, marking them dirty; returns the parent of the last part. */
async function parentOf(git: GitStore, root: Dir, parts: string[], create: boolean): Promise<Dir | undefined> {
  let dir = root;
  dir.dirty = true;
  for (const name of parts.slice(0, -1)) {
    let next = dir.entries.get(name);
    if (next && !isDir(next)) {
      if (next.type !== 'tree') {
        if (!create) return undefined;
        next = undefined;
      } else next = await loadDir(git, next.sha);
    }
    if (!next) {
      if (!create) return undefined;
      next = { entries: new Map(), dirty: true };
    }
    next.dirty = true;
    dir.entries.set(name, next);
    dir = next;
  }
  return dir;
}

async function writeDir(git: GitStore, dir: Dir): Promise<string | undefined> {
  if (!dir.dirty && dir.sha) return dir.sha;
  const rows: Array<{ mode: string; type: string; sha: string; name: string }> = [];
  for (const [name, node] of [...dir.entries].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (isDir(node)) {
      const sha = await writeDir(git, node);
      if (sha) rows.push({ mode: '040000', type: 'tree', sha, name });
    } else rows.push({ ...node, name });
  }
  // GitHub drops directories left empty by deletions.
  return rows.length ? git.makeTree(rows) : undefined;
}

async function applyEntry(git: GitStore, root: Dir, entry: TreeInput): Promise<void> {
  const parts = entry.path.split('/').filter(Boolean);
  if (!parts.length || parts.some((p) => p === '.' || p === '..')) throw unprocessable(`tree.path contains a malformed path component`);
  const name = parts[parts.length - 1];
  if (entry.sha === null) {
    const parent = await parentOf(git, root, parts, false);
    parent?.entries.delete(name);
    return;
  }
  if (entry.sha !== undefined && entry.content !== undefined)
    throw unprocessable(`Must supply either tree.sha or tree.content. Request will be rejected if both are present.`);
  let sha = entry.sha;
  if (entry.content !== undefined) {
    if (entry.type !== 'blob') throw unprocessable(`tree.content can only be supplied for blobs`);
    sha = await git.writeBlob(Buffer.from(entry.content, 'utf8'));
  }
  if (!sha) throw unprocessable(`Must supply either tree.sha or tree.content.`);
  if (!isSha(sha)) throw unprocessable(`tree.sha ${sha} is not a valid object id`);
  const actual = await git.objectType(sha);
  if (entry.type !== 'commit' && actual !== entry.type) throw unprocessable(`tree.sha ${sha} is not a valid ${entry.type}`);
  if ((entry.mode === '040000') !== (entry.type === 'tree')) throw unprocessable(`tree.mode ${entry.mode} does not match tree.type ${entry.type}`);
  const parent = (await parentOf(git, root, parts, true)) as Dir;
  parent.entries.set(name, entry.type === 'tree' ? { mode: '040000', type: 'tree', sha } : { mode: entry.mode, type: entry.type, sha });
}

export const createTree: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const { base_tree: baseTree, tree } = ctx.body as { base_tree?: string; tree: TreeInput[] };
  let baseSha: string | undefined;
  if (baseTree !== undefined) {
    baseSha = isSha(baseTree) ? await repo.git.tryRevParse(`${baseTree}^{tree}`) : undefined;
    if (!baseSha) throw unprocessable(`base_tree ${baseTree} is not a valid tree oid`);
  }
  const root = await loadDir(repo.git, baseSha);
  for (const entry of tree) await applyEntry(repo.git, root, entry);
  root.dirty = true;
  const sha = (await writeDir(repo.git, root)) ?? (await repo.git.makeTree([]));
  const entries = await repo.git.readTree(sha, false);
  const api = `${ctx.urls.api}/repos/${repo.fullName}/git`;
  const url = `${api}/trees/${sha}`;
  return {
    status: 201,
    headers: { location: url },
    body: {
      sha,
      url,
      truncated: false,
      tree: entries.map((e) => ({
        path: e.path,
        mode: e.mode,
        type: e.type,
        sha: e.sha,
        ...(e.type === 'blob' ? { size: e.size, url: `${api}/blobs/${e.sha}` } : e.type === 'tree' ? { url: `${api}/trees/${e.sha}` } : {}),
      })),
    },
  };
};
