import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import type { GitHubClient } from '../github/octokit-client.js';
import { isRequestError, statusOf } from '../github/request-errors.js';
import { runProcess } from '../process/run-process.js';
import type { CommitOutcome, CommitRequest, ConfigRepo, Snapshot } from './config-repo.js';

/**
 * The config repo reached only through the GitHub API, with no clone: a branch
 * head is the repo's tarball extracted to a temporary folder, and a commit is
 * one tree (with `base_tree` and the files inline), one commit and one ref
 * update through the Git Data API. Commits made so with a GitHub App token are
 * signed by GitHub, so they show as verified.
 */
export class GitHubApiRepo implements ConfigRepo {
  readonly kind = 'github-api' as const;
  private readonly folders: string[] = [];
  /** Tree of each commit we have seen, so a commit needs no extra read. */
  private readonly trees = new Map<string, string>();

  constructor(
    private readonly client: GitHubClient,
    readonly owner: string,
    readonly name: string,
  ) {}

  get repository(): string {
    return `${this.owner}/${this.name}`;
  }

  async open(branch: string): Promise<Snapshot> {
    const head = await this.branchHead(branch);
    if (!head) throw new UserError(`Branch '${branch}' does not exist in ${this.repository}.`);
    const root = await mkdtemp(join(tmpdir(), 'gitops-promote-snapshot-'));
    this.folders.push(root);
    await this.extractTarball(head.commit, root);
    return { root, commit: head.commit, committedAt: head.committedAt };
  }

  /** One file of the default branch (repos/get-content): no tarball. A 404 is undefined; the caller tells a missing repo from a missing file. */
  async readFile(path: string): Promise<string | undefined> {
    try {
      const { data } = await this.client.rest.repos.getContent({ owner: this.owner, repo: this.name, path });
      if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
      return Buffer.from(data.content, 'base64').toString('utf8');
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /** The API commits exactly the files it is given: there is no work in progress to protect. */
  uncommittedChanges(): Promise<string[]> {
    return Promise.resolve([]);
  }

  reopen(branch: string): Promise<Snapshot> {
    return this.open(branch);
  }

  /** The commit and tree a branch points at, or undefined when it does not exist. */
  async branchHead(branch: string): Promise<{ commit: string; tree: string; committedAt?: number } | undefined> {
    try {
      const { data } = await this.client.rest.repos.getBranch({ owner: this.owner, repo: this.name, branch });
      this.trees.set(data.commit.sha, data.commit.commit.tree.sha);
      const date = data.commit.commit.committer?.date;
      return { commit: data.commit.sha, tree: data.commit.commit.tree.sha, ...(date ? { committedAt: Date.parse(date) } : {}) };
    } catch (error) {
      if (statusOf(error) === 404) {
        await this.requireRepository();
        return undefined;
      }
      throw error;
    }
  }

  async commit(request: CommitRequest): Promise<CommitOutcome> {
    const { owner, name: repo } = this;
    const parent = request.snapshot.commit;
    const baseTree = this.trees.get(parent) ?? (await this.client.rest.git.getCommit({ owner, repo, commit_sha: parent })).data.tree.sha;
    const tree = await this.client.rest.git.createTree({
      owner,
      repo,
      base_tree: baseTree,
      // sha: null removes a file from the base tree.
      tree: request.files.map((file) =>
        file.deleted
          ? { path: file.path, mode: '100644' as const, type: 'blob' as const, sha: null }
          : { path: file.path, mode: '100644' as const, type: 'blob' as const, content: file.content },
      ),
    });
    // No committer: GitHub then commits as the token's identity and signs the commit.
    const commit = await this.client.rest.git.createCommit({
      owner,
      repo,
      message: request.message,
      tree: tree.data.sha,
      parents: [parent],
      author: { name: request.author.name, email: request.author.email },
    });
    const sha = commit.data.sha;
    this.trees.set(sha, tree.data.sha);
    const { target } = request;
    if (target.mode === 'fast-forward') {
      try {
        await this.client.rest.git.updateRef({ owner, repo, ref: `heads/${target.branch}`, sha, force: false });
      } catch (error) {
        if (statusOf(error) === 422 && /fast.forward/i.test(messageOf(error))) return { outcome: 'moved' };
        throw error;
      }
      return { outcome: 'landed', sha, pushed: true };
    }
    await this.pointBranch(target.branch, sha, target.exists);
    return { outcome: 'landed', sha, pushed: true };
  }

  /** Force-moves a branch this action owns, creating it when missing (and coping with a racing run). */
  private async pointBranch(branch: string, sha: string, exists: boolean): Promise<void> {
    const { owner, name: repo } = this;
    const update = () => this.client.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha, force: true });
    const create = () => this.client.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha });
    try {
      await (exists ? update() : create());
    } catch (error) {
      if (statusOf(error) !== 422) throw error;
      // Another run created (or deleted) the branch between our read and this write.
      await (exists ? create() : update());
    }
  }

  async deleteBranch(branch: string): Promise<void> {
    try {
      await this.client.rest.git.deleteRef({ owner: this.owner, repo: this.name, ref: `heads/${branch}` });
    } catch (error) {
      if (statusOf(error) !== 422 && statusOf(error) !== 404) throw error;
    }
  }

  private async extractTarball(commit: string, root: string): Promise<void> {
    const { data } = await this.client.rest.repos.downloadTarballArchive({ owner: this.owner, repo: this.name, ref: commit });
    const archive = `${root}.tar.gz`;
    this.folders.push(archive);
    await writeFile(archive, Buffer.from(data as ArrayBuffer));
    const result = await runProcess('tar', ['-xzf', archive, '-C', root, '--strip-components=1']);
    if (result.exitCode !== 0) throw new Error(`Could not extract the tarball of ${this.repository}@${commit}: ${result.stderr.trim()}`);
  }

  /** A 404 on a branch is either a missing branch or an invisible repo; tell which. */
  private async requireRepository(): Promise<void> {
    try {
      await this.client.rest.repos.get({ owner: this.owner, repo: this.name });
    } catch (error) {
      if (statusOf(error) === 404) {
        throw new UserError(
          `Repository ${this.repository} was not found with this token. A workflow's GITHUB_TOKEN reaches only its own repository; for another ` +
            `repository use a GitHub App token or a fine-grained personal access token with access to it (run the check-setup command for details).`,
        );
      }
      throw error;
    }
  }

  async dispose(): Promise<void> {
    await Promise.all(this.folders.map((folder) => rm(folder, { recursive: true, force: true })));
  }
}

function messageOf(error: unknown): string {
  return isRequestError(error) ? `${error.message} ${JSON.stringify((error.response?.data as object | undefined) ?? {})}` : String(error);
}
