const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  describeRequestError,
  statusOf
} from "./chunk-ANR6TANQ.js";

// src/repo/github-commit-graph.ts
var COMPARE_FILE_LIMIT = 300;
var RELATION_BY_STATUS = { identical: "same", ahead: "ancestor", behind: "descendant", diverged: "unrelated" };
var GitHubCommitGraph = class {
  constructor(client, owner, repo) {
    this.client = client;
    this.owner = owner;
    this.repo = repo;
    this.where = `${owner}/${repo}`;
  }
  client;
  owner;
  repo;
  where;
  holdsEveryCommit = true;
  comparisons = /* @__PURE__ */ new Map();
  async resolve(ref) {
    try {
      const { data } = await this.client.rest.repos.getCommit({ owner: this.owner, repo: this.repo, ref });
      return data.sha;
    } catch (error) {
      if (statusOf(error) === 404 || statusOf(error) === 422) return void 0;
      throw error;
    }
  }
  async relation(a, b) {
    const comparison = await this.compare(a, b);
    return comparison && RELATION_BY_STATUS[comparison.status];
  }
  async changedFiles(from, to) {
    const comparison = await this.compare(from, to);
    if (comparison?.status === "identical") return { files: [], renamedFrom: [], complete: true };
    return comparison?.status === "ahead" ? comparison.changed : void 0;
  }
  async *fileHistory(head, file) {
    const pages = this.client.paginate.iterator(this.client.rest.repos.listCommits, {
      owner: this.owner,
      repo: this.repo,
      sha: head,
      path: file,
      per_page: 100
    });
    for await (const { data: commits } of pages) {
      for (const commit of commits) yield { sha: commit.sha, date: Date.parse(commit.commit.committer?.date ?? commit.commit.author?.date ?? "") };
    }
  }
  async fileAt(commit, file) {
    try {
      const { data } = await this.client.rest.repos.getContent({ owner: this.owner, repo: this.repo, path: file, ref: commit });
      if (Array.isArray(data) || data.type !== "file" || !("content" in data) || data.encoding !== "base64") return void 0;
      return Buffer.from(data.content, "base64").toString("utf8");
    } catch (error) {
      if (statusOf(error) === 404) return void 0;
      throw error;
    }
  }
  /** One request per pair, shared by everyone asking at once; a failure is forgotten so the next question asks again. */
  compare(base, head) {
    const key = `${base}...${head}`;
    let pending = this.comparisons.get(key);
    if (!pending) {
      pending = this.requestComparison(base, head);
      this.comparisons.set(key, pending);
      pending.catch(() => this.comparisons.delete(key));
    }
    return pending;
  }
  /** undefined for a commit the repository does not have (404); unrelated histories (404 "No common ancestor") are 'diverged'. */
  async requestComparison(base, head) {
    try {
      const { data } = await this.client.rest.repos.compareCommitsWithBasehead({
        owner: this.owner,
        repo: this.repo,
        basehead: `${base}...${head}`,
        per_page: 1
      });
      const listed = data.files ?? [];
      const renamedFrom = listed.flatMap((file) => file.previous_filename ? [file.previous_filename] : []);
      return { status: data.status, changed: { files: listed.map((file) => file.filename), renamedFrom, complete: listed.length < COMPARE_FILE_LIMIT } };
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      return /no common ancestor/i.test(describeRequestError(error)) ? { status: "diverged", changed: { files: [], renamedFrom: [], complete: true } } : void 0;
    }
  }
};

export {
  COMPARE_FILE_LIMIT,
  GitHubCommitGraph
};
