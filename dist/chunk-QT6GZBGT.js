const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));

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

export {
  GitCommitGraph
};
