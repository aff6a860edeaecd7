const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  isRequestError,
  statusOf
} from "./chunk-ANR6TANQ.js";
import {
  UserError
} from "./chunk-KBKTDO2V.js";
import {
  runProcess
} from "./chunk-QBU2F7BR.js";
import "./chunk-2QGGJF6Q.js";

// src/repo/github-api-repo.ts
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
var GitHubApiRepo = class {
  constructor(client, owner, name) {
    this.client = client;
    this.owner = owner;
    this.name = name;
  }
  client;
  owner;
  name;
  kind = "github-api";
  folders = [];
  /** Tree of each commit we have seen, so a commit needs no extra read. */
  trees = /* @__PURE__ */ new Map();
  get repository() {
    return `${this.owner}/${this.name}`;
  }
  async open(branch) {
    const head = await this.branchHead(branch);
    if (!head) throw new UserError(`Branch '${branch}' does not exist in ${this.repository}.`);
    const root = await mkdtemp(join(tmpdir(), "gitops-promote-snapshot-"));
    this.folders.push(root);
    await this.extractTarball(head.commit, root);
    return { root, commit: head.commit, committedAt: head.committedAt };
  }
  /** One file of the default branch (repos/get-content): no tarball. A 404 is undefined; the caller tells a missing repo from a missing file. */
  async readFile(path) {
    try {
      const { data } = await this.client.rest.repos.getContent({ owner: this.owner, repo: this.name, path });
      if (Array.isArray(data) || data.type !== "file" || !("content" in data)) return void 0;
      return Buffer.from(data.content, "base64").toString("utf8");
    } catch (error) {
      if (statusOf(error) === 404) return void 0;
      throw error;
    }
  }
  /** The API commits exactly the files it is given: there is no work in progress to protect. */
  uncommittedChanges() {
    return Promise.resolve([]);
  }
  reopen(branch) {
    return this.open(branch);
  }
  /** The commit and tree a branch points at, or undefined when it does not exist. */
  async branchHead(branch) {
    try {
      const { data } = await this.client.rest.repos.getBranch({ owner: this.owner, repo: this.name, branch });
      this.trees.set(data.commit.sha, data.commit.commit.tree.sha);
      const date = data.commit.commit.committer?.date;
      return { commit: data.commit.sha, tree: data.commit.commit.tree.sha, ...date ? { committedAt: Date.parse(date) } : {} };
    } catch (error) {
      if (statusOf(error) === 404) {
        await this.requireRepository();
        return void 0;
      }
      throw error;
    }
  }
  async commit(request) {
    const { owner, name: repo } = this;
    const parent = request.snapshot.commit;
    const baseTree = this.trees.get(parent) ?? (await this.client.rest.git.getCommit({ owner, repo, commit_sha: parent })).data.tree.sha;
    const tree = await this.client.rest.git.createTree({
      owner,
      repo,
      base_tree: baseTree,
      // sha: null removes a file from the base tree.
      tree: request.files.map(
        (file) => file.deleted ? { path: file.path, mode: "100644", type: "blob", sha: null } : { path: file.path, mode: "100644", type: "blob", content: file.content }
      )
    });
    const commit = await this.client.rest.git.createCommit({
      owner,
      repo,
      message: request.message,
      tree: tree.data.sha,
      parents: [parent],
      author: { name: request.author.name, email: request.author.email }
    });
    const sha = commit.data.sha;
    this.trees.set(sha, tree.data.sha);
    const { target } = request;
    if (target.mode === "fast-forward") {
      try {
        await this.client.rest.git.updateRef({ owner, repo, ref: `heads/${target.branch}`, sha, force: false });
      } catch (error) {
        if (statusOf(error) === 422 && /fast.forward/i.test(messageOf(error))) return { outcome: "moved" };
        throw error;
      }
      return { outcome: "landed", sha, pushed: true };
    }
    await this.pointBranch(target.branch, sha, target.exists);
    return { outcome: "landed", sha, pushed: true };
  }
  /** Force-moves a branch this action owns, creating it when missing (and coping with a racing run). */
  async pointBranch(branch, sha, exists) {
    const { owner, name: repo } = this;
    const update = () => this.client.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha, force: true });
    const create = () => this.client.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha });
    try {
      await (exists ? update() : create());
    } catch (error) {
      if (statusOf(error) !== 422) throw error;
      await (exists ? create() : update());
    }
  }
  async deleteBranch(branch) {
    try {
      await this.client.rest.git.deleteRef({ owner: this.owner, repo: this.name, ref: `heads/${branch}` });
    } catch (error) {
      if (statusOf(error) !== 422 && statusOf(error) !== 404) throw error;
    }
  }
  async extractTarball(commit, root) {
    const { data } = await this.client.rest.repos.downloadTarballArchive({ owner: this.owner, repo: this.name, ref: commit });
    const archive = `${root}.tar.gz`;
    this.folders.push(archive);
    await writeFile(archive, Buffer.from(data));
    const result = await runProcess("tar", ["-xzf", archive, "-C", root, "--strip-components=1"]);
    if (result.exitCode !== 0) throw new Error(`Could not extract the tarball of ${this.repository}@${commit}: ${result.stderr.trim()}`);
  }
  /** A 404 on a branch is either a missing branch or an invisible repo; tell which. */
  async requireRepository() {
    try {
      await this.client.rest.repos.get({ owner: this.owner, repo: this.name });
    } catch (error) {
      if (statusOf(error) === 404) {
        throw new UserError(
          `Repository ${this.repository} was not found with this token. A workflow's GITHUB_TOKEN reaches only its own repository; for another repository use a GitHub App token or a fine-grained personal access token with access to it (run the check-setup command for details).`
        );
      }
      throw error;
    }
  }
  async dispose() {
    await Promise.all(this.folders.map((folder) => rm(folder, { recursive: true, force: true })));
  }
};
function messageOf(error) {
  return isRequestError(error) ? `${error.message} ${JSON.stringify(error.response?.data ?? {})}` : String(error);
}
export {
  GitHubApiRepo
};
