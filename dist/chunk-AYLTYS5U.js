const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  describeRequestError,
  statusOf
} from "./chunk-DXG4JEVT.js";

// src/repo/git-commit-graph.ts
var COMMIT = /^[0-9a-f]{7,40}$/;
var LOG_PAGE = 100;
var GitCommitGraph = class {
  constructor(git, options = {}) {
    this.git = git;
    this.options = options;
    this.where = `the checkout in ${git.directory}`;
    this.remote = options.remote ?? "origin";
  }
  git;
  options;
  where;
  holdsEveryCommit = false;
  remote;
  /** Commits a fetch was made for: each missing commit costs one fetch at most. */
  fetchedFor = /* @__PURE__ */ new Set();
  /** The remote's branch first (`origin/<ref>`: the local branch may be behind it), then the name as given. */
  async resolve(ref) {
    return await this.git.revParse(`${this.remote}/${ref}`) ?? await this.git.revParse(ref);
  }
  async relation(a, b) {
    const commits = await this.commits(a, b);
    if (!commits) return void 0;
    if (commits[0] === commits[1]) return "same";
    if (await this.git.isAncestor(a, b)) return "ancestor";
    if (await this.git.isAncestor(b, a)) return "descendant";
    return "unrelated";
  }
  async changedFiles(from, to) {
    if (!await this.commits(from, to) || !await this.git.isAncestor(from, to)) return void 0;
    const changes = await this.git.diffTree(from, to);
    return {
      files: changes.map((change) => change.path),
      renamedFrom: changes.flatMap((change) => change.renamedFrom === void 0 ? [] : [change.renamedFrom]),
      complete: true
    };
  }
  async *fileHistory(head, file) {
    for (let skip = 0; ; skip += LOG_PAGE) {
      const page = await this.git.fileLog(head, file, { skip, max: LOG_PAGE });
      yield* page;
      if (page.length < LOG_PAGE) return;
    }
  }
  fileAt(commit, file) {
    return this.git.showFile(commit, file);
  }
  /** Both commits' full SHAs, after one fetch from the remote when the checkout lacks one (if allowed); undefined when one is still missing. */
  async commits(a, b) {
    if (!COMMIT.test(a) || !COMMIT.test(b)) return void 0;
    const present = async () => [await this.git.revParse(a), await this.git.revParse(b)];
    let [shaA, shaB] = await present();
    if (shaA && shaB) return [shaA, shaB];
    const missing = [shaA ? void 0 : a, shaB ? void 0 : b].filter((commit) => commit !== void 0);
    if (!this.options.fetchMissing || missing.every((commit) => this.fetchedFor.has(commit))) return void 0;
    for (const commit of missing) this.fetchedFor.add(commit);
    await this.git.fetch(this.remote);
    [shaA, shaB] = await present();
    return shaA && shaB ? [shaA, shaB] : void 0;
  }
};

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
  GitCommitGraph,
  GitHubCommitGraph
};
