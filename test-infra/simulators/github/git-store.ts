// Git plumbing over one bare repository. Every call goes through `execGit`, so the Git Data API is real git:
// objects are written with hash-object/mktree/commit-tree and refs move with update-ref's old-value check.
import { spawn } from 'node:child_process';

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

export interface GitPerson {
  name: string;
  email: string;
  /** ISO 8601 date. */
  date: string;
}

export interface GitCommitObject {
  sha: string;
  tree: string;
  parents: string[];
  author: GitPerson;
  committer: GitPerson;
  message: string;
}

export interface GitTreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  path: string;
  size?: number;
}

export class GitFailure extends Error {
  constructor(
    readonly args: string[],
    readonly result: GitResult,
  ) {
    super(`git ${args.join(' ')} failed (${result.code}): ${result.stderr.trim()}`);
  }
}

const SHA = /^[0-9a-f]{40}$/;

export class GitStore {
  constructor(readonly gitDir: string) {}

  /** Runs git against the bare repository; never throws on a non-zero exit. */
  execGit(args: string[], options: { input?: Buffer | string; env?: NodeJS.ProcessEnv } = {}): Promise<GitResult> {
    return new Promise((resolve, reject) => {
      const child = spawn('git', args, {
        env: { ...process.env, GIT_DIR: this.gitDir, GIT_TERMINAL_PROMPT: '0', ...options.env },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.stderr.on('data', (d: Buffer) => err.push(d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input ?? '');
    });
  }

  private async git(args: string[], options: { input?: Buffer | string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
    const result = await this.execGit(args, options);
    if (result.code !== 0) throw new GitFailure(args, result);
    return result.stdout.toString('utf8');
  }

  /** Resolves a fully qualified ref (refs/heads/x) to its object SHA, or undefined. */
  async tryResolveRef(ref: string): Promise<string | undefined> {
    const r = await this.execGit(['rev-parse', '--verify', '--quiet', `${ref}^{}`]);
    return r.code === 0 ? r.stdout.toString().trim() : undefined;
  }

  /** Resolves any revision expression (`sha:path`, `x^{tree}`) as written, without peeling. */
  async tryRevParse(spec: string): Promise<string | undefined> {
    const r = await this.execGit(['rev-parse', '--verify', '--quiet', spec]);
    return r.code === 0 ? r.stdout.toString().trim() : undefined;
  }

  /** Resolves a branch name, tag name or SHA to a commit SHA (how GitHub reads `ref`/`sha` parameters). */
  async tryResolveCommit(name: string): Promise<string | undefined> {
    for (const candidate of [`refs/heads/${name}`, `refs/tags/${name}`, name]) {
      if (candidate === name && !/^[0-9a-f]{4,40}$/.test(name) && !name.startsWith('refs/')) continue;
      const r = await this.execGit(['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`]);
      if (r.code === 0) return r.stdout.toString().trim();
    }
    return undefined;
  }

  async listRefs(prefix: string): Promise<Array<{ ref: string; sha: string; type: string }>> {
    const out = await this.git(['for-each-ref', '--format=%(refname) %(objectname) %(objecttype)', prefix]);
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [ref, sha, type] = line.split(' ');
        return { ref, sha, type };
      });
  }

  /** Moves a ref only if it still points at `expectedOld` (empty string: the ref must not exist yet). */
  async tryUpdateRef(ref: string, sha: string, expectedOld: string): Promise<boolean> {
    const old = expectedOld || '0'.repeat(40);
    return (await this.execGit(['update-ref', ref, sha, old])).code === 0;
  }

  async tryDeleteRef(ref: string, expectedOld: string): Promise<boolean> {
    return (await this.execGit(['update-ref', '-d', ref, expectedOld])).code === 0;
  }

  async objectType(sha: string): Promise<string | undefined> {
    if (!SHA.test(sha)) return undefined;
    const r = await this.execGit(['cat-file', '-t', sha]);
    return r.code === 0 ? r.stdout.toString().trim() : undefined;
  }

  async readBlob(sha: string): Promise<Buffer> {
    return (await this.execGit(['cat-file', 'blob', sha])).stdout;
  }

  async writeBlob(content: Buffer): Promise<string> {
    return (await this.git(['hash-object', '-w', '--stdin', '-t', 'blob'], { input: content })).trim();
  }

  /** Lists a tree like GitHub's get-tree: with `recursive`, sub-trees are listed too (`-t`). */
  async readTree(sha: string, recursive: boolean): Promise<GitTreeEntry[]> {
    const args = ['ls-tree', '-l', '-z', ...(recursive ? ['-r', '-t'] : []), sha];
    const out = await this.git(args);
    return out
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const tab = line.indexOf('\t');
        const [mode, type, objSha, size] = line.slice(0, tab).split(/\s+/);
        const entry: GitTreeEntry = { mode, type: type as GitTreeEntry['type'], sha: objSha, path: line.slice(tab + 1) };
        if (type === 'blob') entry.size = Number(size);
        return entry;
      });
  }

  /** Writes one tree level; names must not contain '/'. */
  async makeTree(entries: Array<{ mode: string; type: string; sha: string; name: string }>): Promise<string> {
    const input = entries.map((e) => `${e.mode} ${e.type} ${e.sha}\t${e.name}\0`).join('');
    return (await this.git(['mktree', '-z', '--missing'], { input })).trim();
  }

  async readCommit(sha: string): Promise<GitCommitObject> {
    const raw = await this.git(['cat-file', 'commit', sha]);
    const split = raw.indexOf('\n\n');
    const headers = raw.slice(0, split === -1 ? raw.length : split).split('\n');
    const commit: GitCommitObject = {
      sha,
      tree: '',
      parents: [],
      author: parsePerson(''),
      committer: parsePerson(''),
      message: split === -1 ? '' : raw.slice(split + 2),
    };
    for (const line of headers) {
      const space = line.indexOf(' ');
      const key = line.slice(0, space);
      const value = line.slice(space + 1);
      if (key === 'tree') commit.tree = value;
      else if (key === 'parent') commit.parents.push(value);
      else if (key === 'author') commit.author = parsePerson(value);
      else if (key === 'committer') commit.committer = parsePerson(value);
    }
    return commit;
  }

  async writeCommit(input: { tree: string; parents: string[]; message: string; author: GitPerson; committer: GitPerson }): Promise<string> {
    const args = ['commit-tree', input.tree, ...input.parents.flatMap((p) => ['-p', p]), '-F', '-'];
    const env = {
      GIT_AUTHOR_NAME: input.author.name,
      GIT_AUTHOR_EMAIL: input.author.email,
      GIT_AUTHOR_DATE: input.author.date,
      GIT_COMMITTER_NAME: input.committer.name,
      GIT_COMMITTER_EMAIL: input.committer.email,
      GIT_COMMITTER_DATE: input.committer.date,
    };
    return (await this.git(args, { input: input.message, env })).trim();
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    return (await this.execGit(['merge-base', '--is-ancestor', ancestor, descendant])).code === 0;
  }

  async mergeBase(a: string, b: string): Promise<string | undefined> {
    const r = await this.execGit(['merge-base', a, b]);
    return r.code === 0 ? r.stdout.toString().trim() : undefined;
  }

  /** Commits reachable from `include` but not from `exclude`, oldest first. */
  async revList(include: string, exclude?: string, path?: string): Promise<string[]> {
    const args = ['rev-list', '--topo-order', include, ...(exclude ? [`^${exclude}`] : []), ...(path ? ['--', path] : [])];
    return (await this.git(args)).split('\n').filter(Boolean).reverse();
  }

  /**
   * Per-file changes between two commits: status, additions and deletions (binary files count 0). Renames are found
   * as GitHub finds them: one entry under the new name, `renamed`, with the old name as `previous`.
   */
  async diffFiles(
    from: string,
    to: string,
  ): Promise<Array<{ filename: string; status: string; additions: number; deletions: number; sha: string; previous?: string }>> {
    const nameStatus = (await this.git(['diff', '--name-status', '-z', '--find-renames', from, to])).split('\0');
    const numstat = (await this.git(['diff', '--numstat', '-z', '--find-renames', from, to])).split('\0');
    const counts = new Map<string, [number, number]>();
    // `a\td\tpath`, or for a rename `a\td\t` followed by the old and the new path.
    for (let i = 0; i < numstat.length && numstat[i] !== ''; i++) {
      const [a, d, file] = numstat[i].split('\t');
      const filename = file === '' ? numstat[(i += 2)] : file;
      counts.set(filename, [Number(a) || 0, Number(d) || 0]);
    }
    const files = [];
    for (let i = 0; i < nameStatus.length && nameStatus[i] !== '';) {
      const letter = nameStatus[i++][0];
      const previous = letter === 'R' ? nameStatus[i++] : undefined;
      const filename = nameStatus[i++];
      const [additions, deletions] = counts.get(filename) ?? [0, 0];
      const status = { A: 'added', D: 'removed', M: 'modified', T: 'changed', R: 'renamed' }[letter] ?? 'modified';
      const blob = await this.tryRevParse(`${status === 'removed' ? from : to}:${filename}`);
      files.push({ filename, status, additions, deletions, sha: blob ?? '0'.repeat(40), ...(previous === undefined ? {} : { previous }) });
    }
    return files;
  }

  /** Three-way merge without a work tree (`git merge-tree --write-tree`); undefined on conflict. */
  async mergeTrees(ours: string, theirs: string): Promise<string | undefined> {
    const r = await this.execGit(['merge-tree', '--write-tree', '--no-messages', ours, theirs]);
    return r.code === 0 ? r.stdout.toString().split('\n')[0].trim() : undefined;
  }

  async archive(commit: string, prefix: string): Promise<Buffer> {
    const r = await this.execGit(['archive', '--format=tar.gz', `--prefix=${prefix}/`, commit]);
    if (r.code !== 0) throw new GitFailure(['archive', commit], r);
    return r.stdout;
  }
}

/** Parses `Name <email> 1700000000 +0100` into an ISO date in UTC, as GitHub reports it. */
function parsePerson(value: string): GitPerson {
  const m = /^(.*) <([^>]*)> (\d+) ([+-]\d{4})$/.exec(value);
  if (!m) return { name: '', email: '', date: new Date(0).toISOString().replace(/\.\d{3}Z$/, 'Z') };
  return { name: m[1], email: m[2], date: new Date(Number(m[3]) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

export function isSha(value: string): boolean {
  return SHA.test(value);
}

/**
 * Replays one commit onto another base without a work tree (what a rebase merge does): a three-way
 * read-tree into a throw-away index. Only trivial merges succeed; undefined means the rebase conflicts.
 */
export async function replayTree(git: GitStore, parent: string, onto: string, commit: string, indexFile: string): Promise<string | undefined> {
  const env = { GIT_INDEX_FILE: indexFile };
  const read = await git.execGit(['read-tree', '-m', '-i', '--aggressive', parent, onto, commit], { env });
  if (read.code !== 0) return undefined;
  const write = await git.execGit(['write-tree'], { env });
  return write.code === 0 ? write.stdout.toString().trim() : undefined;
}
